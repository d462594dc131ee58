package org.gridfleet.aggregator.storage;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gridfleet.aggregator.metrics.TelemetryMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The telemetry writer's counters, mirrored into {@link TelemetryMetrics}. Drops are never silent:
 * besides the counter, {@link #reportDrops} logs them at WARN, at most once per interval so an overload
 * cannot flood the log.
 */
final class TelemetryCounts {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryWriter.class);
    private static final long DROP_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final TelemetryMetrics metrics;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong droppedMemoryFull = new AtomicLong();
    private final AtomicLong droppedSpillFull = new AtomicLong();
    private long reportedMemoryFull;
    private long reportedSpillFull;
    private long lastReportNanos = System.nanoTime() - DROP_LOG_INTERVAL_NANOS;

    TelemetryCounts(TelemetryMetrics metrics) {
        this.metrics = metrics;
    }

    void written(List<EncodedRow> rows) {
        written.addAndGet(rows.size());
        TelemetryRow.Table table = null;
        int run = 0;
        for (EncodedRow r : rows) {
            if (r.table() != table && run > 0) {
                metrics.written(table.sqlName(), run);
                run = 0;
            }
            table = r.table();
            run++;
        }
        if (run > 0) {
            metrics.written(table.sqlName(), run);
        }
    }

    void failed(int rows) {
        failed.addAndGet(rows);
        metrics.failed(rows);
    }

    /** A row refused at {@code offer} because memory was full (or the writer was closed). */
    void droppedMemoryFull() {
        droppedMemoryFull.incrementAndGet();
        metrics.dropped(1);
    }

    /** Rows that fit neither in memory nor in the spill (or no spill is configured). */
    void droppedSpillFull(int rows) {
        droppedSpillFull.addAndGet(rows);
        metrics.dropped(rows);
    }

    void spilled(int rows) {
        metrics.spilled(rows);
    }

    long written() {
        return written.get();
    }

    long failed() {
        return failed.get();
    }

    long dropped() {
        return droppedMemoryFull.get() + droppedSpillFull.get();
    }

    /** Logs the drops since the last report, if any and if the interval has passed (or {@code now}). */
    synchronized void reportDrops(boolean now) {
        long memory = droppedMemoryFull.get();
        long spill = droppedSpillFull.get();
        long t = System.nanoTime();
        if ((memory == reportedMemoryFull && spill == reportedSpillFull)
                || (!now && t - lastReportNanos < DROP_LOG_INTERVAL_NANOS)) {
            return;
        }
        LOG.warn("telemetry rows dropped: {} because memory was full, {} because the spill was full or absent "
                        + "(totals {} and {})", memory - reportedMemoryFull, spill - reportedSpillFull, memory, spill);
        reportedMemoryFull = memory;
        reportedSpillFull = spill;
        lastReportNanos = t;
    }
}
