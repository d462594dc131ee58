package org.gridfleet.aggregator.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the batched telemetry writer.
 *
 * @param queueCapacity   rows held in memory; past half of it rows spill to disk, when full new rows are dropped
 * @param batchSize       largest number of rows in one COPY batch
 * @param flushIntervalMs longest time in milliseconds a row waits before it is written
 * @param spillDirectory  where rows go while the database cannot take them; empty = no spill (memory only)
 * @param spillMaxBytes   largest size of the spill on disk; past it rows are dropped and counted
 * @param retryMaxMs      longest pause between two attempts to reach an unreachable database
 */
public record TelemetryConfig(int queueCapacity, int batchSize, long flushIntervalMs,
                              Optional<Path> spillDirectory, long spillMaxBytes, long retryMaxMs) {

    public static final int DEFAULT_QUEUE_CAPACITY = 100_000;
    public static final int DEFAULT_BATCH_SIZE = 5_000;
    public static final long DEFAULT_FLUSH_INTERVAL_MS = 250;
    public static final long DEFAULT_SPILL_MAX_BYTES = 1L << 30;
    public static final long DEFAULT_RETRY_MAX_MS = 5_000;
    public static final int MAX_BATCH_SIZE = 100_000;
    /** Spill directory under {@code GRIDFLEET_HOME} that {@link ConfigLoader} uses by default. */
    public static final String DEFAULT_SPILL_DIRECTORY_NAME = "telemetry-spill";
    /** Memory only, no spill: for tests and embedded use; {@link ConfigLoader} adds the spill directory. */
    public static final TelemetryConfig DEFAULT =
            new TelemetryConfig(DEFAULT_QUEUE_CAPACITY, DEFAULT_BATCH_SIZE, DEFAULT_FLUSH_INTERVAL_MS);

    public TelemetryConfig {
        Objects.requireNonNull(spillDirectory, "spillDirectory");
        if (queueCapacity < 2) {
            throw new ConfigException("telemetry.queueCapacity", String.valueOf(queueCapacity), "must be >= 2");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new ConfigException("telemetry.batchSize", String.valueOf(batchSize),
                    "must be in 1.." + MAX_BATCH_SIZE);
        }
        if (flushIntervalMs < 1 || flushIntervalMs > 60_000) {
            throw new ConfigException("telemetry.flushIntervalMs", String.valueOf(flushIntervalMs),
                    "must be in 1..60000");
        }
        if (spillMaxBytes < 1) {
            throw new ConfigException("telemetry.spillMaxBytes", String.valueOf(spillMaxBytes), "must be >= 1");
        }
        if (retryMaxMs < 1 || retryMaxMs > 600_000) {
            throw new ConfigException("telemetry.retryMaxMs", String.valueOf(retryMaxMs), "must be in 1..600000");
        }
    }

    /** Memory only (no spill directory), default spill cap and retry pause. */
    public TelemetryConfig(int queueCapacity, int batchSize, long flushIntervalMs) {
        this(queueCapacity, batchSize, flushIntervalMs, Optional.empty(), DEFAULT_SPILL_MAX_BYTES,
                DEFAULT_RETRY_MAX_MS);
    }

    /** The same settings spilling to {@code directory}, at most {@code maxBytes} of it. */
    public TelemetryConfig withSpill(Path directory, long maxBytes) {
        return new TelemetryConfig(queueCapacity, batchSize, flushIntervalMs, Optional.of(directory), maxBytes,
                retryMaxMs);
    }

    public TelemetryConfig withRetryMaxMs(long newRetryMaxMs) {
        return new TelemetryConfig(queueCapacity, batchSize, flushIntervalMs, spillDirectory, spillMaxBytes,
                newRetryMaxMs);
    }
}
