package org.gridfleet.aggregator.openadr.grid;

import java.util.Objects;

/** What an OpenADR target means inside Gridfleet: one site, one fleet, or the whole portfolio. */
public sealed interface GridTarget {

    /** Every site Gridfleet controls (an event with no targets). */
    record Portfolio() implements GridTarget {
    }

    /** One grid connection point, named by its Gridfleet site id (OpenADR RESOURCE_NAME / POWER_SERVICE_LOCATION). */
    record Site(String siteId) implements GridTarget {
        public Site {
            Objects.requireNonNull(siteId, "siteId");
        }
    }

    /** One fleet (OpenADR GROUP). */
    record Fleet(String fleetId) implements GridTarget {
        public Fleet {
            Objects.requireNonNull(fleetId, "fleetId");
        }
    }
}
