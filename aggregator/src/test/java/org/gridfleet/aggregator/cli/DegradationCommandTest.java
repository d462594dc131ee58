package org.gridfleet.aggregator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridfleet.aggregator.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DegradationCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path csv(String... lines) throws IOException {
        Path file = dir.resolve("day.csv");
        Files.write(file, List.of(lines));
        return file;
    }

    private List<String> outLines() {
        return out.toString().lines().toList();
    }

    @Test
    void degradationShouldPrintBlastLiteCheckValueWhenKokamIsStoredHalfCharged() throws IOException {
        // GIVEN
        Path day = csv("seconds,soc", "0,0.5", "43200,0.5", "86400,0.5");

        // WHEN
        int exit = run("degradation", "--model", "nmc111-kokam", "--profile", day.toString(), "--years", "10");

        // THEN
        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(outLines()).hasSize(11).first().isEqualTo("year,q,efc");
        assertThat(outLines().get(10)).isEqualTo("10,0.976950,0.000");
    }

    @Test
    void degradationShouldReadTemperatureColumnWhenPresent() throws IOException {
        // GIVEN an LFP day at 25 °C given per sample, and --temperature that must then be ignored
        Path day = csv("soc,seconds,temperature_c", "0.5,0,25", "0.5,86400,25");

        // WHEN
        int exit = run("degradation", "--model", "lfp-250ah", "--profile", day.toString(), "--years", "10",
                "--temperature", "40");

        // THEN
        assertThat(exit).isZero();
        assertThat(outLines().get(10)).isEqualTo("10,0.963003,0.000");
    }

    @Test
    void degradationShouldAgeFasterWhenTemperatureIsHigher() throws IOException {
        // GIVEN
        Path day = csv("seconds,soc", "0,0.5", "86400,0.5");

        // WHEN
        run("degradation", "--model", "lfp-250ah", "--profile", day.toString(), "--years", "2");
        double q25 = Double.parseDouble(outLines().get(2).split(",")[1]);
        out.getBuffer().setLength(0);
        run("degradation", "--model", "lfp-250ah", "--profile", day.toString(), "--years", "2", "--temperature", "35");
        double q35 = Double.parseDouble(outLines().get(2).split(",")[1]);

        // THEN
        assertThat(q35).isLessThan(q25);
    }

    @Test
    void degradationShouldCountCyclesWhenTheDayCycles() throws IOException {
        // GIVEN 0.9 -> 0.4 -> 0.9: half a full cycle per day at full capacity
        Path day = csv("seconds,soc", "0,0.9", "21600,0.4", "43200,0.9", "86400,0.9");

        // WHEN
        int exit = run("degradation", "--model", "nmc111-kokam", "--profile", day.toString(), "--years", "1");

        // THEN EFC = Σ q_prev · 0.5 over 365 days, and q_prev falls from 1 to q(year 1)
        assertThat(exit).isZero();
        String[] year1 = outLines().get(1).split(",");
        double q = Double.parseDouble(year1[1]);
        assertThat(q).isLessThan(1.0);
        assertThat(Double.parseDouble(year1[2])).isBetween(182.5 * q, 182.5);
    }

    @Test
    void degradationShouldExitTwoWhenSocIsOutOfRange() throws IOException {
        // GIVEN
        Path day = csv("seconds,soc", "0,0.5", "43200,1.2", "86400,0.5");

        // WHEN
        int exit = run("degradation", "--model", "lfp-250ah", "--profile", day.toString());

        // THEN
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("line 3: soc must be within 0..1, but was 1.2");
    }

    @Test
    void degradationShouldExitTwoWhenTimeDoesNotIncrease() throws IOException {
        // GIVEN
        Path day = csv("seconds,soc", "0,0.5", "43200,0.6", "43200,0.5", "86400,0.5");

        // WHEN
        int exit = run("degradation", "--model", "lfp-250ah", "--profile", day.toString());

        // THEN
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("line 4: seconds must be strictly increasing, but 43200 follows 43200.0");
    }

    @Test
    void degradationShouldExitTwoWhenModelIsUnknown() throws IOException {
        // GIVEN
        Path day = csv("seconds,soc", "0,0.5", "86400,0.5");

        // WHEN
        int exit = run("degradation", "--model", "lmo-leaf", "--profile", day.toString());

        // THEN
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("unknown model 'lmo-leaf'; known models: nmc111-kokam, lfp-250ah, nca-panasonic");
    }

    @Test
    void degradationShouldExitTwoWhenProfileFileIsMissing() {
        // GIVEN
        Path missing = dir.resolve("nope.csv");

        // WHEN
        int exit = run("degradation", "--model", "lfp-250ah", "--profile", missing.toString());

        // THEN
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("profile file not found: " + missing);
    }

    @Test
    void degradationShouldExitTwoWhenProfileDoesNotSpanADay() throws IOException {
        // GIVEN
        Path day = csv("seconds,soc", "0,0.5", "3600,0.5");

        // WHEN
        int exit = run("degradation", "--model", "lfp-250ah", "--profile", day.toString());

        // THEN
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("must span exactly one day (86400 s)", "spans 3600.0 s");
    }

    @Test
    void degradationShouldExitTwoWhenSocColumnIsMissingOrNotANumber() throws IOException {
        // GIVEN / WHEN
        int noColumn = run("degradation", "--model", "lfp-250ah", "--profile",
                csv("seconds,charge", "0,0.5", "86400,0.5").toString());
        int notNumber = run("degradation", "--model", "lfp-250ah", "--profile",
                csv("seconds,soc", "0,half", "86400,0.5").toString());

        // THEN
        assertThat(noColumn).isEqualTo(2);
        assertThat(notNumber).isEqualTo(2);
        assertThat(err.toString()).contains("header must name a 'soc' column, but was 'seconds,charge'",
                "line 2: soc must be a finite number, but was 'half'");
    }

    @Test
    void degradationShouldExitTwoWhenRequiredOptionIsMissing() {
        // GIVEN / WHEN
        int exit = run("degradation", "--profile", "day.csv");

        // THEN
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--model");
    }
}
