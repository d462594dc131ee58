package org.gridfleet.market;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.gridfleet.market.MarketAdapter.GateClosure;

/**
 * A grid of back-to-back periods aligned to the UTC epoch (PJM clock hours) whose offers close a fixed lead time
 * before each period. PJM regulation offers may be updated hourly (MARKET-RULES.md §1.2); the lead is
 * configuration (default 60 min [M]).
 *
 * @param period length of one period, &gt; 0, dividing a day
 * @param gateLead how long before a period its gate closes, &ge; 0
 */
public record HourlyCalendar(Duration period, Duration gateLead) implements MarketCalendar {

    /** The default gate closure lead. */
    public static final Duration DEFAULT_GATE_LEAD = Duration.ofMinutes(60);

    /** @throws IllegalArgumentException if period does not divide a day or gateLead is negative */
    public HourlyCalendar {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(gateLead, "gateLead");
        if (period.isZero() || period.isNegative() || Duration.ofDays(1).toNanos() % period.toNanos() != 0) {
            throw new IllegalArgumentException("period must divide 24 h, but was " + period);
        }
        if (gateLead.isNegative()) {
            throw new IllegalArgumentException("gateLead must be >= 0, but was " + gateLead);
        }
    }

    /** Clock hours with a 60-minute gate lead. */
    public static HourlyCalendar ofDefaults() {
        return new HourlyCalendar(Duration.ofHours(1), DEFAULT_GATE_LEAD);
    }

    @Override
    public DeliveryPeriod periodContaining(Instant t) {
        long p = period.toNanos();
        long sinceEpoch = Duration.between(Instant.EPOCH, t).toNanos();
        Instant start = Instant.EPOCH.plusNanos(Math.floorDiv(sinceEpoch, p) * p);
        return DeliveryPeriod.of(start, period);
    }

    @Override
    public GateClosure nextGateClosure(Instant after) {
        DeliveryPeriod next = periodContaining(after.plus(gateLead));
        next = DeliveryPeriod.of(next.end(), period);
        return new GateClosure(gateClosureFor(next), next);
    }

    @Override
    public Instant gateClosureFor(DeliveryPeriod p) {
        return p.start().minus(gateLead);
    }
}
