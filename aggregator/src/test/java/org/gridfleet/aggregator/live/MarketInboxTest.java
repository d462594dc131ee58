package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridfleet.aggregator.live.LiveFixtures.NOW;

import java.time.Duration;
import org.gridfleet.aggregator.dispatch.ActiveObligation;
import org.gridfleet.aggregator.dispatch.DispatchConfig;
import org.gridfleet.aggregator.dispatch.DispatchMetrics;
import org.gridfleet.aggregator.dispatch.Dispatcher;
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
}
