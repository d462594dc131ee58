package org.gridfleet.market.regulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridfleet.market.Baseline;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.SampledSeries;

/**
 * The PJM Manual 12 regulation performance score, exactly as MARKET-RULES.md §1.3 states it.
 *
 * <p>Inputs are the normalized regulation request {@code r(t)} (the signal, +1 = up) and the normalized response
 * {@code y(t) = (baseline − metered fleet kW) / awarded kW}, both up-positive; use {@link RegulationDispatch} to
 * derive them from fleet kW. Both series are read at the scoring instants {@code start + i·scoringStep} (the
 * sample in force at that instant, i.e. every 5th sample of a 2-s series).
 *
 * <ol>
 *   <li>Per window W and delay δ = 0, step, …, maxDelay: {@code C(δ) = pearson(r[W], y[W + δ])} (§1.3 (1)),
 *       clamped to [0, 1]; a flat signal window (std &lt; threshold) uses
 *       {@code 1 − |slope(r) − slope(y)|} with slopes in normalized units per scoring step.</li>
 *   <li>{@code D(δ) = 1 − max(δ − latencyAllowance, 0) / maxDelay} (§1.3 (2)).</li>
 *   <li>{@code δ* = argmax C(δ) + D(δ)}, the smallest δ on ties; accuracy = C(δ*), delay = D(δ*) (§1.3 (3)).
 *       Flat-response rule: when every delay gives correlation 0 (undefined or not positive) the window scores
 *       accuracy 0 and delay 0, so a zero response cannot earn a free delay score.</li>
 *   <li>Precision = 1 − mean |y − r| / mean |r| over the period (§1.3 (4)); a missing response sample counts as
 *       0 (no evidence of delivery).</li>
 *   <li>Composite = mean of the three (§1.3 (5)).</li>
 * </ol>
 *
 * A delay can only be searched where response data exist: to score a full hour with the full delay search the
 * response must reach 5 minutes past the hour; nearer the end of the data fewer delays are tried.
 */
public final class PerformanceScorer {

    /** Variance (normalized units²) below which a window is treated as constant: correlation undefined. */
    private static final double MIN_VARIANCE = 1e-12;

    private final ScoringConfig config;

    /** A scorer with the given parameters. */
    public PerformanceScorer(ScoringConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The scorer's parameters. */
    public ScoringConfig config() {
        return config;
    }

    /**
     * Scores one period (an hour, or a 40-minute qualification test).
     *
     * @param signal normalized regulation signal, +1 = up; must have a value at every scoring instant of the
     *     period
     * @param response normalized up-positive response
     * @param period the period scored; its length must be a multiple of the scoring step
     * @throws IllegalArgumentException if the period is not a multiple of the scoring step, is shorter than one
     *     window, or the signal is missing inside it
     */
    public PerformanceScore score(SampledSeries signal, SampledSeries response, DeliveryPeriod period) {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(response, "response");
        long stepNanos = config.scoringStep().toNanos();
        long periodNanos = period.length().toNanos();
        if (periodNanos % stepNanos != 0) {
            throw new IllegalArgumentException("period length " + period.length()
                    + " must be a multiple of the scoring step " + config.scoringStep());
        }
        int n = (int) (periodNanos / stepNanos);
        int w = config.windowSamples();
        int maxLag = config.delaySteps();
        if (n < w) {
            throw new IllegalArgumentException("period " + period + " is shorter than one scoring window "
                    + config.window());
        }
        double[] r = sample(signal, period.start(), n + w);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(r[i])) {
                throw new IllegalArgumentException("signal is missing at " + period.start().plusNanos(i * stepNanos)
                        + ", inside the scored period " + period);
            }
        }
        double[] y = sample(response, period.start(), n + w + maxLag);

        double accuracySum = 0;
        double delaySum = 0;
        int windows = 0;
        int stride = config.layout() == WindowLayout.NON_OVERLAPPING ? w : 1;
        int lastStart = config.layout() == WindowLayout.NON_OVERLAPPING ? n - w : n - 1;
        double[] best = new double[2];
        for (int start = 0; start <= lastStart; start += stride) {
            if (hasMissing(r, start, w)) {
                continue;
            }
            scoreWindow(r, y, start, w, maxLag, best);
            accuracySum += best[0];
            delaySum += best[1];
            windows++;
        }
        double accuracy = accuracySum / windows;
        double delay = delaySum / windows;
        return PerformanceScore.of(clamp(accuracy), clamp(delay), precision(r, y, n));
    }

    /**
     * Scores a fleet's delivery from fleet power, the form the dispatcher and simulator hold: the request is
     * {@code (baseline − requestedKw) / awardedKw} (which is the signal when requested = baseline − r·awarded),
     * the response {@code (baseline − meteredKw) / awardedKw}.
     *
     * @param baseline the declared baseline (kW, positive = import); must cover every sample of both series
     * @param awardedKw awarded regulation capability, kW, &gt; 0
     * @param requestedKw requested fleet power, kW, positive = import
     * @param meteredKw metered fleet power, kW, positive = import; should reach 5 min past the period
     * @param period the period scored
     * @throws IllegalArgumentException as {@link #score} does, or if the baseline does not cover a sample
     */
    public PerformanceScore scoreFleet(Baseline baseline, double awardedKw, SampledSeries requestedKw,
                                       SampledSeries meteredKw, DeliveryPeriod period) {
        return score(RegulationDispatch.normalizedResponse(baseline, requestedKw, awardedKw),
                RegulationDispatch.normalizedResponse(baseline, meteredKw, awardedKw), period);
    }

    /** Scores the clock hour starting at {@code hourStart}. */
    public PerformanceScore scoreHour(SampledSeries signal, SampledSeries response, Instant hourStart) {
        return score(signal, response, DeliveryPeriod.of(hourStart, Duration.ofHours(1)));
    }

    /**
     * Scores every whole period of {@code length}, aligned to the signal's first sample, that the signal fully
     * covers.
     */
    public List<PeriodScore> scoreEach(SampledSeries signal, SampledSeries response, Duration length) {
        List<PeriodScore> scores = new ArrayList<>();
        for (Instant t = signal.start(); !t.plus(length).isAfter(signal.end()); t = t.plus(length)) {
            DeliveryPeriod period = DeliveryPeriod.of(t, length);
            scores.add(new PeriodScore(period, score(signal, response, period)));
        }
        return scores;
    }

    /** Writes the window's {accuracy, delay} into {@code out}. */
    private void scoreWindow(double[] r, double[] y, int start, int w, int maxLag, double[] out) {
        boolean flatSignal = Math.sqrt(variance(r, start, w)) < config.flatSignalStdThreshold();
        double signalSlope = flatSignal ? slope(r, start, w) : 0;
        double bestSum = Double.NEGATIVE_INFINITY;
        double bestC = 0;
        double bestD = 0;
        boolean anyCorrelation = false;
        for (int lag = 0; lag <= maxLag; lag++) {
            if (hasMissing(y, start + lag, w)) {
                continue;
            }
            double c = flatSignal
                    ? 1 - Math.abs(signalSlope - slope(y, start + lag, w))
                    : pearson(r, start, y, start + lag, w);
            c = Double.isNaN(c) ? 0 : clamp(c);
            anyCorrelation |= c > 0;
            double d = config.delayScore(lag);
            if (c + d > bestSum) {
                bestSum = c + d;
                bestC = c;
                bestD = d;
            }
        }
        out[0] = anyCorrelation ? bestC : 0;
        out[1] = anyCorrelation ? bestD : 0;
    }

    private static double precision(double[] r, double[] y, int n) {
        double absSignal = 0;
        double absError = 0;
        double absResponse = 0;
        for (int i = 0; i < n; i++) {
            double yi = Double.isNaN(y[i]) ? 0 : y[i];
            absSignal += Math.abs(r[i]);
            absError += Math.abs(yi - r[i]);
            absResponse += Math.abs(yi);
        }
        if (absSignal == 0) {
            // A signal at 0 all period: any response is error, measured against the full capability.
            return clamp(1 - absResponse / n);
        }
        return clamp(1 - absError / absSignal);
    }

    private double[] sample(SampledSeries series, Instant start, int count) {
        double[] out = new double[count];
        long stepNanos = config.scoringStep().toNanos();
        for (int i = 0; i < count; i++) {
            out[i] = series.valueAt(start.plusNanos(i * stepNanos));
        }
        return out;
    }

    private static boolean hasMissing(double[] a, int from, int len) {
        if (from + len > a.length) {
            return true;
        }
        for (int i = from; i < from + len; i++) {
            if (Double.isNaN(a[i])) {
                return true;
            }
        }
        return false;
    }

    private static double mean(double[] a, int from, int len) {
        double sum = 0;
        for (int i = from; i < from + len; i++) {
            sum += a[i];
        }
        return sum / len;
    }

    private static double variance(double[] a, int from, int len) {
        double m = mean(a, from, len);
        double sum = 0;
        for (int i = from; i < from + len; i++) {
            sum += (a[i] - m) * (a[i] - m);
        }
        return sum / len;
    }

    /** Pearson correlation of two equally long windows; NaN when either is constant. */
    static double pearson(double[] a, int fromA, double[] b, int fromB, int len) {
        double ma = mean(a, fromA, len);
        double mb = mean(b, fromB, len);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < len; i++) {
            double da = a[fromA + i] - ma;
            double db = b[fromB + i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa / len < MIN_VARIANCE || sbb / len < MIN_VARIANCE) {
            return Double.NaN;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** Least-squares slope of the window against its sample index (units per scoring step). */
    static double slope(double[] a, int from, int len) {
        double mi = (len - 1) / 2.0;
        double m = mean(a, from, len);
        double num = 0;
        double den = 0;
        for (int i = 0; i < len; i++) {
            num += (i - mi) * (a[from + i] - m);
            den += (i - mi) * (i - mi);
        }
        return den == 0 ? 0 : num / den;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
