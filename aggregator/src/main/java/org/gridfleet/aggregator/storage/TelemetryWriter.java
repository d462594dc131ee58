package org.gridfleet.aggregator.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.gridfleet.aggregator.config.TelemetryConfig;
import org.gridfleet.aggregator.metrics.TelemetryMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Non-blocking, batched writer of telemetry rows. {@link #offer} never blocks (safe on an event
 * loop): it puts the row in a bounded queue or, when the queue is full, drops it and counts the
 * drop. One worker thread drains the queue and writes each table's rows with one multi-row INSERT
 * per batch. Losing telemetry under overload is preferred to slowing the control path.
 */
public final class TelemetryWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryWriter.class);
    /** PostgreSQL accepts at most 65535 bind parameters per statement. */
    private static final int MAX_PARAMS = 65_535;

    private final DataSource dataSource;
    private final TelemetryConfig config;
    private final TelemetryMetrics metrics;
    private final BlockingQueue<TelemetryRow> queue;
    private final Thread worker;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public TelemetryWriter(DataSource dataSource, TelemetryConfig config, TelemetryMetrics metrics) {
        this.dataSource = dataSource;
        this.config = config;
        this.metrics = metrics;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        metrics.queueDepth(queue::size);
        this.worker = new Thread(this::run, "gridfleet-telemetry-writer");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues a row; false (and counted as dropped) if the queue is full or the writer is closed. */
    public boolean offer(TelemetryRow row) {
        if (running.get() && queue.offer(row)) {
            metrics.queued(row.table().sqlName());
            return true;
        }
        dropped.incrementAndGet();
        metrics.dropped();
        return false;
    }

    public int queued() {
        return queue.size();
    }

    public long written() {
        return written.get();
    }

    public long dropped() {
        return dropped.get();
    }

    /** Rows lost because a batch insert failed. */
    public long failed() {
        return failed.get();
    }

    private void run() {
        List<TelemetryRow> batch = new ArrayList<>(config.batchSize());
        while (running.get() || !queue.isEmpty()) {
            try {
                TelemetryRow first = queue.poll(config.flushIntervalMs(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.batchSize() - 1);
                flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
    }

    private void flush(List<TelemetryRow> batch) {
        long start = System.nanoTime();
        Map<TelemetryRow.Table, List<TelemetryRow>> byTable = new EnumMap<>(TelemetryRow.Table.class);
        for (TelemetryRow r : batch) {
            byTable.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r);
        }
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<TelemetryRow.Table, List<TelemetryRow>> e : byTable.entrySet()) {
                insert(c, e.getKey(), e.getValue());
            }
        } catch (SQLException e) {
            LOG.warn("telemetry connection failed; {} rows lost", batch.size(), e);
            failed.addAndGet(batch.size());
            metrics.failed(batch.size());
        }
        metrics.flushed(Duration.ofNanos(System.nanoTime() - start));
    }

    private void insert(Connection c, TelemetryRow.Table table, List<TelemetryRow> rows) {
        int width = table.columns().size();
        int perStatement = Math.max(1, MAX_PARAMS / width);
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<TelemetryRow> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            try (PreparedStatement ps = c.prepareStatement(insertSql(table, chunk.size()))) {
                int i = 1;
                for (TelemetryRow r : chunk) {
                    r.bind(ps, i);
                    i += width;
                }
                ps.executeUpdate();
                written.addAndGet(chunk.size());
                metrics.written(table.sqlName(), chunk.size());
            } catch (SQLException e) {
                LOG.warn("telemetry insert into {} failed; {} rows lost", table.sqlName(), chunk.size(), e);
                failed.addAndGet(chunk.size());
                metrics.failed(chunk.size());
            }
        }
    }

    static String insertSql(TelemetryRow.Table table, int rows) {
        String one = "(" + "?, ".repeat(table.columns().size() - 1) + "?)";
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(table.sqlName()).append(" (")
                .append(String.join(", ", table.columns())).append(") VALUES ");
        for (int r = 0; r < rows; r++) {
            if (r > 0) {
                sb.append(", ");
            }
            sb.append(one);
        }
        return sb.toString();
    }

    /** Stops accepting rows, writes what is queued, and waits up to {@code timeout} for the worker. */
    public void close(Duration timeout) {
        running.set(false);
        try {
            worker.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
