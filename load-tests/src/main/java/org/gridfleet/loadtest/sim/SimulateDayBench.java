package org.gridfleet.loadtest.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import org.gridfleet.aggregator.sim.Scenario;
import org.gridfleet.aggregator.sim.ScenarioException;
import org.gridfleet.aggregator.sim.ScenarioLoader;
import org.gridfleet.aggregator.sim.SimulationReport;
import org.gridfleet.aggregator.sim.Simulator;
import org.gridfleet.aggregator.sim.SiteTargetSource;

/**
 * Times {@code simulate} in process on one scenario file (e.g. {@link FleetScenarioGenerator}'s 1,000 vans): per run
 * the report's wall clock (controlled run + dumb-charging run) and the CPU time of the simulating thread, which a
 * loaded machine disturbs less. Usage: {@code SimulateDayBench FILE [RUNS]} (default 3; the first warms the JIT).
 */
public final class SimulateDayBench {

    private SimulateDayBench() {
    }

    public static void main(String[] args) throws ScenarioException {
        Scenario scenario = new ScenarioLoader().load(Path.of(args[0]));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 1; run <= runs; run++) {
            long cpu = threads.getCurrentThreadCpuTime();
            SimulationReport r = Simulator.withControlCore(Clock.systemUTC())
                    .run(scenario, SiteTargetSource.NONE, null, null);
            System.out.printf("run=%d vehicles=%d wallClockMs=%d threadCpuSeconds=%.2f violations=%s%n", run,
                    r.vehicles().size(), r.wallClockMs(), (threads.getCurrentThreadCpuTime() - cpu) / 1e9,
                    r.violations());
        }
    }
}
