package org.gridfleet.market;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of one offer and the obligation it may become.
 *
 * <pre>
 * OFFERED --award--> AWARDED --startDelivery--> DELIVERING --settle--> SETTLED
 *    |                  |                            |
 *  reject             fail                          fail
 *    v                  v                            v
 * REJECTED            FAILED                       FAILED
 * </pre>
 *
 * FAILED covers an awarded obligation that could not be delivered and a delivery that earns no credit
 * (hourly score below the credit threshold, MARKET-RULES.md §1.3 "Qualification and thresholds").
 */
public enum ObligationState {
    OFFERED, AWARDED, DELIVERING, SETTLED, REJECTED, FAILED;

    /** The states this state may move to; empty for the terminal states. */
    public Set<ObligationState> next() {
        return switch (this) {
            case OFFERED -> EnumSet.of(AWARDED, REJECTED);
            case AWARDED -> EnumSet.of(DELIVERING, FAILED);
            case DELIVERING -> EnumSet.of(SETTLED, FAILED);
            case SETTLED, REJECTED, FAILED -> EnumSet.noneOf(ObligationState.class);
        };
    }

    /** Whether no transition leaves this state. */
    public boolean terminal() {
        return next().isEmpty();
    }

    /**
     * @throws IllegalObligationTransitionException if {@code to} is not a legal next state
     */
    public void requireTransition(String offerId, ObligationState to) {
        if (!next().contains(to)) {
            throw new IllegalObligationTransitionException(offerId, this, to);
        }
    }
}
