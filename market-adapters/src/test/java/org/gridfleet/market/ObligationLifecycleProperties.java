package org.gridfleet.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Random sequences of lifecycle operations only ever move along the transition table. */
class ObligationLifecycleProperties {

    private static final Instant HOUR = Instant.parse("2026-01-15T22:00:00Z");
    private static final DeliveryPeriod PERIOD = DeliveryPeriod.of(HOUR, Duration.ofHours(1));
    private static final Offer OFFER = new Offer("o", TestProducts.REGD, PERIOD, 400, 30, 2);

    /** The operations a caller may attempt. */
    enum Op { AWARD, BASELINE, START, SETTLE, REJECT, FAIL }

    @Property(tries = 500)
    void operationsShouldFollowTheTransitionTableWhenAppliedInAnyOrder(@ForAll @Size(max = 8) List<Op> ops) {
        Obligation o = Obligation.offered(OFFER, HOUR.minusSeconds(7200));
        for (Op op : ops) {
            Obligation before = o;
            try {
                o = apply(o, op);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // a refused operation leaves the snapshot as it was
                assertThat(o).isSameAs(before);
                continue;
            }
            if (o.state() != before.state()) {
                assertThat(before.state().next()).contains(o.state());
            }
            if (o.state() == ObligationState.DELIVERING) {
                assertThat(o.baseline()).isNotNull();
            }
        }
    }

    private static Obligation apply(Obligation o, Op op) {
        return switch (op) {
            case AWARD -> o.award(new Award("o", PERIOD, 300, 20, 1), HOUR.minusSeconds(3600));
            case BASELINE -> o.declareBaseline(Baseline.flat(PERIOD, 100));
            case START -> o.startDelivery(HOUR);
            case SETTLE -> o.settle(new Settlement(0.9, 1, 1), PERIOD.end());
            case REJECT -> o.reject("not cleared", HOUR.minusSeconds(3600));
            case FAIL -> o.fail("unavailable", HOUR);
        };
    }
}
