package org.gridfleet.aggregator.fleet;

import java.util.List;
import java.util.Optional;

/**
 * Read view of every tenant's registered vehicles, sites and chargers, for the live control loop.
 * Methods block on the database: call them from a worker thread, never from an event loop.
 */
public interface FleetRegistry {

    /** A site with its limits and the chargers registered at it. */
    record SiteWithChargers(Site site, List<Charger> chargers) {
        public SiteWithChargers {
            chargers = List.copyOf(chargers);
        }
    }

    /** Every registered vehicle with its constraints (capacity, power, reserve, departures, consent). */
    List<Vehicle> vehicles();

    /** The vehicle a plugged-in session belongs to, matched by OCPP idToken or EV identifier. */
    Optional<Vehicle> vehicleForSession(String idTokenOrEvId);

    /** Every site with its limit, headroom, nested limits and chargers. */
    List<SiteWithChargers> sites();

    /** The site a charger (by OCPP identity) is registered at. */
    Optional<SiteWithChargers> siteOfCharger(String chargerId);
}
