package org.gridfleet.loadtest.degradation;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gridfleet.degradation.BatteryHealth;
import org.gridfleet.degradation.BatteryPack;
import org.gridfleet.degradation.Chemistry;
import org.gridfleet.degradation.DegradationPricer;
import org.gridfleet.degradation.OperatingPoint;
import org.gridfleet.degradation.PackEconomics;
import org.gridfleet.degradation.SocProfile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Degradation pricing for a whole fleet: the marginal cost of a proposed 24 h schedule (15-minute
 * samples) versus its baseline for every vehicle, and the linearized per-kWh price the LP uses.
 * One operation = the whole fleet.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MarginalCostBenchmark {
    private static final int SAMPLES = 97;

    @Param("10000")
    int vehicles;

    private BatteryHealth[] health;
    private SocProfile[] baseline;
    private SocProfile[] proposed;
    private OperatingPoint[] points;
    private final DegradationPricer pricer = new DegradationPricer(new PackEconomics(130.0, 0.8));

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        health = new BatteryHealth[vehicles];
        baseline = new SocProfile[vehicles];
        proposed = new SocProfile[vehicles];
        points = new OperatingPoint[vehicles];
        for (int v = 0; v < vehicles; v++) {
            Chemistry chemistry = v % 2 == 0 ? Chemistry.NMC111_KOKAM_75AH : Chemistry.LFP_250AH;
            double temperatureC = 10.0 + 25.0 * random.nextDouble();
            BatteryHealth aged = BatteryHealth.fresh(new BatteryPack(chemistry, 40.0 + 60.0 * random.nextDouble()));
            // three days of history so every state is past the closed-form first step
            SocProfile history = day(random, temperatureC);
            for (int d = 0; d < 3; d++) {
                aged = aged.afterMetered(history);
            }
            health[v] = aged;
            baseline[v] = day(random, temperatureC);
            proposed[v] = withEveningDischarge(baseline[v], 0.1 + 0.2 * random.nextDouble());
            points[v] = OperatingPoint.typicalV2g(temperatureC);
        }
    }

    /** Arrives at 0.3..0.5, charges to 0.8..0.9 over the night, departs and returns. */
    private static SocProfile day(SplittableRandom random, double temperatureC) {
        double[] seconds = new double[SAMPLES];
        double[] soc = new double[SAMPLES];
        double arrival = 0.3 + 0.2 * random.nextDouble();
        double target = 0.8 + 0.1 * random.nextDouble();
        for (int i = 0; i < SAMPLES; i++) {
            seconds[i] = 900.0 * i;
            double hour = i / 4.0;
            soc[i] = hour < 6 ? arrival + (target - arrival) * hour / 6.0
                    : hour < 8 ? target
                    : hour < 18 ? target - (target - arrival) * (hour - 8) / 10.0
                    : arrival;
        }
        return SocProfile.atTemperature(seconds, soc, temperatureC);
    }

    /** The baseline with a V2G discharge of {@code depth} between 18:00 and 20:00, recharged by 23:00. */
    private static SocProfile withEveningDischarge(SocProfile base, double depth) {
        double[] seconds = new double[SAMPLES];
        double[] soc = new double[SAMPLES];
        double[] temperatureC = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            double hour = i / 4.0;
            double dip = hour < 18 ? 0 : hour < 20 ? depth * (hour - 18) / 2.0
                    : hour < 23 ? depth * (23 - hour) / 3.0 : 0;
            seconds[i] = base.secondsAt(i);
            soc[i] = Math.max(0.0, base.socAt(i) - dip);
            temperatureC[i] = base.temperatureCAt(i);
        }
        return SocProfile.of(seconds, soc, temperatureC);
    }

    @Benchmark
    public double costOf24hScheduleForFleet() {
        double total = 0.0;
        for (int v = 0; v < vehicles; v++) {
            total += pricer.cost(health[v], baseline[v], proposed[v]).cost();
        }
        return total;
    }

    @Benchmark
    public double pricePerKwhForFleet() {
        double total = 0.0;
        for (int v = 0; v < vehicles; v++) {
            total += pricer.pricePerKwh(health[v], points[v]);
        }
        return total;
    }
}
