package org.gridfleet.aggregator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.gridfleet.aggregator.sim.GridServiceHook;
import org.gridfleet.aggregator.sim.LpOfflineOptimum;
import org.gridfleet.aggregator.sim.OfflineOptimumSolver;
import org.gridfleet.aggregator.sim.Scenario;
import org.gridfleet.aggregator.sim.ScenarioException;
import org.gridfleet.aggregator.sim.ScenarioLoader;
import org.gridfleet.aggregator.sim.SimulationReport;
import org.gridfleet.aggregator.sim.Simulator;
import org.gridfleet.aggregator.sim.TraceWriter;
import org.gridfleet.aggregator.sim.WearPrices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridfleet simulate}: runs a scenario file (docs/design/SCENARIO.md) through the control core and the
 * grid-service dispatcher and writes the report. Exit 0 on success, 2 on an invalid scenario or option (nothing
 * written).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a scenario file in simulated time and write a JSON report.")
public final class SimulateCommand implements Callable<Integer> {
    static final int INVALID = 2;

    @Option(names = "--scenario", required = true, description = "scenario JSON file")
    Path scenarioFile;

    @Option(names = "--out", required = true, description = "report JSON file to write")
    Path out;

    @Option(names = "--trace", description = "trace CSV file to write")
    Path traceFile;

    @Option(names = "--optimum", description = "also report the perfect-foresight optimum cost")
    boolean optimum;

    @Spec
    CommandSpec spec;

    private final OfflineOptimumSolver optimumSolver;
    private final Simulator simulator;

    public SimulateCommand() {
        this(Simulator.withControlCore(Clock.systemUTC()), new LpOfflineOptimum(WearPrices.ofDefaults()));
    }

    SimulateCommand(Simulator simulator, OfflineOptimumSolver optimumSolver) {
        this.simulator = simulator;
        this.optimumSolver = optimumSolver;
    }

    @Override
    public Integer call() throws IOException {
        Scenario scenario;
        GridServiceHook markets;
        try {
            scenario = new ScenarioLoader().load(scenarioFile);
            markets = GridServiceHook.of(scenario, Scenario.baseDirectory(scenarioFile));
        } catch (ScenarioException e) {
            spec.commandLine().getErr()
                    .println("gridfleet simulate: invalid scenario " + scenarioFile + ": " + e.getMessage());
            return INVALID;
        }
        SimulationReport report;
        if (traceFile == null) {
            report = simulator.run(scenario, markets, null, optimum ? optimumSolver : null);
        } else {
            try (Writer w = Files.newBufferedWriter(traceFile, StandardCharsets.UTF_8)) {
                report = simulator.run(scenario, markets, new TraceWriter(w),
                        optimum ? optimumSolver : null);
            }
        }
        writeReport(report, out);
        return 0;
    }

    static void writeReport(SimulationReport report, Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
    }
}
