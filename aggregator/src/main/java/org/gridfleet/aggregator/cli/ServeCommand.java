package org.gridfleet.aggregator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gridfleet serve}. */
@Command(name = "serve", description = "Not built yet.")
public final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return NotBuiltYet.report("serve");
    }
}
