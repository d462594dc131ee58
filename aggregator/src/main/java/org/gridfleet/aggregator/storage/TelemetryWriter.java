package org.gridfleet.aggregator.storage;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.gridfleet.aggregator.config.TelemetryConfig;
import org.gridfleet.aggregator.metrics.TelemetryMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Non-blocking, batched, outage-tolerant writer of telemetry rows. {@link #offer} never blocks (safe on
 * an event loop): it puts the row in a bounded memory queue, or drops and counts it when the queue is full.
 *
 * <p>Two threads behind it. The intake thread takes batches from the queue, encodes them and hands them to
 * the flusher ({@link TelemetryFlusher}), which COPYs them into the database. When the database is
 * unreachable or slower than the rows arrive, rows wait in memory; once the queue is half full the intake
 * thread moves the oldest rows to the spill file ({@link TelemetrySpill}), and only rows that fit neither
 * are dropped (counted and logged). Rows reach the database in the order they were offered: a batch handed
 * to the flusher is older than everything spilled, and while the spill is not empty nothing new is handed
 * over. Row identity ({@link TelemetryRow.Table#key()}) makes every retry and replay idempotent.
 * Memory holds at most the queue plus three batches: the intake thread's, the one-batch hand-off slot and
 * the flusher's.
 */
public final class TelemetryWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryWriter.class);
    /** How long the intake thread waits for the flusher before it looks at the queue again. */
    private static final long HANDOFF_WAIT_MS = 20;

    /** What the writer is doing; see the state diagram in the aggregator README. */
    public enum State {
        /** The database takes rows as they come; nothing is on disk. */
        WRITING,
        /** The database is unreachable: rows wait in memory, the oldest spill to disk past half the queue. */
        BUFFERING,
        /** The database is back: spilled rows are written oldest first, then the rows in memory. */
        REPLAYING,
        /** Closed: no rows are accepted. */
        CLOSED
    }

    private final TelemetryConfig config;
    private final TelemetryMetrics metrics;
    private final BlockingQueue<TelemetryRow> queue;
    private final BlockingQueue<List<EncodedRow>> handoff = new ArrayBlockingQueue<>(1);
    private final TelemetrySpill spill;
    private final TelemetryCounts counts;
    private final TelemetryFlusher flusher;
    /** Rows taken from the queue and neither written, spilled nor dropped yet. */
    private final AtomicInteger inMemory = new AtomicInteger();
    private final Thread intake;
    private final Thread flusherThread;
    private volatile boolean closing;
    private volatile boolean intakeDone;
    private volatile long parkAtNanos = Long.MAX_VALUE;
    /** Intake thread only: the last spill append failed, so the next failure is not logged again. */
    private boolean spillFailing;

    public TelemetryWriter(DataSource dataSource, TelemetryConfig config, TelemetryMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.spill = config.spillDirectory().map(dir -> TelemetrySpill.open(dir, config.spillMaxBytes())).orElse(null);
        this.counts = new TelemetryCounts(metrics);
        this.flusher = new TelemetryFlusher(new TelemetryStore(dataSource), handoff, spill, counts, metrics, inMemory,
                new TelemetryFlusher.Shutdown() {
                    @Override
                    public boolean closing() {
                        return closing;
                    }

                    @Override
                    public boolean park(boolean databaseReachable) {
                        return TelemetryWriter.this.park(databaseReachable);
                    }

                    @Override
                    public boolean intakeDone() {
                        return intakeDone;
                    }
                }, config.batchSize(), config.flushIntervalMs(), config.retryMaxMs());
        metrics.queueDepth(() -> (int) memoryRows());
        metrics.spillDepth(() -> spill == null ? 0 : spill.rows());
        this.intake = new Thread(this::runIntake, "gridfleet-telemetry-intake");
        this.flusherThread = new Thread(flusher, "gridfleet-telemetry-writer");
        intake.setDaemon(true);
        flusherThread.setDaemon(true);
        intake.start();
        flusherThread.start();
    }

    /** Queues a row; false (and counted as dropped) if memory is full or the writer is closed. Never blocks. */
    public boolean offer(TelemetryRow row) {
        if (!closing && queue.offer(row)) {
            metrics.queued(row.table().sqlName());
            return true;
        }
        counts.droppedMemoryFull();
        return false;
    }

    /** Rows held in memory (queued or in a batch not yet written or spilled). */
    public int queued() {
        return (int) memoryRows();
    }

    public long written() {
        return counts.written();
    }

    public long dropped() {
        return counts.dropped();
    }

    /** Rows the database refused as invalid (not retried). */
    public long failed() {
        return counts.failed();
    }

    public State state() {
        if (closing) {
            return State.CLOSED;
        }
        if (!flusher.reachable()) {
            return State.BUFFERING;
        }
        return spill != null && !spill.isEmpty() ? State.REPLAYING : State.WRITING;
    }

    /** What is not yet in the database; cheap, safe from any thread (readiness calls it). */
    public TelemetryBacklog backlog() {
        return new TelemetryBacklog(state(), memoryRows(), spill == null ? 0 : spill.rows(), dropped());
    }

    private long memoryRows() {
        return (long) queue.size() + inMemory.get();
    }

    private boolean park(boolean databaseReachable) {
        return closing && (!databaseReachable || System.nanoTime() >= parkAtNanos);
    }

    private void runIntake() {
        List<EncodedRow> held = null;
        StringBuilder scratch = new StringBuilder(128);
        try {
            while (true) {
                counts.reportDrops(false);
                if (held == null) {
                    held = take(scratch);
                    if (held == null) {
                        if (closing && queue.isEmpty()) {
                            return;
                        }
                        continue;
                    }
                }
                boolean park = park(flusher.reachable());
                if (spill != null && (park || queue.size() >= config.queueCapacity() / 2)) {
                    toSpill(held);
                    held = null;
                } else if (spill == null && park) {
                    inMemory.addAndGet(-held.size());
                    counts.droppedSpillFull(held.size());
                    held = null;
                } else if (spill == null || spill.isEmpty()) {
                    if (handoff.offer(held, HANDOFF_WAIT_MS, TimeUnit.MILLISECONDS)) {
                        held = null;
                    }
                } else {
                    Thread.sleep(HANDOFF_WAIT_MS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // a row offered while close() began can land after the last take: count it, never lose it silently
            List<TelemetryRow> late = new ArrayList<>();
            queue.drainTo(late);
            if (!late.isEmpty()) {
                counts.droppedSpillFull(late.size());
            }
            intakeDone = true;
            counts.reportDrops(true);
        }
    }

    /** The next batch from the queue, encoded; null if nothing came within the flush interval. */
    private List<EncodedRow> take(StringBuilder scratch) throws InterruptedException {
        TelemetryRow first = queue.poll(config.flushIntervalMs(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return null;
        }
        List<TelemetryRow> rows = new ArrayList<>(Math.min(config.batchSize(), queue.size() + 1));
        rows.add(first);
        queue.drainTo(rows, config.batchSize() - 1);
        inMemory.addAndGet(rows.size());
        List<EncodedRow> batch = new ArrayList<>(rows.size());
        for (TelemetryRow r : rows) {
            batch.add(EncodedRow.of(r, scratch));
        }
        return batch;
    }

    /** A spill that cannot be written (disk full, I/O error) costs the batch, counted, not the intake thread. */
    private void toSpill(List<EncodedRow> batch) {
        int kept;
        try {
            kept = spill.append(batch);
            spillFailing = false;
        } catch (IOException e) {
            if (!spillFailing) {
                LOG.error("telemetry spill cannot be written; rows that do not fit in memory are dropped", e);
            }
            spillFailing = true;
            kept = 0;
        }
        inMemory.addAndGet(-batch.size());
        counts.spilled(kept);
        if (kept < batch.size()) {
            counts.droppedSpillFull(batch.size() - kept);
        }
    }

    /**
     * Stops accepting rows and writes what is held, for at most about {@code timeout}. Rows the database
     * cannot take by then (or at once, when it is unreachable) go to the spill for the next start; without
     * a spill they are dropped and counted.
     */
    public void close(Duration timeout) {
        long start = System.nanoTime();
        long total = timeout.toNanos();
        // Leave a quarter (at most 2 s) of the timeout to park what is left on disk.
        parkAtNanos = start + total - Math.min(total / 4, TimeUnit.SECONDS.toNanos(2));
        closing = true;
        try {
            intake.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(start + total - System.nanoTime())));
            flusherThread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(start + total - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (intake.isAlive() || flusherThread.isAlive()) {
            LOG.error("telemetry writer did not stop within {}; {} rows in memory may be lost", timeout, memoryRows());
        }
        if (spill != null) {
            try {
                spill.close();
            } catch (IOException e) {
                LOG.warn("telemetry spill did not close cleanly", e);
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
