package org.gridfleet.aggregator.dispatch;

import org.gridfleet.market.Award;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.market.fcr.DeliveryError;
import org.gridfleet.market.fcr.FcrSettlement;
import org.gridfleet.market.regulation.Mileage;
import org.gridfleet.market.regulation.PerformanceScore;
import org.gridfleet.market.regulation.PerformanceScorer;
import org.gridfleet.market.regulation.RegulationSettlement;
import org.gridfleet.market.regulation.ScoringConfig;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What each market window asked for and what the fleet delivered, step by step, and the window's results: the PJM
 * Manual 12 score per hour averaged over the window (MARKET-RULES.md §1.3; for FCR on the up-positive activation
 * −clamp((f − 50)/0.2)), the share of hours delivered in full (no tick flagged undeliverable), the FCR delivery error
 * and the credits (§1.4 for regulation; FCR capacity × price).
 *
 * <p>Fleet EV power in kW, positive = import. Steps must be recorded in time order with a constant step.
 */
public final class DeliveryLog {

    private final Map<String, Series> byWindow = new LinkedHashMap<>();
    private final Prices prices;
    private final PerformanceScorer scorer = new PerformanceScorer(ScoringConfig.ofDefaults());

    /**
     * Clearing prices used for the credits when the scenario has none.
     *
     * @param regulationCapabilityPerMwh RMCCP, currency/(MW·h) (July 2022 mean 51.95, §1.2)
     * @param regulationPerformancePerMw RMPCP, currency/ΔMW (July 2022 mean 1.45)
     * @param regAMileagePerHour RegA mileage of an hour for the mileage ratio (saved days' mean ≈ 4.7, §1.1)
     * @param fcrCapacityPerMwh FCR capacity price, currency/(MW·h) (0 = not priced)
     */
    public record Prices(double regulationCapabilityPerMwh, double regulationPerformancePerMw,
                         double regAMileagePerHour, double fcrCapacityPerMwh) {

        public Prices {
            if (!(regulationCapabilityPerMwh >= 0 && regulationPerformancePerMw >= 0 && regAMileagePerHour > 0
                    && fcrCapacityPerMwh >= 0)) {
                throw new IllegalArgumentException("prices must be >= 0 and regAMileagePerHour > 0");
            }
        }

        /** The July-2022 PJM means and RegA mileage 4.7; FCR not priced. */
        public static Prices ofDefaults() {
            return new Prices(51.95, 1.45, 4.7, 0);
        }
    }

    /**
     * @param window the window
     * @param score mean hourly score components over the scored hours (zeros when none could be scored)
     * @param scoredHours hours that could be scored (whole 5-min windows, no gap in the recorded signal)
     * @param hours hours (or partial hours) in the window
     * @param fullHours hours in which no tick was flagged undeliverable
     * @param shortHours the starts of the other hours
     * @param fcrError delivery error for FCR windows, null for regulation
     * @param revenue credits, currency
     */
    public record WindowResult(MarketWindow window, PerformanceScore score, int scoredHours, int hours, int fullHours,
                               List<Instant> shortHours, DeliveryError fcrError, double revenue) {

        public WindowResult {
            shortHours = List.copyOf(shortHours);
        }

        /** Share of the window's hours delivered in full, 0..1. */
        public double fullHoursShare() {
            return hours == 0 ? 0 : (double) fullHours / hours;
        }
    }

    /** @param prices prices for the credits */
    public DeliveryLog(Prices prices) {
        this.prices = Objects.requireNonNull(prices, "prices");
    }

    /** Records a dispatch step of {@code window} (the raw signal, not the led one). */
    public void step(MarketWindow window, Instant at, double rawSignal, DispatchRecord r) {
        Series s = byWindow.computeIfAbsent(window.id(), id -> new Series(window));
        s.add(at, rawSignal, r.requestedKw(), r.baselineKw(), r.undeliverable());
    }

    /** Adds metered fleet EV power (e.g. one site's share) to the step starting at {@code stepStart}. */
    public void metered(Instant stepStart, double evKw) {
        for (Series s : byWindow.values()) {
            s.addMetered(stepStart, evKw);
        }
    }

    /** Results per window, in the order they first delivered. */
    public List<WindowResult> results() {
        List<WindowResult> out = new ArrayList<>();
        for (Series s : byWindow.values()) {
            out.add(s.result());
        }
        return out;
    }

    /** One window's samples in growable primitive arrays. */
    private final class Series {
        final MarketWindow w;
        long[] atMillis = new long[1024];
        double[] signal = new double[1024];
        double[] requested = new double[1024];
        double[] baseline = new double[1024];
        double[] metered = new double[1024];
        boolean[] short_ = new boolean[1024];
        int n;

        Series(MarketWindow w) {
            this.w = w;
        }

        void add(Instant at, double raw, double req, double base, boolean undeliverable) {
            if (n == atMillis.length) {
                int size = n * 2;
                atMillis = Arrays.copyOf(atMillis, size);
                signal = Arrays.copyOf(signal, size);
                requested = Arrays.copyOf(requested, size);
                baseline = Arrays.copyOf(baseline, size);
                metered = Arrays.copyOf(metered, size);
                short_ = Arrays.copyOf(short_, size);
            }
            atMillis[n] = at.toEpochMilli();
            signal[n] = w.kind() == ProductKind.REGULATION ? raw : upPositiveActivation(raw);
            requested[n] = req;
            baseline[n] = base;
            metered[n] = Double.NaN;
            short_[n] = undeliverable;
            n++;
        }

        void addMetered(Instant stepStart, double kw) {
            if (n > 0 && atMillis[n - 1] == stepStart.toEpochMilli()) {
                metered[n - 1] = Double.isNaN(metered[n - 1]) ? kw : metered[n - 1] + kw;
            }
        }

        double upPositiveActivation(double hz) {
            return Double.isNaN(hz) ? Double.NaN : -Math.max(-1, Math.min(1, (hz - 50.0) / 0.2));
        }

        WindowResult result() {
            if (n < 2) {
                return new WindowResult(w, new PerformanceScore(0, 0, 0, 0), 0, 0, 0, List.of(), null, 0);
            }
            Instant start = Instant.ofEpochMilli(atMillis[0]);
            Duration step = Duration.ofMillis(atMillis[1] - atMillis[0]);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = (baseline[i] - metered[i]) / w.capacityKw();
            }
            SampledSeries r = new SampledSeries(start, step, Arrays.copyOf(signal, n));
            SampledSeries response = new SampledSeries(start, step, y);
            double acc = 0;
            double delay = 0;
            double precision = 0;
            double composite = 0;
            int scored = 0;
            int hours = 0;
            int fullHours = 0;
            List<Instant> shortHours = new ArrayList<>();
            double revenue = 0;
            RegulationSettlement settlement = new RegulationSettlement(ScoringConfig.ofDefaults());
            Instant end = start.plus(step.multipliedBy(n));
            for (Instant h = start; h.isBefore(end); h = h.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1))) {
                Instant to = h.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
                DeliveryPeriod hour = new DeliveryPeriod(h, to.isAfter(end) ? end : to);
                hours++;
                if (deliveredInFull(hour)) {
                    fullHours++;
                } else {
                    shortHours.add(hour.start());
                }
                PerformanceScore s = scoreOrNull(r, response, hour);
                if (s != null) {
                    scored++;
                    acc += s.accuracy();
                    delay += s.delay();
                    precision += s.precision();
                    composite += s.composite();
                    revenue += credits(r, hour, s, settlement);
                }
            }
            PerformanceScore mean = scored == 0 ? new PerformanceScore(0, 0, 0, 0)
                    : new PerformanceScore(acc / scored, delay / scored, precision / scored, composite / scored);
            DeliveryError error = null;
            if (w.kind() == ProductKind.FREQUENCY_CONTAINMENT) {
                error = DeliveryError.of(new SampledSeries(start, step, Arrays.copyOf(requested, n)),
                        new SampledSeries(start, step, Arrays.copyOf(metered, n)),
                        new SampledSeries(start, step, Arrays.copyOf(baseline, n)), w.capacityKw());
                revenue = FcrSettlement.credits(new Award(w.id(), new DeliveryPeriod(start, end), w.capacityKw(),
                        prices.fcrCapacityPerMwh(), 0)).total();
            }
            return new WindowResult(w, mean, scored, hours, fullHours, shortHours, error, revenue);
        }

        private boolean deliveredInFull(DeliveryPeriod hour) {
            for (int i = 0; i < n; i++) {
                if (short_[i] && hour.contains(Instant.ofEpochMilli(atMillis[i]))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The scorer needs at least one 5-minute window on the 10-s grid and a signal value at every scoring
         * instant; shorter stubs and hours with a gap in the recorded signal are not scored.
         */
        private PerformanceScore scoreOrNull(SampledSeries r, SampledSeries response, DeliveryPeriod hour) {
            long seconds = hour.length().toSeconds();
            if (seconds < 300 || seconds % 10 != 0) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(signal[i]) && hour.contains(Instant.ofEpochMilli(atMillis[i]))) {
                    return null;
                }
            }
            return scorer.score(r, response, hour);
        }

        private double credits(SampledSeries r, DeliveryPeriod hour, PerformanceScore s, RegulationSettlement rs) {
            if (w.kind() != ProductKind.REGULATION) {
                return 0;
            }
            double hours = hour.length().toMillis() / 3_600_000.0;
            double ratio = Mileage.ratio(Mileage.of(r, hour), prices.regAMileagePerHour() * hours);
            Award award = new Award(w.id(), hour, w.capacityKw(), prices.regulationCapabilityPerMwh(),
                    prices.regulationPerformancePerMw());
            return rs.credits(award, s.composite(), ratio).total();
        }
    }
}
