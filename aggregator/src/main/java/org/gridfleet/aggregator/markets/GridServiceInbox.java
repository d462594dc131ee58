package org.gridfleet.aggregator.markets;

import org.gridfleet.aggregator.dispatch.ActiveObligation;

import java.time.Instant;

/**
 * Where the market desk hands obligations and their live signal to the control loop that owns the
 * {@link org.gridfleet.aggregator.dispatch.Dispatcher}. The loop implements it; the desk only calls it.
 *
 * <p>Calls come from the desk's worker thread (activation, end) and from an HTTP or feed event loop (signals):
 * implementations must be thread-safe and must not block (queue the work onto the dispatcher's thread).
 */
public interface GridServiceInbox {

    /** An awarded obligation's delivery period began (or a restart found it delivering): follow it. */
    void activated(ActiveObligation obligation);

    /**
     * The obligation's delivery period is over: stop following it. May name an obligation never activated (its
     * period passed while the desk was down); ignore those.
     */
    void ended(String obligationId);

    /**
     * A validated live sample for a delivering obligation, in the product's unit (normalized regulation signal,
     * +1 = up = less import; or grid frequency in Hz). Samples of one product arrive in strictly increasing time.
     */
    void signal(String obligationId, Instant at, double value);
}
