package org.gridfleet.aggregator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.gridfleet.aggregator.config.TelemetryConfig;
import org.gridfleet.aggregator.http.HealthApi;
import org.gridfleet.aggregator.metrics.TelemetryMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database goes away under load and comes back: every row offered is in the table exactly once, in
 * the order offered, and readiness says what is going on meanwhile.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TelemetryOutageIT {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryOutageIT.class);
    /** How long the database stays down: 10 s in the suite; a benchmark run passes 60. */
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("gridfleet.outageSeconds", 10));
    private static final Instant T0 = Instant.parse("2026-07-16T12:00:00Z");
    private static final int ROWS_PER_SECOND = 2000;

    @TempDir
    static Path tmp;
    private static RestartablePostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = new RestartablePostgres(tmp.resolve("pgdata"));
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void everyOfferedRowShouldBeWrittenOnceAndReadinessDegradedWhenTheDatabaseIsDown() throws Exception {
        // GIVEN a writer whose memory holds 2.5 s of rows, so the outage spills too, and readiness over HTTP
        HikariDataSource ds = postgres.pool("outage");
        TelemetryWriter writer = new TelemetryWriter(ds,
                new TelemetryConfig(5_000, 500, 50).withSpill(tmp.resolve("spill-outage"), 64L << 20)
                        .withRetryMaxMs(500), TelemetryMetrics.NOOP);
        Vertx vertx = Vertx.vertx();
        AtomicInteger databaseUp = new AtomicInteger();
        Router router = Router.router(vertx);
        new HealthApi(vertx, ds, databaseUp, writer::backlog).register(router);
        int port = vertx.createHttpServer().requestHandler(router).listen(0).await().actualPort();
        // THEN the database gauge is up from start-up, before anyone asked for readiness
        await(() -> databaseUp.get() == 1, Duration.ofSeconds(15));

        // WHEN rows flow, the database stops for OUTAGE (10 s here, 60 s as issue 9 asks with -Dgridfleet.outageSeconds=60)
        Producer producer = Producer.start(writer);
        Thread.sleep(2_000);
        postgres.stop();
        long downAt = System.nanoTime();
        await(() -> writer.backlog().spilledRows() > 0, Duration.ofSeconds(20));
        HttpResponse<String> degraded = ready(port);
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downAt)));
        postgres.start();
        long upAt = System.nanoTime();
        Thread.sleep(2_000);
        int offered = producer.stop();
        await(() -> writer.backlog().bufferedRows() == 0, Duration.ofSeconds(60));
        LOG.info("outage {} s: {} rows offered; backlog empty {} ms after the database was back (not asserted)",
                OUTAGE.toSeconds(), offered, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - upAt));
        HttpResponse<String> recovered = ready(port);
        writer.close(Duration.ofSeconds(10));
        vertx.close().await();

        // THEN readiness said why while the database was away, and is UP again
        assertThat(degraded.statusCode()).isEqualTo(503);
        JsonObject body = new JsonObject(degraded.body());
        assertThat(body.getString("status")).isEqualTo("DEGRADED");
        assertThat(body.getString("reason")).startsWith("database unreachable; telemetry buffered: ");
        assertThat(body.getJsonObject("telemetry").getString("state")).isEqualTo("BUFFERING");
        assertThat(recovered.statusCode()).isEqualTo(200);
        assertThat(databaseUp.get()).isEqualTo(1);
        // and nothing acknowledged was lost or written twice, and order held
        assertThat(writer.dropped()).isZero();
        assertThat(writer.failed()).isZero();
        assertExactlyOnceInOrder(ds, offered);
        ds.close();
    }

    @Test
    void spilledRowsShouldBeReplayedInOrderOnceEvenWhenASegmentIsReplayedTwice() throws Exception {
        // GIVEN a database that is down and a writer with memory for 1 s of rows (a busy machine can stall the
        // intake thread for a good part of that)
        HikariDataSource ds = postgres.pool("spill");
        postgres.stop();
        Path spill = tmp.resolve("spill-replay");
        TelemetryConfig config = new TelemetryConfig(2_000, 100, 10).withSpill(spill, 64L << 20).withRetryMaxMs(200);
        TelemetryWriter down = new TelemetryWriter(ds, config, TelemetryMetrics.NOOP);
        // WHEN 3 s of rows arrive and the writer is closed while the database is still down
        Producer producer = Producer.start(down);
        Thread.sleep(3_000);
        int offered = producer.stop();
        down.close(Duration.ofSeconds(5));
        // THEN everything is on disk and nothing was dropped
        assertThat(down.dropped()).isZero();
        assertThat(TelemetrySpill.open(spill, 64L << 20).rows()).isEqualTo(offered);

        // WHEN the database is back, a new writer replays the spill; then the same segments are put back, as if
        // the process had crashed after writing them and before deleting them, and replayed again
        Path copy = Files.createDirectories(tmp.resolve("spill-copy"));
        for (Path p : list(spill)) {
            Files.copy(p, copy.resolve(p.getFileName()));
        }
        postgres.start();
        replay(ds, config);
        assertThat(list(spill)).isEmpty();
        for (Path p : list(copy)) {
            Files.copy(p, spill.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        replay(ds, config);

        // THEN each row is there once, in the order offered
        assertExactlyOnceInOrder(ds, offered);
        ds.close();
    }

    private static void replay(DataSource ds, TelemetryConfig config) throws Exception {
        TelemetryWriter writer = new TelemetryWriter(ds, config, TelemetryMetrics.NOOP);
        await(() -> writer.backlog().bufferedRows() == 0, Duration.ofSeconds(60));
        writer.close(Duration.ofSeconds(10));
        assertThat(writer.failed()).isZero();
    }

    /** Row i has time T0 + i ms: all of 0..offered-1 present once, and physically stored in that order. */
    private static void assertExactlyOnceInOrder(DataSource ds, int offered) throws Exception {
        List<Long> millis = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT time FROM meter_values ORDER BY ctid")) {
            while (rs.next()) {
                millis.add(rs.getTimestamp(1).toInstant().toEpochMilli() - T0.toEpochMilli());
            }
        }
        assertThat(offered).isGreaterThan(ROWS_PER_SECOND);
        assertThat(millis).hasSize(offered);
        for (int i = 0; i < offered; i++) {
            if (millis.get(i) != i) {
                throw new AssertionError("row " + i + " in storage order is offered row " + millis.get(i));
            }
        }
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static HttpResponse<String> ready(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/health/ready")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within " + atMost);
            }
            Thread.sleep(50);
        }
    }

    /** Offers meter values at a steady {@value #ROWS_PER_SECOND} rows/s, as chargers would, until stopped. */
    private static final class Producer {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger offered = new AtomicInteger();
        private final Thread thread;

        private Producer(TelemetryWriter writer) {
            thread = new Thread(() -> {
                long start = System.nanoTime();
                while (running.get()) {
                    long due = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) * ROWS_PER_SECOND / 1000;
                    while (offered.get() < due) {
                        int i = offered.get();
                        writer.offer(new TelemetryRow.MeterValue(T0.plusMillis(i), "CP-" + i % 200, 1, 11.0, i * 0.01));
                        offered.incrementAndGet();
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }, "telemetry-producer");
            thread.start();
        }

        static Producer start(TelemetryWriter writer) {
            return new Producer(writer);
        }

        int stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return offered.get();
        }
    }
}
