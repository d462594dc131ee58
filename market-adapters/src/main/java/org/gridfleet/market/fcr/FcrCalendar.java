package org.gridfleet.market.fcr;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.MarketAdapter.GateClosure;
import org.gridfleet.market.MarketCalendar;

/**
 * The FCR Cooperation time grid (MARKET-RULES.md §3.1 "Product", "Auction"): six symmetric 4-hour blocks per
 * market day (00–04 … 20–24 local time), all auctioned together in a daily D-1 auction closing at 08:00 local
 * time. Blocks are counted in local wall-clock time, so on a daylight-saving change day one block is 3 or 5 hours.
 *
 * @param zone the market's time zone (Europe/Berlin for the FCR Cooperation)
 * @param blockLength length of one product block (4 h); must divide a day
 * @param gateClosure local time on D-1 at which the auction for day D closes (08:00)
 */
public record FcrCalendar(ZoneId zone, Duration blockLength, LocalTime gateClosure) implements MarketCalendar {

    /** @throws IllegalArgumentException if blockLength does not divide 24 h */
    public FcrCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(blockLength, "blockLength");
        Objects.requireNonNull(gateClosure, "gateClosure");
        if (blockLength.isZero() || blockLength.isNegative()
                || Duration.ofDays(1).toNanos() % blockLength.toNanos() != 0) {
            throw new IllegalArgumentException("blockLength must divide 24 h, but was " + blockLength);
        }
    }

    /** FCR Cooperation: Europe/Berlin, 4-hour blocks, gate closure 08:00 D-1. */
    public static FcrCalendar ofDefaults() {
        return new FcrCalendar(ZoneId.of("Europe/Berlin"), Duration.ofHours(4), LocalTime.of(8, 0));
    }

    @Override
    public DeliveryPeriod periodContaining(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        ZonedDateTime dayStart = local.toLocalDate().atStartOfDay(zone);
        long sinceMidnight = Duration.between(dayStart.toLocalDateTime(), local.toLocalDateTime()).toNanos();
        long block = sinceMidnight / blockLength.toNanos();
        ZonedDateTime start = dayStart.toLocalDateTime().plus(blockLength.multipliedBy(block)).atZone(zone);
        ZonedDateTime end = start.toLocalDateTime().plus(blockLength).atZone(zone);
        return new DeliveryPeriod(start.toInstant(), end.toInstant());
    }

    @Override
    public GateClosure nextGateClosure(Instant after) {
        LocalDate day = after.atZone(zone).toLocalDate();
        Instant closes = day.atTime(gateClosure).atZone(zone).toInstant();
        if (!closes.isAfter(after)) {
            day = day.plusDays(1);
            closes = day.atTime(gateClosure).atZone(zone).toInstant();
        }
        LocalDate delivery = day.plusDays(1);
        return new GateClosure(closes, new DeliveryPeriod(delivery.atStartOfDay(zone).toInstant(),
                delivery.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    @Override
    public Instant gateClosureFor(DeliveryPeriod period) {
        LocalDate deliveryDay = period.start().atZone(zone).toLocalDate();
        return deliveryDay.minusDays(1).atTime(gateClosure).atZone(zone).toInstant();
    }
}
