package org.gridfleet.market.regulation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.gridfleet.market.Checks;

/**
 * A resource's standing with PJM (MARKET-RULES.md §1.3 "Qualification and thresholds"): the historical score is
 * the mean of the last {@link ScoringConfig#historicalHours()} hourly scores with an assignment; below
 * {@link ScoringConfig#disqualificationScore()} the resource must re-qualify, which takes three consecutive
 * qualification tests scoring at least {@link ScoringConfig#qualificationScore()}.
 *
 * <p>Mutable; owned by one thread.
 */
public final class HistoricalPerformance {

    /** Consecutive passing tests needed to qualify. */
    public static final int CONSECUTIVE_TESTS = 3;

    private final ScoringConfig config;
    private final Deque<Double> recent = new ArrayDeque<>();
    private double sum;

    /** An empty history under {@code config}'s thresholds. */
    public HistoricalPerformance(ScoringConfig config) {
        this.config = config;
    }

    /**
     * Adds the score of one hour with a regulation assignment.
     *
     * @throws IllegalArgumentException if the score is outside [0, 1]
     */
    public void record(double hourlyScore) {
        Checks.requireRange("hourlyScore", hourlyScore, 0, 1);
        recent.addLast(hourlyScore);
        sum += hourlyScore;
        if (recent.size() > config.historicalHours()) {
            sum -= recent.removeFirst();
        }
    }

    /** Mean of the recorded hours (at most the configured number), NaN before the first hour. */
    public double historicalScore() {
        return recent.isEmpty() ? Double.NaN : sum / recent.size();
    }

    /** Whether the historical score keeps the resource qualified (true before any hour is recorded). */
    public boolean qualified() {
        return recent.isEmpty() || historicalScore() >= config.disqualificationScore();
    }

    /** Whether the last {@link #CONSECUTIVE_TESTS} of {@code testScores} (oldest first) all pass. */
    public boolean passesQualification(List<Double> testScores) {
        if (testScores.size() < CONSECUTIVE_TESTS) {
            return false;
        }
        return testScores.subList(testScores.size() - CONSECUTIVE_TESTS, testScores.size()).stream()
                .allMatch(s -> s >= config.qualificationScore());
    }
}
