package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.aggregator.live.LiveFixtures.NOW;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gridfleet.aggregator.dispatch.ActiveObligation;
import org.gridfleet.aggregator.dispatch.DispatchConfig;
import org.gridfleet.aggregator.dispatch.DispatchMetrics;
import org.gridfleet.aggregator.dispatch.DispatchRecord;
import org.gridfleet.aggregator.dispatch.Dispatcher;
import org.gridfleet.aggregator.dispatch.FleetSnapshot;
import org.gridfleet.aggregator.dispatch.SettableClock;
import org.gridfleet.aggregator.dispatch.SocBalancing;
import org.gridfleet.market.Baseline;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.fcr.FcrDroop;
import org.gridfleet.market.regulation.ScoringConfig;
import org.junit.jupiter.api.Test;

class MarketInboxTest {

    private static final DeliveryPeriod HOUR = DeliveryPeriod.of(NOW, Duration.ofHours(1));
    private static final FleetSnapshot EMPTY_FLEET = FleetSnapshot.of(List.of(), Map.of(), Map.of(), Map.of());
    private final MarketInbox inbox = new MarketInbox(new LiveDeliveryScores(ScoringConfig.ofDefaults()));
    private final Dispatcher dispatcher = new Dispatcher(DispatchConfig.ofDefaults(), SocBalancing.ofDefaults(),
            (vehicle, kw) -> { }, DispatchMetrics.NOOP, new SettableClock(NOW), System::nanoTime);

    private static ActiveObligation regd(String id) {
        return new ActiveObligation(id, ProductKind.REGULATION, 100, Baseline.flat(HOUR, 50), HOUR,
                FcrDroop.ofDefaults());
    }

    @Test
    void drainIntoShouldApplyActivationsSignalsAndEndsInOrderWhenTheTickRuns() {
        // GIVEN calls from the desk and the signal face, before the tick
        inbox.activated(regd("o1"));
        inbox.signal("o1", NOW, 0.5);
        inbox.signal("unknown", NOW, 0.5);
        assertThat(dispatcher.obligations()).isEmpty();
        // WHEN the tick drains them
        inbox.drainInto(dispatcher);
        // THEN o1 is followed once (a repeated activation after a desk restart does not double it)
        inbox.activated(regd("o1"));
        inbox.drainInto(dispatcher);
        assertThat(dispatcher.obligations()).extracting(ActiveObligation::obligationId).containsExactly("o1");
        // AND its end releases it
        inbox.ended("o1");
        inbox.drainInto(dispatcher);
        assertThat(dispatcher.obligations()).isEmpty();
    }

    @Test
    void signalShouldBeDroppedNotBlockWhenTheQueueIsFull() {
        for (int i = 0; i < MarketInbox.CAPACITY + 10; i++) {
            inbox.signal("o1", NOW.plusSeconds(i), 0.1);
        }
        inbox.activated(regd("late"));
        inbox.drainInto(dispatcher);
        assertThat(dispatcher.obligations()).isEmpty();
    }

    @Test
    void drainedSamplesShouldKeepTheMarketStampsWhenTheTickClockStillReadsThePreviousTick() {
        // GIVEN a dispatcher leading the signal by 2 s, whose clock still reads the previous tick, and two samples
        // the market stamped 2 s apart (0 then 0.5) queued before the next tick
        SettableClock clock = new SettableClock(NOW.plusSeconds(5));
        Dispatcher leading = new Dispatcher(DispatchConfig.ofDefaults().withLeadSeconds(2), SocBalancing.off(),
                (vehicle, kw) -> { }, DispatchMetrics.NOOP, clock, System::nanoTime);
        inbox.activated(regd("o1"));
        inbox.signal("o1", NOW.plusSeconds(6), 0.0);
        inbox.signal("o1", NOW.plusSeconds(8), 0.5);
        // WHEN the tick drains them, then runs at its own instant
        inbox.drainInto(leading);
        clock.set(NOW.plusSeconds(10));
        DispatchRecord r = leading.tick(EMPTY_FLEET, System.nanoTime());
        // THEN the lead sees a 2-s step of +0.5 (stamped alike, it would see no step and request -0.5 × 100)
        // and asks for signal 1.0: baseline 50 - 1.0 × 100 kW
        assertThat(r.requestedKw()).isCloseTo(-50, within(1e-9));
    }

    @Test
    void aSampleOlderThanTheOneHeldShouldNotTurnTheSignalBackWhenSamplesArriveOutOfOrder() {
        // GIVEN a sample at +8 s, then a late one stamped +6 s
        inbox.activated(regd("o1"));
        inbox.signal("o1", NOW.plusSeconds(8), 0.5);
        inbox.signal("o1", NOW.plusSeconds(6), -1.0);
        // WHEN the tick drains them
        inbox.drainInto(dispatcher);
        DispatchRecord r = dispatcher.tick(EMPTY_FLEET, System.nanoTime());
        // THEN the dispatcher follows the newest sample: 50 - 0.5 × 100
        assertThat(r.requestedKw()).isCloseTo(0, within(1e-9));
    }

    @Test
    void latencyShouldRunFromTheSampleArrivalNotFromTheTickWhenTheSampleWaitedInTheQueue() {
        // GIVEN a monotonic source the test moves, and a sample arriving at 1 s
        long[] nanos = {1_000_000_000L};
        long[] latency = {-1};
        DispatchMetrics seen = new DispatchMetrics() {
            @Override
            public void tick(long latencyNanos, double trackingErrorKw, double undeliverableKw, int setpointsSent,
                             int nonResponders) {
                latency[0] = latencyNanos;
            }
        };
        MarketInbox timed = new MarketInbox(new LiveDeliveryScores(ScoringConfig.ofDefaults()), () -> nanos[0]);
        Dispatcher measured = new Dispatcher(DispatchConfig.ofDefaults(), SocBalancing.off(), (vehicle, kw) -> { },
                seen, new SettableClock(NOW.plusSeconds(4)), () -> nanos[0]);
        timed.activated(regd("o1"));
        timed.signal("o1", NOW.plusSeconds(1), 0.3);
        // WHEN the tick takes it 4 s later
        nanos[0] = 5_000_000_000L;
        timed.drainInto(measured);
        measured.tick(EMPTY_FLEET, nanos[0]);
        long afterNextTick = latency[0];
        measured.tick(EMPTY_FLEET, nanos[0]);
        // THEN the metric shows the 4 s the sample waited, and the next tick without a sample starts afresh
        assertThat(afterNextTick).isEqualTo(4_000_000_000L);
        assertThat(latency[0]).isZero();
    }
}
