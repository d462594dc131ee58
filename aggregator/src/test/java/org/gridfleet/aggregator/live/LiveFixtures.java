package org.gridfleet.aggregator.live;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gridfleet.aggregator.fleet.Charger;
import org.gridfleet.aggregator.fleet.ChargingPreference;
import org.gridfleet.aggregator.fleet.Chemistry;
import org.gridfleet.aggregator.fleet.DepartureRule;
import org.gridfleet.aggregator.fleet.DischargeCapability;
import org.gridfleet.aggregator.fleet.FleetRegistry.SiteWithChargers;
import org.gridfleet.aggregator.fleet.Site;
import org.gridfleet.aggregator.fleet.Trip;
import org.gridfleet.aggregator.fleet.V2gConsent;
import org.gridfleet.aggregator.fleet.Vehicle;

/** Registrations for the live package's unit tests. */
final class LiveFixtures {

    static final Instant NOW = Instant.parse("2026-11-30T18:00:00Z"); // a Monday
    static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID FLEET = UUID.fromString("00000000-0000-0000-0000-00000000000f");

    private LiveFixtures() {
    }

    static Vehicle vehicle(int n, V2gConsent v2g, List<DepartureRule> plan, List<Trip> trips) {
        return new Vehicle(new UUID(0, n), FLEET, TENANT, "van-" + n, 60, Chemistry.LFP, 11, 7, 0.2, plan, trips,
                ChargingPreference.LOWEST_COST, v2g, Optional.empty(), Optional.of("RFID-" + n),
                Optional.of("EVCC-" + n), NOW, NOW);
    }

    static Vehicle vehicle(int n) {
        return vehicle(n, new V2gConsent.Off(), List.of(), List.of());
    }

    static Charger charger(String id, UUID siteId, double maxPowerKw, boolean canDischarge) {
        return new Charger(id, siteId, TENANT, maxPowerKw, canDischarge, "SimEvse",
                canDischarge ? DischargeCapability.OCPP21 : DischargeCapability.NONE, NOW, NOW);
    }

    static Site site(int n, double limitKw, List<Site.NestedLimit> nested) {
        return new Site(new UUID(1, n), TENANT, "site-" + n, limitKw, Site.DEFAULT_HEADROOM_PCT, nested, NOW, NOW);
    }

    static SiteWithChargers siteWith(Site site, Charger... chargers) {
        return new SiteWithChargers(site, List.of(chargers));
    }
}
