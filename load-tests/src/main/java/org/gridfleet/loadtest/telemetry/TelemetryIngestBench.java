package org.gridfleet.loadtest.telemetry;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gridfleet.aggregator.config.TelemetryConfig;
import org.gridfleet.aggregator.metrics.TelemetryMetrics;
import org.gridfleet.aggregator.storage.Database;
import org.gridfleet.aggregator.storage.TelemetryRow;
import org.gridfleet.aggregator.storage.TelemetryWriter;

/**
 * Telemetry ingest rate: rows/s from {@link TelemetryWriter#offer} into an embedded PostgreSQL (fresh data
 * directory, production migrations, COPY + insert-select with row identity). One producer thread offers
 * meter values of 10,000 chargers as fast as the writer's memory takes them (it waits when memory is full,
 * so nothing is dropped and the figure is the sustained database rate); the clock stops when the last row
 * is written. A warm-up of a fifth of the rows runs first; the other four fifths are measured. Also prints
 * the CPU time this JVM (producer, encoding, JDBC) and PostgreSQL used meanwhile: on a shared machine the
 * wall-clock rate depends on the neighbours, the CPU seconds per row do not.
 *
 * <p>Usage: {@code load-tests/bench run org.gridfleet.loadtest.telemetry.TelemetryIngestBench [rows] [batchSize]}
 */
public final class TelemetryIngestBench {

    private static final Instant T0 = Instant.parse("2026-07-16T00:00:00Z");
    private static final int CHARGERS = 10_000;

    private TelemetryIngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : TelemetryConfig.DEFAULT_BATCH_SIZE;
        Path dir = Files.createTempDirectory("telemetry-bench");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).start();
             HikariDataSource ds = Database.pool("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres",
                     "postgres", "", 4, "public")) {
            Database.migrate(ds, "public");
            TelemetryConfig config = new TelemetryConfig(TelemetryConfig.DEFAULT_QUEUE_CAPACITY, batchSize,
                    TelemetryConfig.DEFAULT_FLUSH_INTERVAL_MS);
            TelemetryWriter writer = new TelemetryWriter(ds, config, TelemetryMetrics.NOOP);
            int warmUp = rows / 5;
            ingest(writer, 0, warmUp);
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            double loadBefore = os.getSystemLoadAverage();
            PostgresCpu pgCpu = PostgresCpu.of(dir.resolve("pgdata"));
            double pgCpuStart = pgCpu.seconds();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            ingest(writer, warmUp, rows);
            double seconds = (System.nanoTime() - start) / 1e9;
            double jvmCpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
            double pgCpuSeconds = pgCpu.seconds() - pgCpuStart;
            double loadAfter = os.getSystemLoadAverage();
            writer.close(Duration.ofSeconds(30));
            int measured = rows - warmUp;
            System.out.printf(Locale.ROOT, "rows=%d batchSize=%d seconds=%.2f rowsPerSecond=%.0f"
                            + " jvmCpuSeconds=%.2f postgresCpuSeconds=%.2f rowsPerPostgresCpuSecond=%.0f"
                            + " dropped=%d failed=%d loadAverage1m(before/after)=%.2f/%.2f cores=%d%n",
                    measured, batchSize, seconds, measured / seconds, jvmCpuSeconds, pgCpuSeconds,
                    measured / pgCpuSeconds, writer.dropped(), writer.failed(), loadBefore, loadAfter,
                    Runtime.getRuntime().availableProcessors());
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    /** Offers rows [from, to) and returns when all of them are written. */
    private static void ingest(TelemetryWriter writer, int from, int to) throws InterruptedException {
        int capacity = TelemetryConfig.DEFAULT_QUEUE_CAPACITY;
        long target = writer.written() + (to - from);
        for (int i = from; i < to; i++) {
            TelemetryRow row = new TelemetryRow.MeterValue(T0.plusSeconds(10L * (i / CHARGERS)), "CP-" + (i % CHARGERS),
                    1, 11.0, i * 0.001);
            while (writer.queued() >= capacity) {
                LockSupport.parkNanos(100_000);
            }
            writer.offer(row);
        }
        while (writer.written() < target) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
