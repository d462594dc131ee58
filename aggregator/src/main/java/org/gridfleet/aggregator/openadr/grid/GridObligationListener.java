package org.gridfleet.aggregator.openadr.grid;

import java.util.List;

/**
 * Receives what OpenADR events ask of Gridfleet. Called on the event loop; implementations must not block.
 */
@FunctionalInterface
public interface GridObligationListener {

    GridObligationListener NOOP = (eventId, obligations) -> { };

    /**
     * The complete set of obligations of one event, replacing any earlier set for that event. An empty list
     * means the event was deleted or no longer asks anything.
     */
    void obligationsChanged(String eventId, List<GridObligation> obligations);
}
