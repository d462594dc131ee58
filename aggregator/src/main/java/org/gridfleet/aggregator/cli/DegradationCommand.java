package org.gridfleet.aggregator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridfleet.degradation.AgingSimulation;
import org.gridfleet.degradation.AgingState;
import org.gridfleet.degradation.Chemistry;
import org.gridfleet.degradation.SocProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridfleet degradation}: ages a new cell with one day's SoC profile repeated every day and
 * prints CSV {@code year,q,efc} (relative capacity, cumulative equivalent full cycles) for each year.
 * Bad input prints one line naming the problem on stderr and exits with {@value #EXIT_BAD_INPUT}.
 */
@Command(name = "degradation", mixinStandardHelpOptions = true,
        description = "Battery aging (NREL BLAST-Lite models) of one day's SoC profile repeated for years.")
public final class DegradationCommand implements Callable<Integer> {
    static final int EXIT_BAD_INPUT = 2;
    private static final int MAX_YEARS = 100;

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "Cell model: nmc111-kokam, lfp-250ah or nca-panasonic.")
    private String model;

    @Option(names = "--profile", required = true, paramLabel = "DAY.csv",
            description = "CSV with header seconds,soc[,temperature_c]: one day (86400 s), repeated every day.")
    private Path profile;

    @Option(names = "--years", defaultValue = "10", description = "Years to simulate, 1..100 (default ${DEFAULT-VALUE}).")
    private int years;

    @Option(names = "--temperature", defaultValue = "25", paramLabel = "CELSIUS",
            description = "Cell temperature when the profile has no temperature_c column (default ${DEFAULT-VALUE}).")
    private double temperatureC;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<AgingState> yearly;
        try {
            Chemistry chemistry = Chemistry.fromId(model);
            if (years < 1 || years > MAX_YEARS) {
                throw new IllegalArgumentException("--years must be within 1.." + MAX_YEARS + ", but was " + years);
            }
            if (!(temperatureC >= -40.0 && temperatureC <= 80.0)) {
                throw new IllegalArgumentException("--temperature must be within -40..80 °C, but was " + temperatureC);
            }
            SocProfile day = DegradationProfileCsv.read(profile, temperatureC);
            yearly = new AgingSimulation(chemistry.model()).repeatDaily(day, years);
        } catch (IllegalArgumentException e) {
            err.println("gridfleet degradation: " + e.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("year,q,efc");
        for (int year = 1; year <= yearly.size(); year++) {
            AgingState state = yearly.get(year - 1);
            out.println(String.format(Locale.ROOT, "%d,%.6f,%.3f", year, state.relativeCapacity(),
                    state.equivalentFullCycles()));
        }
        out.flush();
        return 0;
    }
}
