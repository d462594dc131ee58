package org.gridfleet.aggregator.storage;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridfleet.aggregator.metrics.TelemetryMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side of the telemetry writer, on its own thread: takes the oldest batch (a batch handed
 * over from memory, else the head of the spill), writes it, and only then lets it go. While the database
 * is unreachable it keeps the batch and retries with exponential back-off; rows the database refuses as
 * invalid are isolated by halving the batch and counted as failed. At shutdown, a batch it could not
 * write goes back to the front of the spill.
 */
final class TelemetryFlusher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryWriter.class);
    private static final long FIRST_RETRY_MS = 100;
    /** Back-off sleeps in slices so a shutdown does not wait out a long pause. */
    private static final long SLEEP_SLICE_MS = 50;

    private final TelemetryStore store;
    private final BlockingQueue<List<EncodedRow>> handoff;
    private final TelemetrySpill spill;
    private final TelemetryCounts counts;
    private final TelemetryMetrics metrics;
    private final AtomicInteger inMemory;
    private final Shutdown shutdown;
    private final int batchSize;
    private final long pollMs;
    private final long retryMaxMs;
    private volatile boolean reachable = true;

    /** How the writer tells its threads to stop. */
    interface Shutdown {
        boolean closing();

        /** Closing, and rows not yet written should now be parked on disk (deadline passed or database down). */
        boolean park(boolean databaseReachable);

        boolean intakeDone();
    }

    /** @param spill null when no spill is configured */
    TelemetryFlusher(TelemetryStore store, BlockingQueue<List<EncodedRow>> handoff, TelemetrySpill spill,
                     TelemetryCounts counts, TelemetryMetrics metrics, AtomicInteger inMemory, Shutdown shutdown,
                     int batchSize, long pollMs, long retryMaxMs) {
        this.store = store;
        this.handoff = handoff;
        this.spill = spill;
        this.counts = counts;
        this.metrics = metrics;
        this.inMemory = inMemory;
        this.shutdown = shutdown;
        this.batchSize = batchSize;
        this.pollMs = pollMs;
        this.retryMaxMs = retryMaxMs;
    }

    /** False from a failed write until the next successful one. */
    boolean reachable() {
        return reachable;
    }

    @Override
    public void run() {
        List<EncodedRow> held = null;
        boolean fromSpill = false;
        long backoffMs = Math.min(FIRST_RETRY_MS, retryMaxMs);
        try {
            while (true) {
                if (held == null) {
                    held = handoff.poll();
                    fromSpill = false;
                    if (held == null && spill != null && !spill.isEmpty() && !shutdown.park(reachable)) {
                        List<EncodedRow> spilled = spill.peek(batchSize);
                        // a batch handed over just before the intake began to spill is older than the spill
                        held = handoff.poll();
                        fromSpill = held == null;
                        if (fromSpill) {
                            held = spilled;
                        }
                    }
                    if (held == null || held.isEmpty()) {
                        held = null;
                        if (finished()) {
                            return;
                        }
                        held = handoff.poll(pollMs, TimeUnit.MILLISECONDS);
                        fromSpill = false;
                        continue;
                    }
                }
                if (shutdown.park(reachable)) {
                    park(fromSpill ? List.of() : held);
                    held = null;
                    continue;
                }
                try {
                    long start = System.nanoTime();
                    writeIsolatingBadRows(held);
                    metrics.flushed(Duration.ofNanos(System.nanoTime() - start));
                    if (!reachable) {
                        LOG.info("telemetry database reachable again; writing buffered rows");
                    }
                    reachable = true;
                    backoffMs = Math.min(FIRST_RETRY_MS, retryMaxMs);
                    release(held, fromSpill);
                    held = null;
                } catch (SQLException e) {
                    if (reachable) {
                        LOG.warn("telemetry database unreachable ({}); buffering rows, retrying with back-off",
                                e.getMessage());
                    }
                    reachable = false;
                    pause(backoffMs);
                    backoffMs = Math.min(backoffMs * 2, retryMaxMs);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.error("telemetry spill failed; the writer stops, spilled rows stay on disk for the next start", e);
        } finally {
            store.close();
        }
    }

    private boolean finished() {
        return shutdown.closing() && shutdown.intakeDone() && handoff.isEmpty()
                && (spill == null || spill.isEmpty() || shutdown.park(reachable));
    }

    /** Writes every row or throws for an unavailable database; refused rows are counted and logged, not retried. */
    private void writeIsolatingBadRows(List<EncodedRow> rows) throws SQLException {
        try {
            store.write(rows);
            counts.written(rows);
        } catch (SQLException e) {
            if (!TelemetryStore.isBadData(e)) {
                throw e;
            }
            if (rows.size() == 1) {
                counts.failed(1);
                LOG.warn("telemetry row refused by the database and not retried: {} {} ({})",
                        rows.get(0).table().sqlName(), rows.get(0).line(), e.getMessage());
                return;
            }
            int mid = rows.size() / 2;
            writeIsolatingBadRows(rows.subList(0, mid));
            writeIsolatingBadRows(rows.subList(mid, rows.size()));
        }
    }

    private void release(List<EncodedRow> rows, boolean fromSpill) throws IOException {
        if (fromSpill) {
            spill.commit(rows.size());
        } else {
            inMemory.addAndGet(-rows.size());
        }
    }

    /** Shutdown: the held batch and anything handed over are older than the whole spill, so they go first. */
    private void park(List<EncodedRow> held) {
        List<EncodedRow> rows = new ArrayList<>(held);
        for (List<EncodedRow> b = handoff.poll(); b != null; b = handoff.poll()) {
            rows.addAll(b);
        }
        if (rows.isEmpty()) {
            return;
        }
        int kept = 0;
        try {
            kept = spill == null ? 0 : spill.prepend(rows);
        } catch (IOException e) {
            LOG.error("telemetry spill cannot be written at shutdown; {} rows dropped", rows.size(), e);
        }
        inMemory.addAndGet(-rows.size());
        counts.spilled(kept);
        if (kept < rows.size()) {
            counts.droppedSpillFull(rows.size() - kept);
            counts.reportDrops(true);
        }
    }

    private void pause(long ms) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (!shutdown.closing() && System.nanoTime() < until) {
            Thread.sleep(SLEEP_SLICE_MS);
        }
    }
}
