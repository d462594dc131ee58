package org.gridfleet.aggregator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeCommandTest {

    @TempDir
    Path dir;

    private record Result(int exitCode, String err) {
    }

    private Result serve(Path config) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err, true));
        return new Result(cli.execute("--config", config.toString()), err.toString());
    }

    @Test
    void serveShouldExitNonZeroNamingThePortWhenTheDatabasePortIsHeldBySilentProgram() throws IOException {
        // GIVEN a program that accepts connections on the embedded database's port and never answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path config = Files.writeString(dir.resolve("g.yaml"), "home: " + dir + "\ndatabase:\n  embeddedPort: "
                    + silent.getLocalPort() + "\nhttp:\n  port: 0\nocpp:\n  port: 0\n");
            // WHEN
            Result r = serve(config);
            // THEN
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("cannot start").contains("database.embeddedPort")
                    .contains(String.valueOf(silent.getLocalPort()));
        }
    }

    @Test
    void serveShouldExitNonZeroNamingThePortWhenTheOcppPortIsTaken() throws IOException {
        // GIVEN
        try (ServerSocket taken = new ServerSocket(0)) {
            Path config = Files.writeString(dir.resolve("g.yaml"), "home: " + dir + "\ndatabase:\n  embeddedPort: "
                    + freePort() + "\nhttp:\n  port: 0\nocpp:\n  port: " + taken.getLocalPort() + "\n");
            // WHEN
            Result r = serve(config);
            // THEN
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("ocpp.port").contains(String.valueOf(taken.getLocalPort()));
        }
    }

    @Test
    void serveShouldExitTwoWhenAConfigValueIsInvalid() throws IOException {
        // GIVEN
        Path config = Files.writeString(dir.resolve("g.yaml"), "ocpp:\n  port: 99999\n");
        // WHEN
        Result r = serve(config);
        // THEN
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("ocpp.port").contains("99999");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
