package org.gridfleet.aggregator.live;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.gridfleet.aggregator.dispatch.DeliveryLog;
import org.gridfleet.aggregator.markets.DeliveryScores;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.market.regulation.Mileage;
import org.gridfleet.market.regulation.PerformanceScore;
import org.gridfleet.market.regulation.PerformanceScorer;
import org.gridfleet.market.regulation.RegulationDispatch;
import org.gridfleet.market.regulation.ScoringConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live loop's delivery record per market obligation and its PJM score (MARKET-RULES.md §1.3): the signal
 * samples as the market stamped them ({@link MarketInbox}) and the fleet's metered EV power at each control tick
 * ({@link LiveController}), laid on the product's signal grid (each slot holds the latest sample at or before it,
 * a signal sample for two steps, a metered one for a minute; older = missing),
 * the response normalized against the declared baseline and the award. An hour that cannot be scored (no signal
 * over some of it, nothing metered) scores 0: Gridfleet claims no performance it cannot show. Power in kW,
 * positive = import. Thread-safe: signals from event loops, metering from the tick, scores from the desk's worker.
 */
public final class LiveDeliveryScores implements DeliveryScores {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDeliveryScores.class);
    /** A metered reading older than this (a stalled loop, a control tick slower than a minute) counts as missing. */
    private static final Duration METERED_MAX_AGE = Duration.ofMinutes(1);

    private final PerformanceScorer scorer;
    private final double regAMileagePerHour = DeliveryLog.Prices.ofDefaults().regAMileagePerHour();
    /** Per obligation id: signal and metered samples by epoch millis. */
    private final Map<String, Trace> traces = new HashMap<>();

    private static final class Trace {
        final TreeMap<Long, Double> signal = new TreeMap<>();
        final TreeMap<Long, Double> meteredKw = new TreeMap<>();
    }

    /** @param scoring the thresholds and windows of the market desk's settlement */
    public LiveDeliveryScores(ScoringConfig scoring) {
        this.scorer = new PerformanceScorer(Objects.requireNonNull(scoring, "scoring"));
    }

    /** A signal sample of a delivering obligation, normalized (+1 = up = less import). */
    synchronized void signal(String obligationId, Instant at, double value) {
        traces.computeIfAbsent(obligationId, id -> new Trace()).signal.put(at.toEpochMilli(), value);
    }

    /** The fleet's metered EV power at a tick while the obligation delivers; NaN (nothing metered) is skipped. */
    synchronized void metered(String obligationId, Instant at, double fleetKw) {
        if (!Double.isNaN(fleetKw)) {
            traces.computeIfAbsent(obligationId, id -> new Trace()).meteredKw.put(at.toEpochMilli(), fleetKw);
        }
    }

    @Override
    public DeliveryScore scoreOf(Obligation delivered) {
        Trace trace;
        synchronized (this) {
            trace = traces.remove(delivered.offerId());
        }
        if (trace == null || trace.signal.isEmpty() || trace.meteredKw.isEmpty()) {
            LOG.warn("[offer: {}] no signal or no metering recorded: scored 0", delivered.offerId());
            return new DeliveryScore(0, 0);
        }
        DeliveryPeriod period = delivered.period();
        Duration step = delivered.offer().product().signalStep();
        int n = (int) (period.length().toMillis() / step.toMillis());
        double[] r = new double[n];
        double[] kw = new double[n];
        for (int i = 0; i < n; i++) {
            Instant t = period.start().plus(step.multipliedBy(i));
            r[i] = held(trace.signal, t, step.multipliedBy(2));
            kw[i] = held(trace.meteredKw, t, METERED_MAX_AGE);
        }
        SampledSeries signal = new SampledSeries(period.start(), step, r);
        try {
            PerformanceScore score = scorer.score(signal, RegulationDispatch.normalizedResponse(delivered.baseline(),
                    new SampledSeries(period.start(), step, kw), delivered.awardedKw()), period);
            double mileage = Mileage.ratio(Mileage.of(signal, period),
                    regAMileagePerHour * period.length().toMillis() / 3_600_000.0);
            return new DeliveryScore(score.composite(), mileage);
        } catch (IllegalArgumentException e) {
            LOG.warn("[offer: {}] cannot be scored: {}; scored 0", delivered.offerId(), e.getMessage());
            return new DeliveryScore(0, 0);
        }
    }

    /** The latest sample at or before {@code t} if it is at most {@code maxAge} old, else NaN (missing). */
    private static double held(TreeMap<Long, Double> samples, Instant t, Duration maxAge) {
        Map.Entry<Long, Double> e = samples.floorEntry(t.toEpochMilli());
        return e == null || t.toEpochMilli() - e.getKey() > maxAge.toMillis() ? Double.NaN : e.getValue();
    }
}
