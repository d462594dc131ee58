package org.gridfleet.aggregator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.gridfleet.aggregator.sim.Scenario;
import org.gridfleet.aggregator.sim.ScenarioException;
import org.gridfleet.aggregator.sim.ScenarioLoader;
import org.gridfleet.aggregator.sim.SimulationReport;
import org.gridfleet.aggregator.sim.Simulator;
import org.gridfleet.aggregator.sim.SiteTargetSource;
import picocli.CommandLine.Command;

/**
 * {@code gridfleet demo}: the seed case (20 vans, 60 kWh, 7.2 kW chargers, 100 kW depot transformer, home at
 * 18:00, out at 08:00) simulated with dumb charging and with Gridfleet, side by side. Needs no database.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Simulate the built-in 20-van depot: dumb charging versus Gridfleet.")
public final class DemoCommand implements Callable<Integer> {
    static final String SCENARIO = "/scenarios/depot-20-vans.json";

    private final PrintStream out;

    public DemoCommand() {
        this(System.out);
    }

    DemoCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException, ScenarioException {
        Scenario scenario;
        try (InputStream in = DemoCommand.class.getResourceAsStream(SCENARIO)) {
            if (in == null) {
                throw new IOException("missing resource " + SCENARIO);
            }
            scenario = new ScenarioLoader().load(in, Path.of("."));
        }
        SimulationReport report = Simulator.withBuiltInController(Clock.systemUTC())
                .run(scenario, SiteTargetSource.NONE, null, null);
        out.print(table(scenario, report));
        return 0;
    }

    static String table(Scenario scenario, SimulationReport r) {
        SimulationReport.DumbCharging dumb = r.dumbCharging();
        int vans = r.vehicles().size();
        double limit = r.sites().get(0).limitKw();
        double smartPeak = r.sites().stream().mapToDouble(SimulationReport.SiteResult::peakKw).max().orElse(0);
        StringBuilder t = new StringBuilder();
        t.append(String.format("%s: %d vans, site limit %.0f kW, %s to %s%n%n", scenario.name(), vans, limit,
                scenario.start(), scenario.end()));
        t.append(String.format("%-26s %16s %16s%n", "", "dumb charging", "Gridfleet"));
        t.append(String.format("%-26s %16.1f %16.1f%n", "peak site import (kW)", dumb.peakKw(), smartPeak));
        t.append(String.format("%-26s %16d %16d%n", "minutes over limit", dumb.violations().siteLimit()
                * scenario.stepSeconds() / 60, r.sites().stream().mapToLong(
                        SimulationReport.SiteResult::secondsOverLimit).sum() / 60));
        t.append(String.format("%-26s %16.2f %16.2f%n", "energy cost", dumb.cost().energy(), r.cost().energy()));
        t.append(String.format("%-26s %16.2f %16.2f%n", "demand charge", dumb.cost().demandCharge(),
                r.cost().demandCharge()));
        t.append(String.format("%-26s %16.2f %16.2f%n", "total cost", dumb.cost().total(),
                r.cost().energy() + r.cost().demandCharge()));
        t.append(String.format("%-26s %16s %16s%n", "vans at target at 08:00",
                (vans - dumb.violations().departure()) + " / " + vans,
                (vans - r.violations().departure()) + " / " + vans));
        return t.toString();
    }
}
