package org.gridfleet.aggregator.cli;

/** Exit code and message for subcommands whose issue has not landed yet. */
final class NotBuiltYet {
    static final int EXIT_CODE = 3;

    private NotBuiltYet() {
    }

    static int report(String command) {
        System.err.println("gridfleet " + command + ": not built yet (see the open issues)");
        return EXIT_CODE;
    }
}
