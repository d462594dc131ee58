package org.gridfleet.aggregator.config;

/**
 * Settings of the batched telemetry writer.
 *
 * @param queueCapacity   rows held in memory before new rows are dropped
 * @param batchSize       largest number of rows in one multi-row INSERT
 * @param flushIntervalMs longest time in milliseconds a row waits before it is written
 */
public record TelemetryConfig(int queueCapacity, int batchSize, long flushIntervalMs) {

    public static final int DEFAULT_QUEUE_CAPACITY = 100_000;
    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final long DEFAULT_FLUSH_INTERVAL_MS = 250;
    public static final TelemetryConfig DEFAULT =
            new TelemetryConfig(DEFAULT_QUEUE_CAPACITY, DEFAULT_BATCH_SIZE, DEFAULT_FLUSH_INTERVAL_MS);

    public TelemetryConfig {
        if (queueCapacity < 1) {
            throw new ConfigException("telemetry.queueCapacity", String.valueOf(queueCapacity), "must be >= 1");
        }
        if (batchSize < 1 || batchSize > 5000) {
            throw new ConfigException("telemetry.batchSize", String.valueOf(batchSize), "must be in 1..5000");
        }
        if (flushIntervalMs < 1 || flushIntervalMs > 60_000) {
            throw new ConfigException("telemetry.flushIntervalMs", String.valueOf(flushIntervalMs),
                    "must be in 1..60000");
        }
    }
}
