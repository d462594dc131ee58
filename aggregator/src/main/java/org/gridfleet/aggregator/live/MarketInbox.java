package org.gridfleet.aggregator.live;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.gridfleet.aggregator.dispatch.ActiveObligation;
import org.gridfleet.aggregator.dispatch.Dispatcher;
import org.gridfleet.aggregator.markets.GridServiceInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The market desk's hand-off to the live dispatcher: activations, ends and signal samples arrive on the desk's
 * worker and on HTTP/feed event loops, are queued without blocking, and the control tick applies them in arrival
 * order on its own thread ({@link #drainInto}) before it dispatches. Each sample keeps the market's stamp and its
 * arrival time, so the dispatcher's signal steps and latency metric do not take the tick's time. The queue is
 * bounded: when the tick stalls long enough to fill it, further calls are dropped and logged (a stalled loop cannot
 * follow a signal anyway).
 */
public final class MarketInbox implements GridServiceInbox {

    private static final Logger LOG = LoggerFactory.getLogger(MarketInbox.class);
    /** About an hour of 2-second samples for a few obligations. */
    static final int CAPACITY = 8_192;

    private final BlockingQueue<Consumer<Dispatcher>> pending = new ArrayBlockingQueue<>(CAPACITY);
    private final LiveDeliveryScores deliveries;
    private final LongSupplier nanoTime;

    /** @param deliveries where each signal sample is recorded, as the market stamped it, for the hour's score */
    public MarketInbox(LiveDeliveryScores deliveries) {
        this(deliveries, System::nanoTime);
    }

    /** @param nanoTime the dispatcher's monotonic source: a sample's arrival, for the latency metric */
    MarketInbox(LiveDeliveryScores deliveries, LongSupplier nanoTime) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public void activated(ActiveObligation obligation) {
        enqueue(d -> {
            // a restart of the desk announces a delivering obligation again: follow it once
            d.deactivate(obligation.obligationId());
            d.activate(obligation);
        }, "activation of " + obligation.obligationId());
    }

    @Override
    public void ended(String obligationId) {
        enqueue(d -> d.deactivate(obligationId), "end of " + obligationId);
    }

    @Override
    public void signal(String obligationId, Instant at, double value) {
        deliveries.signal(obligationId, at, value);
        long arrived = nanoTime.getAsLong();
        enqueue(d -> {
            if (d.follows(obligationId)) {
                d.updateSignal(obligationId, at, value, arrived);
            }
        }, "signal of " + obligationId + " at " + at);
    }

    /** Applies everything queued so far, oldest first. The control tick's thread only. */
    public void drainInto(Dispatcher dispatcher) {
        for (Consumer<Dispatcher> next = pending.poll(); next != null; next = pending.poll()) {
            try {
                next.accept(dispatcher);
            } catch (RuntimeException e) {
                LOG.warn("market hand-off not applied: {}", e.getMessage());
            }
        }
    }

    private void enqueue(Consumer<Dispatcher> change, String what) {
        if (!pending.offer(change)) {
            LOG.warn("control loop behind: {} dropped ({} queued)", what, CAPACITY);
        }
    }
}
