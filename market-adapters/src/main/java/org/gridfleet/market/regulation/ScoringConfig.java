package org.gridfleet.market.regulation;

import java.time.Duration;
import java.util.Objects;
import org.gridfleet.market.Checks;

/**
 * Parameters of the PJM performance score (MARKET-RULES.md §1.3). Defaults are the values the rules name; the
 * thresholds PJM does not publish are configuration.
 *
 * @param scoringStep sampling step of the score (Manual 12: 10 s); series are read at the sample in force at
 *     each scoring instant, so any signal step works (a 2-s signal gives every 5th sample)
 * @param window length of one accuracy/delay scoring window (5 min)
 * @param maxDelay longest delay searched for the best correlation (5 min); a multiple of scoringStep
 * @param latencyAllowance delay that costs no delay score (Manual 12 allows 10 s; default 0 = off)
 * @param flatSignalStdThreshold signal standard deviation (normalized units) below which a window counts as
 *     flat and correlation is replaced by {@code 1 − |slope(signal) − slope(response)|} (GMLC: 0.01)
 * @param layout how windows tile the hour
 * @param minimumCreditScore hourly score below which the hour earns no credit (0.25)
 * @param qualificationScore score a qualification test must reach (0.75, three tests in a row)
 * @param historicalHours number of recent hourly scores averaged into the historical score (100)
 * @param disqualificationScore historical score below which the resource loses qualification (0.40)
 */
public record ScoringConfig(Duration scoringStep, Duration window, Duration maxDelay, Duration latencyAllowance,
                            double flatSignalStdThreshold, WindowLayout layout, double minimumCreditScore,
                            double qualificationScore, int historicalHours, double disqualificationScore) {

    public static final Duration DEFAULT_SCORING_STEP = Duration.ofSeconds(10);
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(5);
    public static final double DEFAULT_FLAT_SIGNAL_STD_THRESHOLD = 0.01;
    public static final double DEFAULT_MINIMUM_CREDIT_SCORE = 0.25;
    public static final double DEFAULT_QUALIFICATION_SCORE = 0.75;
    public static final int DEFAULT_HISTORICAL_HOURS = 100;
    public static final double DEFAULT_DISQUALIFICATION_SCORE = 0.40;

    /** @throws IllegalArgumentException naming the field if a value is impossible */
    public ScoringConfig {
        Objects.requireNonNull(scoringStep, "scoringStep");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(latencyAllowance, "latencyAllowance");
        Objects.requireNonNull(layout, "layout");
        if (scoringStep.isZero() || scoringStep.isNegative()) {
            throw new IllegalArgumentException("scoringStep must be > 0, but was " + scoringStep);
        }
        requireMultiple("window", window, scoringStep, true);
        requireMultiple("maxDelay", maxDelay, scoringStep, true);
        if (latencyAllowance.isNegative() || latencyAllowance.compareTo(maxDelay) > 0) {
            throw new IllegalArgumentException("latencyAllowance must be in [0, maxDelay], but was "
                    + latencyAllowance);
        }
        Checks.requireRange("flatSignalStdThreshold", flatSignalStdThreshold, 0, 1);
        Checks.requireRange("minimumCreditScore", minimumCreditScore, 0, 1);
        Checks.requireRange("qualificationScore", qualificationScore, 0, 1);
        Checks.requireRange("disqualificationScore", disqualificationScore, 0, 1);
        if (historicalHours < 1) {
            throw new IllegalArgumentException("historicalHours must be >= 1, but was " + historicalHours);
        }
    }

    /** The defaults of MARKET-RULES.md §1.3: 10 s, 5 min windows, no latency allowance, 12 windows per hour. */
    public static ScoringConfig ofDefaults() {
        return new ScoringConfig(DEFAULT_SCORING_STEP, DEFAULT_WINDOW, DEFAULT_MAX_DELAY, Duration.ZERO,
                DEFAULT_FLAT_SIGNAL_STD_THRESHOLD, WindowLayout.NON_OVERLAPPING, DEFAULT_MINIMUM_CREDIT_SCORE,
                DEFAULT_QUALIFICATION_SCORE, DEFAULT_HISTORICAL_HOURS, DEFAULT_DISQUALIFICATION_SCORE);
    }

    /** This config with another latency allowance (Manual 12: 10 s). */
    public ScoringConfig withLatencyAllowance(Duration allowance) {
        return new ScoringConfig(scoringStep, window, maxDelay, allowance, flatSignalStdThreshold, layout,
                minimumCreditScore, qualificationScore, historicalHours, disqualificationScore);
    }

    /** This config with another window layout. */
    public ScoringConfig withLayout(WindowLayout newLayout) {
        return new ScoringConfig(scoringStep, window, maxDelay, latencyAllowance, flatSignalStdThreshold, newLayout,
                minimumCreditScore, qualificationScore, historicalHours, disqualificationScore);
    }

    /** This config with another flat-signal threshold. */
    public ScoringConfig withFlatSignalStdThreshold(double threshold) {
        return new ScoringConfig(scoringStep, window, maxDelay, latencyAllowance, threshold, layout,
                minimumCreditScore, qualificationScore, historicalHours, disqualificationScore);
    }

    /** Samples per scoring window. */
    int windowSamples() {
        return (int) (window.toNanos() / scoringStep.toNanos());
    }

    /** Number of delay steps searched beyond zero. */
    int delaySteps() {
        return (int) (maxDelay.toNanos() / scoringStep.toNanos());
    }

    /** Delay score of a delay of {@code steps} scoring steps: 1 − max(δ − allowance, 0) / maxDelay, in [0, 1]. */
    double delayScore(int steps) {
        double delayNanos = (double) steps * scoringStep.toNanos();
        double late = Math.max(delayNanos - latencyAllowance.toNanos(), 0);
        return Math.max(0, Math.min(1, 1 - late / maxDelay.toNanos()));
    }

    private static void requireMultiple(String field, Duration d, Duration step, boolean positive) {
        if ((positive && (d.isZero() || d.isNegative())) || d.toNanos() % step.toNanos() != 0) {
            throw new IllegalArgumentException(field + " must be a positive multiple of scoringStep " + step
                    + ", but was " + d);
        }
    }
}
