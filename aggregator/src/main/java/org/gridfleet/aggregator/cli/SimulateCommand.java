package org.gridfleet.aggregator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gridfleet simulate}. */
@Command(name = "simulate", description = "Not built yet.")
public final class SimulateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return NotBuiltYet.report("simulate");
    }
}
