package org.gridfleet.aggregator;

import org.gridfleet.aggregator.cli.DegradationCommand;
import org.gridfleet.aggregator.cli.DemoCommand;
import org.gridfleet.aggregator.cli.ServeCommand;
import org.gridfleet.aggregator.cli.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gridfleet} command line: one subcommand per job. */
@Command(name = "gridfleet", mixinStandardHelpOptions = true, version = "gridfleet 0.1.0",
        description = "Vehicle-to-grid aggregator.",
        subcommands = {ServeCommand.class, SimulateCommand.class, DemoCommand.class,
                DegradationCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
