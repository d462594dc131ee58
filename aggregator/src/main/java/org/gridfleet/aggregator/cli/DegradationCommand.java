package org.gridfleet.aggregator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gridfleet degradation}. */
@Command(name = "degradation", description = "Not built yet.")
public final class DegradationCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return NotBuiltYet.report("degradation");
    }
}
