package org.gridfleet.market;

/** Thrown when an obligation is asked to move along a transition its lifecycle does not have. */
public final class IllegalObligationTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final ObligationState from;
    private final ObligationState to;

    /** Creates the exception for {@code offerId} moving {@code from -> to}. */
    public IllegalObligationTransitionException(String offerId, ObligationState from, ObligationState to) {
        super("obligation " + offerId + " cannot go from " + from + " to " + to + " (allowed: " + from.next() + ")");
        this.from = from;
        this.to = to;
    }

    /** The state the obligation was in. */
    public ObligationState from() {
        return from;
    }

    /** The state that was asked for. */
    public ObligationState to() {
        return to;
    }
}
