package org.gridfleet.aggregator.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridfleet.aggregator.markets.DeskFixtures.HOUR;
import static org.gridfleet.aggregator.markets.DeskFixtures.OFFER_ID;
import static org.gridfleet.aggregator.markets.DeskFixtures.REGD;
import static org.gridfleet.aggregator.markets.DeskFixtures.T0;

import org.gridfleet.aggregator.dispatch.SettableClock;
import org.gridfleet.aggregator.http.GridfleetException;
import org.gridfleet.market.Award;
import org.gridfleet.market.Baseline;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.Offer;
import org.gridfleet.market.Product;
import org.gridfleet.market.ProductKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class SignalGateTest {

    private static final Product FCR = new Product("fcr", ProductKind.FREQUENCY_CONTAINMENT, Duration.ofHours(4),
            Duration.ofSeconds(1), 1000, 1_000_000, true);
    private static final Obligation DELIVERING = Obligation.offered(new Offer(OFFER_ID, REGD, HOUR, 200, 17, 0.5), T0)
            .award(new Award(OFFER_ID, HOUR, 200, 20, 1), T0).declareBaseline(Baseline.flat(HOUR, 0))
            .startDelivery(T0);

    private final SettableClock clock = new SettableClock(T0.plusSeconds(10));
    private final RecordingInbox inbox = new RecordingInbox();
    private final SignalGate gate = new SignalGate(Map.of(REGD.id(), REGD, FCR.id(), FCR)::get,
            () -> List.of(DELIVERING), inbox, clock, Duration.ofSeconds(5));

    @Test
    void acceptShouldReachTheDeliveringObligationsInOrderWhenSamplesAreValid() {
        assertThat(gate.accept("pjm-regd", T0.plusSeconds(2), 0.5)).isEqualTo(1);
        assertThat(gate.accept("pjm-regd", T0.plusSeconds(4), -1.0)).isEqualTo(1);
        // a sample before the period reaches nobody but is still accepted (the market streams continuously)
        assertThat(gate.accept("fcr", T0.minusSeconds(60), 50.01)).isZero();
        assertThat(inbox.calls).containsExactly("signal " + OFFER_ID + " " + T0.plusSeconds(2) + " 0.5",
                "signal " + OFFER_ID + " " + T0.plusSeconds(4) + " -1.0");
    }

    @Test
    void acceptShouldRefuseNamingTheFieldAndRecordNothingWhenASampleIsBad() {
        gate.accept("pjm-regd", T0.plusSeconds(4), 0.1);
        inbox.calls.clear();
        assertRefused("nope", T0.plusSeconds(6), 0, "product");
        assertRefused("pjm-regd", T0.plusSeconds(6), 1.2, "value");
        assertRefused("fcr", T0.plusSeconds(6), 0.0, "value");
        assertRefused("pjm-regd", T0.plusSeconds(16), 0.1, "at");
        assertRefused("pjm-regd", T0.plusSeconds(4), 0.1, "at");
        assertRefused("pjm-regd", T0.plusSeconds(2), 0.1, "at");
        assertThat(inbox.calls).isEmpty();
        // AND the last accepted time did not move: the next good sample passes
        assertThat(gate.accept("pjm-regd", T0.plusSeconds(6), 0.1)).isEqualTo(1);
    }

    @Test
    void sinkShouldDropARefusedSampleWithoutThrowingWhenTheFeedDeliversIt() {
        gate.sink().accept("pjm-regd", T0.plusSeconds(2), 0.3);
        gate.sink().accept("pjm-regd", T0.plusSeconds(2), 0.4);
        assertThat(inbox.calls).containsExactly("signal " + OFFER_ID + " " + T0.plusSeconds(2) + " 0.3");
    }

    private void assertRefused(String product, Instant at, double value, String field) {
        assertThatThrownBy(() -> gate.accept(product, at, value)).isInstanceOfSatisfying(GridfleetException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(GridfleetException.Code.BAD_REQUEST);
                    assertThat(e.field()).contains(field);
                });
    }
}
