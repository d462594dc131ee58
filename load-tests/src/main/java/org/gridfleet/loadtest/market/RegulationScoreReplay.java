package org.gridfleet.loadtest.market;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.market.regulation.Mileage;
import org.gridfleet.market.regulation.PerformanceScorer;
import org.gridfleet.market.regulation.PeriodScore;
import org.gridfleet.market.regulation.ScoringConfig;
import org.gridfleet.market.replay.SignalCsvReader;

/**
 * Replays real PJM RegD days through the PJM performance score against synthetic fleet responses (perfect,
 * scaled 0.9, delayed 10/20/60 s, first-order lag τ = 4 s, Gaussian noise σ = 0.05, none) and prints the hourly
 * score statistics as a Markdown table.
 *
 * <pre>load-tests/bench run org.gridfleet.loadtest.market.RegulationScoreReplay [regd.csv ...]</pre>
 *
 * Without arguments it replays the three July-2020 RegD days in {@code reference/pjm} (run from the repo root).
 * Hours are the 23 full hours with the 5-minute delay search available (hour 23 would lack look-ahead).
 */
public final class RegulationScoreReplay {

    private static final Instant DAY = Instant.parse("2020-07-01T00:00:00Z");
    private static final int HOURS = 23;

    private RegulationScoreReplay() {
    }

    /** Entry point; arguments are RegD files with a {@code regd} column. */
    public static void main(String[] args) {
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            files.add(Path.of(a));
        }
        if (files.isEmpty()) {
            for (String day : new String[] {"16", "17", "22"}) {
                files.add(Path.of("reference/pjm/regd_2020-07-" + day + "_2s.csv"));
            }
        }
        Map<String, UnaryOperator<SampledSeries>> responses = new LinkedHashMap<>();
        responses.put("perfect (Y = S)", s -> s);
        responses.put("scaled 0.9", s -> map(s, v -> 0.9 * v));
        responses.put("delayed 10 s", s -> delayed(s, 5));
        responses.put("delayed 20 s", s -> delayed(s, 10));
        responses.put("delayed 60 s", s -> delayed(s, 30));
        responses.put("first-order lag 4 s", RegulationScoreReplay::firstOrderLag);
        responses.put("noise N(0, 0.05), seed 0", RegulationScoreReplay::noisy);
        responses.put("no response (Y = 0)", s -> map(s, v -> 0));
        PerformanceScorer scorer = new PerformanceScorer(ScoringConfig.ofDefaults());

        System.out.println("| RegD day | response | mean score | min score | max score | mean acc | mean delay"
                + " | mean prec |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        long scoredHours = 0;
        long scoringNanos = 0;
        long readNanos = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                System.err.println("skipping missing file " + file);
                continue;
            }
            long t0 = System.nanoTime();
            SampledSeries signal = SignalCsvReader.read(file, "regd", DAY);
            readNanos += System.nanoTime() - t0;
            for (Map.Entry<String, UnaryOperator<SampledSeries>> r : responses.entrySet()) {
                SampledSeries response = r.getValue().apply(signal);
                long s0 = System.nanoTime();
                List<PeriodScore> hours = new ArrayList<>();
                for (int h = 0; h < HOURS; h++) {
                    DeliveryPeriod hour = DeliveryPeriod.of(DAY.plus(Duration.ofHours(h)), Duration.ofHours(1));
                    hours.add(new PeriodScore(hour, scorer.score(signal, response, hour)));
                }
                scoringNanos += System.nanoTime() - s0;
                scoredHours += hours.size();
                System.out.println(String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |",
                        file.getFileName(), r.getKey(), mean(hours, 3), min(hours), max(hours), mean(hours, 0),
                        mean(hours, 1), mean(hours, 2)));
            }
            double mileage = 0;
            for (int h = 0; h < 24; h++) {
                mileage += Mileage.of(signal, DeliveryPeriod.of(DAY.plus(Duration.ofHours(h)), Duration.ofHours(1)));
            }
            System.out.println(String.format(Locale.ROOT, "| %s | mean hourly mileage %.2f | | | | | | |",
                    file.getFileName(), mileage / 24));
        }
        System.out.println(String.format(Locale.ROOT, "%nscored %d hours in %.1f ms (%.3f ms per hour, 12 windows x 31"
                + " delays); reading %d files took %.0f ms", scoredHours, scoringNanos / 1e6,
                scoringNanos / 1e6 / Math.max(1, scoredHours), files.size(), readNanos / 1e6));
    }

    private static double component(PeriodScore p, int which) {
        return switch (which) {
            case 0 -> p.score().accuracy();
            case 1 -> p.score().delay();
            case 2 -> p.score().precision();
            default -> p.score().composite();
        };
    }

    private static double mean(List<PeriodScore> hours, int which) {
        return hours.stream().mapToDouble(p -> component(p, which)).average().orElse(Double.NaN);
    }

    private static double min(List<PeriodScore> hours) {
        return hours.stream().mapToDouble(p -> p.score().composite()).min().orElse(Double.NaN);
    }

    private static double max(List<PeriodScore> hours) {
        return hours.stream().mapToDouble(p -> p.score().composite()).max().orElse(Double.NaN);
    }

    private static SampledSeries map(SampledSeries s, java.util.function.DoubleUnaryOperator f) {
        double[] v = s.toArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(v[i]);
        }
        return new SampledSeries(s.start(), s.step(), v);
    }

    /** A pure shift by {@code k} samples, the first value repeated. */
    private static SampledSeries delayed(SampledSeries s, int k) {
        double[] v = s.toArray();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[Math.max(0, i - k)];
        }
        return new SampledSeries(s.start(), s.step(), out);
    }

    /** y' = (r − y) / τ with τ = 4 s, exact discretisation at the series step. */
    private static SampledSeries firstOrderLag(SampledSeries s) {
        double alpha = 1 - Math.exp(-s.step().toNanos() / 4e9);
        double[] v = s.toArray();
        double y = v[0];
        for (int i = 0; i < v.length; i++) {
            y += alpha * (v[i] - y);
            v[i] = y;
        }
        return new SampledSeries(s.start(), s.step(), v);
    }

    private static SampledSeries noisy(SampledSeries s) {
        Random random = new Random(0);
        return map(s, v -> v + 0.05 * random.nextGaussian());
    }
}
