package org.gridfleet.aggregator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.config.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: a Gridfleet JVM killed with SIGKILL leaves its embedded PostgreSQL running (the server daemonizes). The
 * next start on the same home must stop that orphan and come up on the same port and data, losing nothing.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class OrphanPostmasterIT {

    @TempDir
    Path home;

    @Test
    void databaseShouldStopTheOrphanedServerAndKeepItsDataWhenTheJvmThatStartedItWasKilled() throws Exception {
        // GIVEN a JVM that started the embedded server on this home and wrote a row, killed with SIGKILL
        int port = freePort();
        Path dataDir = home.resolve("pgdata");
        Process jvm = startChild(dataDir, port);
        try {
            assertThat(readyLine(jvm)).isEqualTo("ready");
        } finally {
            jvm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        long pid = postmasterPid(dataDir);
        ProcessHandle orphan = ProcessHandle.of(pid).orElseThrow();
        assertThat(orphan.isAlive()).as("the server outlives its JVM").isTrue();

        // WHEN Gridfleet opens the embedded database on the same home and port
        try (Database db = Database.open(new DatabaseConfig(Optional.empty(), DatabaseConfig.DEFAULT_USER, "",
                2, port), home);
             Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT id FROM outlived.acknowledged")) {
            // THEN the orphan is gone and a new server holds the same data
            assertThat(orphan.isAlive()).isFalse();
            assertThat(postmasterPid(dataDir)).isNotEqualTo(pid);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(7);
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void stopIfAnyShouldLeaveTheServerAloneWhenTheJvmThatStartedItIsAlive() throws Exception {
        // GIVEN an embedded server whose owning JVM runs
        Path dataDir = home.resolve("pgdata");
        Process jvm = startChild(dataDir, freePort());
        try {
            assertThat(readyLine(jvm)).isEqualTo("ready");
            long pid = postmasterPid(dataDir);

            // WHEN another start looks for an orphan THEN it finds none and the server keeps running
            assertThat(OrphanPostmaster.stopIfAny(dataDir, Duration.ofSeconds(1))).isEmpty();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
        } finally {
            // now an orphan: a clean shutdown, waited for, so no server process still writes into the temp dir
            jvm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            OrphanPostmaster.stopIfAny(dataDir, Duration.ofSeconds(20));
        }
    }

    private static Process startChild(Path dataDir, int port) throws java.io.IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedPostgresChild.class.getName(),
                dataDir.toString(), Integer.toString(port)).redirectErrorStream(true).start();
    }

    private static long postmasterPid(Path dataDir) throws java.io.IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    private static String readyLine(Process jvm) throws Exception {
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder seen = new StringBuilder();
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.equals("ready")) {
                        return line;
                    }
                    seen.append(line).append('\n');
                }
                return "child exited:\n" + seen;
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        return ready.get(90, TimeUnit.SECONDS);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
