package org.gridfleet.aggregator.live;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.aggregator.fleet.Charger;
import org.gridfleet.aggregator.fleet.FleetRegistry.SiteWithChargers;
import org.gridfleet.aggregator.fleet.Site;
import org.gridfleet.aggregator.fleet.Vehicle;
import org.gridfleet.v2g.charger.ChargerRecord;

/**
 * One immutable load of the registered sites, chargers and vehicles, indexed for the gateway (by OCPP
 * identity, by session identifier) and the control loop (by site and vehicle id). Replaced whole on refresh.
 *
 * @param chargers     by OCPP identity
 * @param sites        by site id (UUID text)
 * @param vehicles     by vehicle id (UUID text)
 * @param bySessionKey vehicles by OCPP idToken and by EV identifier
 */
public record FleetView(Map<String, RegisteredCharger> chargers, Map<String, Site> sites,
                        Map<String, Vehicle> vehicles, Map<String, Vehicle> bySessionKey) {

    /** Evses per charger: the fleet API registers chargers, not EVSEs, so each has one. */
    static final int EVSES_PER_CHARGER = 1;

    public static final FleetView EMPTY = new FleetView(Map.of(), Map.of(), Map.of(), Map.of());

    public FleetView {
        chargers = Map.copyOf(chargers);
        sites = Map.copyOf(sites);
        vehicles = Map.copyOf(vehicles);
        bySessionKey = Map.copyOf(bySessionKey);
    }

    /**
     * A registered charger and what the gateway needs of it.
     *
     * @param charger the fleet registration (power, discharge capability)
     * @param record  the gateway's view: site, admission and the fallback sizing inputs
     */
    public record RegisteredCharger(Charger charger, ChargerRecord record) {
    }

    /** Indexes a registry read. Every registered charger is admitted; its fallback shares the site's usable limit. */
    public static FleetView of(List<SiteWithChargers> sites, List<Vehicle> vehicles) {
        Map<String, RegisteredCharger> chargers = new HashMap<>();
        Map<String, Site> siteById = new HashMap<>();
        for (SiteWithChargers s : sites) {
            siteById.put(s.site().id().toString(), s.site());
            int atSite = Math.max(1, s.chargers().size());
            for (Charger c : s.chargers()) {
                chargers.put(c.id(), new RegisteredCharger(c, new ChargerRecord(c.id(), s.site().id().toString(),
                        ChargerRecord.Admission.ACCEPTED, c.canDischarge(), c.maxPowerKw(), EVSES_PER_CHARGER,
                        s.site().usableLimitKw(), atSite)));
            }
        }
        Map<String, Vehicle> byId = new HashMap<>();
        Map<String, Vehicle> bySessionKey = new HashMap<>();
        for (Vehicle v : vehicles) {
            byId.put(v.id().toString(), v);
            v.idToken().ifPresent(t -> bySessionKey.put(t, v));
            v.evId().ifPresent(e -> bySessionKey.put(e, v));
        }
        return new FleetView(chargers, siteById, byId, bySessionKey);
    }
}
