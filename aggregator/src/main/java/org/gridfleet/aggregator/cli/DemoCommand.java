package org.gridfleet.aggregator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gridfleet demo}. */
@Command(name = "demo", description = "Not built yet.")
public final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return NotBuiltYet.report("demo");
    }
}
