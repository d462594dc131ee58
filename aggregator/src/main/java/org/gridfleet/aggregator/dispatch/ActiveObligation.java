package org.gridfleet.aggregator.dispatch;

import org.gridfleet.market.Baseline;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.ObligationState;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.fcr.FcrDroop;
import org.gridfleet.market.regulation.RegulationDispatch;

import java.time.Instant;
import java.util.Objects;

/**
 * An obligation the dispatcher follows: its product family, the awarded capability and the declared fleet baseline.
 * Turns the latest signal into a requested fleet power (MARKET-RULES.md §1.1, §3.1).
 *
 * @param obligationId the offer id of the obligation
 * @param kind {@link ProductKind#REGULATION} (signal = normalized r, +1 = up = less import) or
 *     {@link ProductKind#FREQUENCY_CONTAINMENT} (signal = grid frequency, Hz)
 * @param awardedKw awarded symmetric capability, kW, &gt; 0
 * @param baseline the declared fleet baseline, kW (positive = import); must cover {@code period}
 * @param period the delivery period
 * @param droop the FCR droop (ignored for regulation)
 */
public record ActiveObligation(String obligationId, ProductKind kind, double awardedKw, Baseline baseline,
                               DeliveryPeriod period, FcrDroop droop) {

    public ActiveObligation {
        Objects.requireNonNull(obligationId, "obligationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(droop, "droop");
        if (kind == ProductKind.DEMAND_RESPONSE) {
            throw new IllegalArgumentException("kind: demand response is a limit, not a followed signal");
        }
        if (!(awardedKw > 0 && Double.isFinite(awardedKw))) {
            throw new IllegalArgumentException("awardedKw must be > 0, but was " + awardedKw);
        }
        if (!baseline.covers(period)) {
            throw new IllegalArgumentException("baseline must cover the delivery period " + period);
        }
    }

    /** Follows an obligation that is DELIVERING (its award and declared baseline are then known). */
    public static ActiveObligation of(Obligation o, FcrDroop droop) {
        if (o.state() != ObligationState.DELIVERING) {
            throw new IllegalArgumentException("obligation " + o.offerId() + " must be DELIVERING, but is "
                    + o.state());
        }
        return new ActiveObligation(o.offerId(), o.offer().product().kind(), o.awardedKw(), o.baseline(),
                o.period(), droop);
    }

    /** Declared baseline at {@code t}, kW. */
    public double baselineKw(Instant t) {
        return baseline.kwAt(t);
    }

    /** Requested fleet power for {@code signal} at {@code t}, kW; the baseline when the signal is missing (NaN). */
    public double requestedKw(Instant t, double signal) {
        double base = baseline.kwAt(t);
        if (Double.isNaN(signal)) {
            return base;
        }
        return kind == ProductKind.REGULATION
                ? RegulationDispatch.requestedKw(base, signal, awardedKw)
                : droop.requestedKw(base, awardedKw, signal);
    }
}
