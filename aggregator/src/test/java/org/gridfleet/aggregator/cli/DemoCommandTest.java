package org.gridfleet.aggregator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {
    private static final int LABEL_WIDTH = 30;


    @Test
    void callShouldPrintDumbAndGridfleetSideBySideWhenRun() {
        // GIVEN the demo writing to a buffer
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DemoCommand demo = new DemoCommand(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        // WHEN run
        int exit = new CommandLine(demo).execute();
        // THEN exit 0; both columns; dumb is over the 100 kW limit, Gridfleet within it with every van at target
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(out).contains("dumb charging").contains("Gridfleet").contains("vans at target at departure");
        String[] peak = row(out, "peak site import (kW)");
        assertThat(Double.parseDouble(peak[0])).isGreaterThan(100);
        assertThat(Double.parseDouble(peak[1])).isLessThanOrEqualTo(100);
        assertThat(row(out, "vans at target at departure")[1]).isEqualTo("20/20");
        assertThat(Double.parseDouble(row(out, "total cost")[1]))
                .isLessThan(Double.parseDouble(row(out, "total cost")[0]));
        // and the hour of RegD earned credits and scored above 0.9
        assertThat(Double.parseDouble(row(out, "V2G / regulation revenue")[1])).isPositive();
        Matcher score = Pattern.compile("regulation, 40 kW: PJM composite score (\\d\\.\\d+)").matcher(out);
        assertThat(score.find()).as(out).isTrue();
        assertThat(Double.parseDouble(score.group(1))).isGreaterThan(0.9);
    }

    /** The two value columns of a table row, spaces inside a value removed. */
    private static String[] row(String table, String label) {
        String line = table.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow();
        String values = line.substring(LABEL_WIDTH).trim().replace(" / ", "/");
        return values.split("\\s+");
    }
}
