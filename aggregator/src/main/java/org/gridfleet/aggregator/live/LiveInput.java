package org.gridfleet.aggregator.live;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.aggregator.config.ControlConfig;
import org.gridfleet.aggregator.fleet.Charger;
import org.gridfleet.aggregator.fleet.Chemistry;
import org.gridfleet.aggregator.fleet.Site;
import org.gridfleet.aggregator.fleet.Vehicle;
import org.gridfleet.aggregator.health.VehicleWear;
import org.gridfleet.aggregator.live.FleetView.RegisteredCharger;
import org.gridfleet.aggregator.sim.WearPrices;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.control.ControlInput;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.Tariff;
import org.gridfleet.v2g.control.VehicleState;

/**
 * One control tick's input built from the live sessions and the registrations, and where each steered vehicle
 * is plugged in.
 *
 * <p>A session is steered when it is matched to a registered vehicle at a registered charger. Every other
 * session (unmatched, or a second session of the same vehicle) is not, and its metered power counts as the
 * site's base load, so the steered vehicles still keep the site under its limit. So does every registered
 * charger that is offline, at what its profiles still let it draw ({@link OfflineLoad}): after a restart of
 * Gridfleet the chargers not yet reconnected still draw while the reconnected ones are steered again.
 *
 * @param input          what the controller sees
 * @param evseOfVehicle  the EVSE of each steered vehicle id
 */
public record LiveInput(ControlInput input, Map<String, EvseRef> evseOfVehicle) {

    /** One-way charger efficiency assumed for every charger (the registry does not record it). */
    static final double CHARGER_EFFICIENCY = 0.95;

    /**
     * Wear price per kWh discharged, by chemistry, from the degradation model. It does not depend on the pack
     * size (the pack's value and its capacity lost per kWh scale together), so one 60 kWh pack prices each.
     */
    private static final Map<Chemistry, Double> WEAR_PER_KWH = new EnumMap<>(Chemistry.class);

    static {
        WearPrices prices = WearPrices.ofDefaults();
        for (Chemistry c : Chemistry.values()) {
            WEAR_PER_KWH.put(c, prices.perKwh(c.name(), 60.0));
        }
    }

    public LiveInput {
        evseOfVehicle = Map.copyOf(evseOfVehicle);
    }

    /**
     * @param offline what each registered charger Gridfleet cannot steer now may draw
     * @param wear   each vehicle's wear price from its measured health and what its degradation budget leaves
     * @param tariff the energy prices the schedule minimizes (the flat ones, or with OpenADR price events)
     */
    public static LiveInput build(FleetView view, List<PluggedSession> sessions, OfflineLoad offline,
                                  VehicleWear wear, Instant now, Duration step, ControlConfig config, Tariff tariff) {
        List<VehicleState> vehicles = new ArrayList<>();
        Map<String, EvseRef> evseOf = new HashMap<>();
        Map<String, Double> baseLoadKw = new HashMap<>();
        for (RegisteredCharger charger : view.chargers().values()) {
            double offlineKw = offline.offlineKw(charger.record(), now);
            if (offlineKw > 0) {
                baseLoadKw.merge(charger.record().siteId(), offlineKw, Double::sum);
            }
        }
        for (PluggedSession s : sessions) {
            RegisteredCharger charger = view.chargers().get(s.evse().chargerId());
            if (charger == null) {
                continue;
            }
            Vehicle vehicle = s.vehicleId() == null ? null : view.vehicles().get(s.vehicleId());
            if (vehicle == null || evseOf.containsKey(s.vehicleId())) {
                if (s.meteredKw() != null) {
                    baseLoadKw.merge(charger.record().siteId(), s.meteredKw(), Double::sum);
                }
                continue;
            }
            vehicles.add(state(vehicle, charger, s, wear, now, step, config));
            evseOf.put(s.vehicleId(), s.evse());
        }
        Map<String, SiteState> sites = new HashMap<>();
        for (Map.Entry<String, Site> e : view.sites().entrySet()) {
            Site site = e.getValue();
            sites.put(e.getKey(), new SiteState(e.getKey(), site.limitKw(), site.headroomPct(),
                    baseLoadKw.getOrDefault(e.getKey(), 0.0), 0));
        }
        return new LiveInput(new ControlInput(now, step, vehicles, sites, tariff, Map.of()), evseOf);
    }

    /**
     * The vehicle's state: SoC as reported (the reserve until a first reading, so an unknown battery is charged,
     * never discharged), power limited by vehicle, charger and EV request, discharge only with the owner's V2G
     * consent on a discharge-capable charger, never during "charge now" and never past the owner's degradation
     * budget for the day; wear priced from the battery's measured health once the health job has seen it.
     */
    static VehicleState state(Vehicle v, RegisteredCharger charger, PluggedSession s, VehicleWear wear, Instant now,
                              Duration step, ControlConfig config) {
        Charger c = charger.charger();
        double soc = s.soc() != null ? s.soc() : v.reserveSoc();
        DepartureNeed need = DepartureNeed.of(v, s.needs(), soc, now, config.defaultDwell());
        double maxCharge = Math.min(v.maxChargeKw(), c.maxPowerKw());
        double maxDischarge = Math.min(v.maxDischargeKw(), c.maxPowerKw());
        if (s.needs() != null && s.needs().maxChargePowerKw() != null) {
            maxCharge = Math.min(maxCharge, s.needs().maxChargePowerKw());
        }
        if (s.needs() != null && s.needs().maxDischargePowerKw() != null) {
            maxDischarge = Math.min(maxDischarge, s.needs().maxDischargePowerKw());
        }
        boolean urgent = v.chargeNowActive(now);
        if (!v.v2g().allowsDischarge() || !c.canDischarge() || urgent) {
            maxDischarge = 0;
        }
        maxDischarge = wear.maxDischargeKw(v.id(), maxDischarge, LocalDate.ofInstant(now, ZoneOffset.UTC),
                step.toMillis() / 3_600_000.0, CHARGER_EFFICIENCY);
        return new VehicleState(v.id().toString(), charger.record().siteId(), v.batteryCapacityKwh(), soc,
                v.reserveSoc(), need.targetSoc(), need.departure(), maxCharge, maxDischarge, CHARGER_EFFICIENCY,
                wear.pricePerKwh(v.id(), WEAR_PER_KWH.get(v.chemistry())), urgent);
    }
}
