package org.gridfleet.aggregator.openadr.ven;

/** The VTN answered a call with a non-2xx status. 5xx is retried; 4xx is the caller's fault and is not. */
public final class VtnCallException extends RuntimeException {

    private final int status;

    public VtnCallException(int status, String description) {
        super("VTN answered HTTP " + status + ": " + description, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean retryable() {
        return status >= 500;
    }
}
