package org.gridfleet.aggregator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.gridfleet.aggregator.sim.GridServiceHook;
import org.gridfleet.aggregator.sim.Scenario;
import org.gridfleet.aggregator.sim.ScenarioException;
import org.gridfleet.aggregator.sim.ScenarioLoader;
import org.gridfleet.aggregator.sim.SimulationReport;
import org.gridfleet.aggregator.sim.Simulator;
import picocli.CommandLine.Command;

/**
 * {@code gridfleet demo}: the seed case (20 V2G vans, 60 kWh, 7.2 kW chargers, 100 kW depot transformer, home at
 * 18:00, out at 08:00, an hour of PJM RegD at midnight) simulated with dumb charging and with Gridfleet, side by
 * side. Needs no database.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Simulate the built-in 20-van depot: dumb charging versus Gridfleet with an hour of regulation.")
public final class DemoCommand implements Callable<Integer> {
    static final String SCENARIO = "depot-20-vans.json";
    /** The hour of RegD the scenario's regulation window replays, beside the scenario on the classpath. */
    static final String SIGNAL = "regd_2020-07-16_00h_2s.csv";
    private static final String LABEL = "%-30s";

    private final PrintStream out;

    public DemoCommand() {
        this(System.out);
    }

    DemoCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException, ScenarioException {
        // the loader reads signal files from disk, so the scenario and its signal go to a scratch directory
        Path dir = Files.createTempDirectory("gridfleet-demo");
        try {
            Path scenarioFile = copy(SCENARIO, dir);
            copy(SIGNAL, dir);
            Scenario scenario = new ScenarioLoader().load(scenarioFile);
            SimulationReport report = Simulator.withControlCore(Clock.systemUTC())
                    .run(scenario, GridServiceHook.of(scenario, dir), null, null);
            out.print(summary(scenario, report));
        } finally {
            Files.deleteIfExists(dir.resolve(SIGNAL));
            Files.deleteIfExists(dir.resolve(SCENARIO));
            Files.delete(dir);
        }
        return 0;
    }

    private static Path copy(String resource, Path dir) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/scenarios/" + resource)) {
            if (in == null) {
                throw new IOException("missing resource /scenarios/" + resource);
            }
            Path file = dir.resolve(resource);
            Files.copy(in, file);
            return file;
        }
    }

    static String summary(Scenario scenario, SimulationReport r) {
        SimulationReport.DumbCharging dumb = r.dumbCharging();
        int vans = r.vehicles().size();
        double smartPeak = r.sites().stream().mapToDouble(SimulationReport.SiteResult::peakKw).max().orElse(0);
        long smartMinutesOver = r.sites().stream().mapToLong(SimulationReport.SiteResult::secondsOverLimit).sum() / 60;
        StringBuilder t = new StringBuilder();
        t.append(String.format("%s: %d vans, site limit %.0f kW, %s to %s%n%n", scenario.name(), vans,
                r.sites().get(0).limitKw(), scenario.start(), scenario.end()));
        t.append(String.format(LABEL + " %16s %16s%n", "", "dumb charging", "Gridfleet"));
        t.append(String.format(LABEL + " %16.1f %16.1f%n", "peak site import (kW)", dumb.peakKw(), smartPeak));
        t.append(String.format(LABEL + " %16d %16d%n", "minutes over limit",
                dumb.violations().siteLimit() * scenario.stepSeconds() / 60, smartMinutesOver));
        t.append(String.format(LABEL + " %16.2f %16.2f%n", "energy cost", dumb.cost().energy(), r.cost().energy()));
        t.append(String.format(LABEL + " %16.2f %16.2f%n", "demand charge", dumb.cost().demandCharge(),
                r.cost().demandCharge()));
        t.append(String.format(LABEL + " %16.2f %16.2f%n", "battery wear", 0.0, r.cost().degradation()));
        t.append(String.format(LABEL + " %16.2f %16.2f%n", "V2G / regulation revenue", 0.0,
                r.cost().marketRevenue()));
        t.append(String.format(LABEL + " %16.2f %16.2f%n", "total cost", dumb.cost().total(), r.cost().total()));
        t.append(String.format(LABEL + " %16s %16s%n", "vans at target at departure",
                (vans - dumb.violations().departure()) + " / " + vans,
                (vans - r.violations().departure()) + " / " + vans));
        for (SimulationReport.MarketResult m : r.markets()) {
            t.append(String.format("%n%s, %.0f kW: PJM composite score %.3f (accuracy %.3f, delay %.3f, precision "
                            + "%.3f), %d/%d hours in full, credits %.2f%n", m.product(), m.capacityKw(),
                    m.score().composite(), m.score().accuracy(), m.score().delay(), m.score().precision(),
                    m.fullHours(), m.hours(), m.revenue()));
        }
        return t.toString();
    }
}
