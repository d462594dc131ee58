package org.gridfleet.aggregator.sim;

/** A scenario file is unreadable or invalid; {@link #field()} names the offending field (JSON path). */
public final class ScenarioException extends Exception {
    private final String field;

    public ScenarioException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The JSON path of the offending field, e.g. {@code vehicles[3].departure}. */
    public String field() {
        return field;
    }
}
