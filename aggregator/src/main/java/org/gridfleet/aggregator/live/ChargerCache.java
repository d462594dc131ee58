package org.gridfleet.aggregator.live;

import java.util.Optional;
import org.gridfleet.aggregator.fleet.FleetRegistry;
import org.gridfleet.aggregator.fleet.Vehicle;
import org.gridfleet.aggregator.live.FleetView.RegisteredCharger;
import org.gridfleet.v2g.charger.ChargerDirectory;
import org.gridfleet.v2g.charger.ChargerRecord;
import org.gridfleet.v2g.charger.VehicleMatcher;

/**
 * The gateway's {@link ChargerDirectory} and {@link VehicleMatcher}, answered from the latest {@link FleetView}
 * in memory (they are called on the event loop). {@link #refresh()} reloads the view from the database and must
 * run on a worker thread.
 */
public final class ChargerCache implements ChargerDirectory, VehicleMatcher {

    private final FleetRegistry registry;
    private final PreverifiedPasswords passwords;
    private volatile FleetView view = FleetView.EMPTY;

    public ChargerCache(FleetRegistry registry, PreverifiedPasswords passwords) {
        this.registry = registry;
        this.passwords = passwords;
    }

    /** Reloads sites, chargers and vehicles. Blocking (JDBC): worker threads only. */
    public FleetView refresh() {
        FleetView fresh = FleetView.of(registry.sites(), registry.vehicles());
        view = fresh;
        return fresh;
    }

    /** The latest load. */
    public FleetView view() {
        return view;
    }

    @Override
    public Optional<ChargerRecord> find(String chargerId) {
        return Optional.ofNullable(view.chargers().get(chargerId)).map(RegisteredCharger::record);
    }

    @Override
    public boolean verifyPassword(String chargerId, char[] password) {
        RegisteredCharger known = view.chargers().get(chargerId);
        return known != null && passwords.check(chargerId, known.charger().updatedAt(), password);
    }

    @Override
    public Optional<MatchedVehicle> match(String idToken, String evIdentifier) {
        FleetView v = view;
        Vehicle vehicle = idToken == null ? null : v.bySessionKey().get(idToken);
        if (vehicle == null && evIdentifier != null) {
            vehicle = v.bySessionKey().get(evIdentifier);
        }
        return Optional.ofNullable(vehicle)
                .map(m -> new MatchedVehicle(m.id().toString(), m.batteryCapacityKwh()));
    }
}
