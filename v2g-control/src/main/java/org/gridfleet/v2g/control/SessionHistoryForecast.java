package org.gridfleet.v2g.control;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An {@link ArrivalForecast} learned from the sessions a site has seen: the expected arrivals of a day are the
 * sessions of the last {@code days} days of the same kind (weekday or weekend) at the same time of day, each
 * weighted {@code planShare}/{@code days}, merged per 15-minute arrival and departure slot. Workplace and depot
 * fleets repeat their days, so yesterday's crowd at 9:00 is the best guess of today's; a site with no history
 * forecasts nothing.
 *
 * <p>Why a share below 1: a demand peak is paid once reached. Planning for a usual day commits that day's peak
 * from the first hours, and a quiet day then pays for vehicles that never came; planning for part of it leaves
 * the rest to be raised only when the vehicles are there. On the ACN-Sim March 2019 days a share of 0.75 cost least
 * (BENCHMARKS.md, Control core).
 *
 * <p>Not thread-safe: record and read from one control loop.
 */
public final class SessionHistoryForecast implements ArrivalForecast {

    /** Default share of a usual day planned for. */
    public static final double DEFAULT_PLAN_SHARE = 0.75;
    private static final long SLOT_MS = Duration.ofMinutes(15).toMillis();

    private final int days;
    private final ZoneId zone;
    private final double planShare;
    /** Per site, per local date, the sessions that arrived that day. */
    private final Map<String, TreeMap<LocalDate, List<Session>>> history = new HashMap<>();

    /** One past session, its times as offsets from its local midnight. */
    private record Session(long arrivalMs, long departureMs, double energyKwh, double maxChargeKw,
                           double efficiency) {
    }

    /**
     * @param days how many past days of the same kind to average, &ge; 1
     * @param zone the site's time zone: days and times of day are local
     * @param planShare share of a usual day's arrivals to plan for, in (0, 1]
     */
    public SessionHistoryForecast(int days, ZoneId zone, double planShare) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1, but was " + days);
        }
        if (!(planShare > 0 && planShare <= 1)) {
            throw new IllegalArgumentException("planShare must be in (0, 1], but was " + planShare);
        }
        this.days = days;
        this.zone = zone;
        this.planShare = planShare;
    }

    /**
     * Learns one finished session: plugged in at {@code arrival}, left at {@code departure}, needing
     * {@code energyKwh} into the battery at up to {@code maxChargeKw} from the grid. Empty visits are ignored.
     */
    public void record(String siteId, Instant arrival, Instant departure, double energyKwh, double maxChargeKw,
                       double efficiency) {
        if (!departure.isAfter(arrival) || energyKwh <= 0 || maxChargeKw <= 0) {
            return;
        }
        LocalDate day = arrival.atZone(zone).toLocalDate();
        long midnightMs = day.atStartOfDay(zone).toInstant().toEpochMilli();
        history.computeIfAbsent(siteId, k -> new TreeMap<>()).computeIfAbsent(day, k -> new ArrayList<>())
                .add(new Session(arrival.toEpochMilli() - midnightMs, departure.toEpochMilli() - midnightMs, energyKwh,
                        maxChargeKw, efficiency));
    }

    /** Arrivals strictly after {@code from}: a vehicle arriving at that instant is already among those present. */
    @Override
    public List<ExpectedArrival> expected(String siteId, Instant from, Instant to) {
        TreeMap<LocalDate, List<Session>> past = history.get(siteId);
        if (past == null || !to.isAfter(from)) {
            return List.of();
        }
        Map<String, Slot> slots = new TreeMap<>();
        LocalDate last = to.minusMillis(1).atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            List<LocalDate> like = sameKindBefore(past, day);
            long midnightMs = day.atStartOfDay(zone).toInstant().toEpochMilli();
            for (LocalDate d : like) {
                for (Session s : past.get(d)) {
                    long arrivalMs = midnightMs + s.arrivalMs();
                    if (arrivalMs <= from.toEpochMilli() || arrivalMs >= to.toEpochMilli()) {
                        continue;
                    }
                    long slotArrival = Math.floorDiv(arrivalMs, SLOT_MS) * SLOT_MS;
                    long slotDeparture = Math.max(slotArrival + SLOT_MS,
                            Math.floorDiv(midnightMs + s.departureMs(), SLOT_MS) * SLOT_MS);
                    slots.computeIfAbsent(slotArrival + "/" + slotDeparture, k -> new Slot(slotArrival, slotDeparture))
                            .add(s, planShare / like.size());
                }
            }
        }
        List<ExpectedArrival> out = new ArrayList<>(slots.size());
        for (Slot s : slots.values()) {
            out.add(s.toArrival());
        }
        return out;
    }

    /** The last {@code days} days before {@code day} of its kind (weekday or weekend) that have sessions. */
    private List<LocalDate> sameKindBefore(TreeMap<LocalDate, List<Session>> past, LocalDate day) {
        List<LocalDate> out = new ArrayList<>(days);
        for (LocalDate d = past.lowerKey(day); d != null && out.size() < days; d = past.lowerKey(d)) {
            if (weekend(d) == weekend(day)) {
                out.add(d);
            }
        }
        return out;
    }

    private static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Weighted sessions sharing an arrival and a departure slot, merged into one battery. */
    private static final class Slot {
        final long arrivalMs;
        final long departureMs;
        double energyKwh;
        double maxChargeKw;
        double efficiencyWeighted;

        Slot(long arrivalMs, long departureMs) {
            this.arrivalMs = arrivalMs;
            this.departureMs = departureMs;
        }

        void add(Session s, double weight) {
            energyKwh += s.energyKwh() * weight;
            maxChargeKw += s.maxChargeKw() * weight;
            efficiencyWeighted += s.efficiency() * s.energyKwh() * weight;
        }

        ExpectedArrival toArrival() {
            double efficiency = efficiencyWeighted / energyKwh;
            // a need beyond what the slotted visit can take at full power would plan a certain shortfall
            double reachableKwh = maxChargeKw * efficiency * (departureMs - arrivalMs) / 3_600_000.0;
            return new ExpectedArrival(Instant.ofEpochMilli(arrivalMs), Instant.ofEpochMilli(departureMs),
                    Math.min(energyKwh, reachableKwh), maxChargeKw, efficiency);
        }
    }
}
