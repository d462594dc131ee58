package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridfleet.aggregator.live.LiveFixtures.NOW;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.gridfleet.aggregator.config.ControlConfig;
import org.gridfleet.aggregator.dispatch.DispatchConfig;
import org.gridfleet.aggregator.dispatch.DispatchMetrics;
import org.gridfleet.aggregator.fleet.Charger;
import org.gridfleet.aggregator.fleet.ChargingPreference;
import org.gridfleet.aggregator.fleet.Chemistry;
import org.gridfleet.aggregator.fleet.FleetRegistry.SiteWithChargers;
import org.gridfleet.aggregator.fleet.Site;
import org.gridfleet.aggregator.fleet.V2gConsent;
import org.gridfleet.aggregator.fleet.Vehicle;
import org.gridfleet.aggregator.health.VehicleWear;
import org.gridfleet.aggregator.openadr.grid.GridObligation;
import org.gridfleet.aggregator.openadr.grid.GridTarget;
import org.gridfleet.aggregator.openadr.grid.ShedLevels;
import org.gridfleet.v2g.charger.ChargerRecord;
import org.gridfleet.v2g.charger.EvNeeds;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.control.VehicleEnvelope;
import org.gridfleet.v2g.control.VehicleState;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The live decision over random mixes of registrations and sessions (matched or not, SoC known or not, EV needs
 * or the owner's, V2G consent or not, unsteered load at the site, chargers offline on their fallback): every tick
 * keeps each site under its usable limit with the unsteered sessions' metered power and the offline chargers'
 * fallback counted, and every vehicle inside its power range; with OpenADR import caps on the sites, within them too
 * as far as departure floors allow.
 */
class LiveControllerProperties {

    private static final double EPS = 1e-6;
    private static final Duration TICK = ControlConfig.DEFAULT.tick();
    private static final Duration HOLD = DispatchConfig.ofDefaults().holdFor();

    @Property(tries = 100)
    void decideShouldKeepSitesUnderTheirLimitWhenSessionsAreAnyMix(@ForAll long seed,
                                                                   @ForAll @IntRange(min = 1, max = 14) int n) {
        run(seed, n, Events.NONE);
    }

    /**
     * OpenADR import caps on random sites (some below what the unsteered load already draws): each site's EVs stay
     * within the cap's room unless the vehicles' departure floors need
     * more, and never above the site's limit.
     */
    @Property(tries = 100)
    void decideShouldKeepSitesUnderOpenAdrImportCapsWhenDepartureFloorsAllow(@ForAll long seed,
                                                                            @ForAll @IntRange(min = 1, max = 14) int n) {
        run(seed, n, Events.CAPS);
    }

    /**
     * OpenADR DISPATCH_SETPOINT, DISPATCH_SETPOINT_RELATIVE and SIMPLE levels on random sites and the portfolio
     * (targets above the site limit, below zero, or beyond what the vehicles can do included): following them never
     * takes a site over its limit, a vehicle out of its power range or below its reserve.
     */
    @Property(tries = 100)
    void decideShouldKeepSiteLimitsReservesAndDeparturesWhenFollowingOpenAdrSetpointsAndLevels(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 14) int n) {
        run(seed, n, Events.SETPOINTS);
    }

    private enum Events { NONE, CAPS, SETPOINTS }

    private void run(long seed, int n, Events events) {
        // GIVEN
        Random r = new Random(seed);
        List<Site> sites = List.of(LiveFixtures.site(1, 15 + r.nextInt(100), List.of()),
                LiveFixtures.site(2, 15 + r.nextInt(100), List.of()));
        Map<Site, List<Charger>> chargers = new HashMap<>();
        sites.forEach(s -> chargers.put(s, new ArrayList<>()));
        List<Vehicle> vehicles = new ArrayList<>();
        List<PluggedSession> sessions = new ArrayList<>();
        Map<String, Double> unsteeredKw = new HashMap<>();
        Set<String> offline = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Site site = sites.get(r.nextInt(sites.size()));
            String id = "CP-" + i;
            chargers.get(site).add(LiveFixtures.charger(id, site.id(), 7 + r.nextInt(16), r.nextBoolean()));
            EvseRef evse = new EvseRef(id, 1);
            if (r.nextInt(5) == 0) {
                offline.add(id);
                continue;
            }
            if (r.nextInt(4) == 0) {
                double drawKw = r.nextDouble() * 7;
                sessions.add(new PluggedSession(evse, "tx-" + i, null, null, drawKw, null));
                unsteeredKw.merge(site.id().toString(), drawKw, Double::sum);
                continue;
            }
            Vehicle v = randomVehicle(r, i);
            vehicles.add(v);
            Double soc = r.nextInt(5) == 0 ? null : 0.05 + 0.9 * r.nextDouble();
            EvNeeds needs = r.nextBoolean() ? null : new EvNeeds(evse,
                    NOW.plus(Duration.ofMinutes(30 + r.nextInt(600))), r.nextDouble() * 40, null, null, null, null,
                    null, null);
            sessions.add(new PluggedSession(evse, "tx-" + i, v.id().toString(), soc, null, needs));
        }
        List<SiteWithChargers> registered = new ArrayList<>();
        sites.forEach(s -> registered.add(new SiteWithChargers(s, chargers.get(s))));
        FleetView view = FleetView.of(registered, vehicles);
        for (String id : offline) {
            ChargerRecord record = view.chargers().get(id).record();
            unsteeredKw.merge(record.siteId(), record.maxPowerKw(), Double::sum);
        }
        GridLink grid = GridLink.of(ControlConfig.DEFAULT);
        Map<String, Double> capKw = new HashMap<>();
        if (events == Events.SETPOINTS) {
            randomSetpoints(r, sites, grid.openAdr());
        }
        if (events == Events.CAPS) {
            for (Site s : sites) {
                if (r.nextInt(3) > 0) {
                    String siteId = s.id().toString();
                    capKw.put(siteId, r.nextDouble() * 60);
                    grid.openAdr().obligationsChanged("event-" + siteId, List.of(new GridObligation.ImportCapacityLimit(
                            "event-" + siteId, new GridTarget.Site(siteId), NOW.minusSeconds(60), NOW.plusSeconds(3600),
                            capKw.get(siteId))));
                }
            }
        }
        LiveController controller = new LiveController(ControlConfig.DEFAULT, DispatchMetrics.NOOP,
                new LiveFleet(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60)), new VehicleWear(), grid);
        // WHEN a few ticks run (published, as the control loop does, so events can freeze their baselines)
        for (int tick = 0; tick < 6; tick++) {
            Instant now = NOW.plus(TICK.multipliedBy(tick));
            LiveController.Decision d = controller.decide(view, sessions,
                    (charger, at) -> offline.contains(charger.chargerId()) ? charger.maxPowerKw() : 0, now);
            grid.ticks().publish(new FleetTicks.Tick(d.live().input(), d.plannedKw(), d.setpointsKw(), Map.of()));
            // THEN
            Map<String, Double> siteKw = new HashMap<>();
            Map<String, Double> floorKw = new HashMap<>();
            Map<String, Double> vehicleFloor = new HashMap<>();
            Map<String, String> vehicleSite = new HashMap<>();
            for (VehicleState v : d.live().input().vehicles()) {
                floorKw.merge(v.siteId(), Math.max(0, VehicleEnvelope.range(v, now, HOLD).minKw()), Double::sum);
                double kw = d.setpointsKw().getOrDefault(v.vehicleId(), 0.0);
                assertThat(kw).as("vehicle power range").isBetween(-v.maxDischargeKw() - EPS, v.maxChargeKw() + EPS);
                assertThat(kw).as("reserve (hard floor) of " + v.vehicleId()).isGreaterThanOrEqualTo(
                        VehicleEnvelope.range(v, now, HOLD).hardMinKw() - EPS);
                if (v.soc() <= v.reserveSoc()) {
                    assertThat(kw).as("at or below the reserve: no discharge").isGreaterThanOrEqualTo(-EPS);
                }
                siteKw.merge(v.siteId(), kw, Double::sum);
                vehicleFloor.put(v.vehicleId(), VehicleEnvelope.range(v, now, HOLD).minKw());
                vehicleSite.put(v.vehicleId(), v.siteId());
            }
            Map<String, Double> roomKw = new HashMap<>();
            for (Site s : sites) {
                String id = s.id().toString();
                roomKw.put(id, Math.max(0, s.usableLimitKw() - unsteeredKw.getOrDefault(id, 0.0)));
            }
            // a departure floor gives way only to the site's physical room, never to a cap or a setpoint
            vehicleFloor.forEach((vehicle, floor) -> {
                String id = vehicleSite.get(vehicle);
                if (floorKw.getOrDefault(id, 0.0) <= roomKw.get(id) - 0.5) {
                    assertThat(d.setpointsKw().getOrDefault(vehicle, 0.0)).as("departure floor of " + vehicle)
                            .isGreaterThanOrEqualTo(floor - 0.01);
                }
            });
            for (Site s : sites) {
                String id = s.id().toString();
                double room = roomKw.get(id);
                assertThat(siteKw.getOrDefault(id, 0.0)).as("site " + id + " EVs within the room the unsteered and offline leave")
                        .isLessThanOrEqualTo(room + EPS);
                if (capKw.containsKey(id)) {
                    double capRoom = Math.max(capKw.get(id) - unsteeredKw.getOrDefault(id, 0.0),
                            floorKw.getOrDefault(id, 0.0));
                    assertThat(siteKw.getOrDefault(id, 0.0)).as("site " + id + " EVs within the OpenADR cap's room")
                            .isLessThanOrEqualTo(capRoom + EPS);
                }
            }
        }
    }

    /** From the first tick on, a setpoint, a relative setpoint or a SIMPLE level on each site and maybe the portfolio. */
    private static void randomSetpoints(Random r, List<Site> sites, OpenAdrOverlay overlay) {
        List<GridTarget> targets = new ArrayList<>();
        sites.forEach(s -> targets.add(new GridTarget.Site(s.id().toString())));
        if (r.nextBoolean()) {
            targets.add(new GridTarget.Portfolio());
        }
        Instant from = NOW.plus(TICK);
        Instant to = NOW.plusSeconds(3600);
        for (int i = 0; i < targets.size(); i++) {
            String event = "event-" + i;
            GridTarget target = targets.get(i);
            GridObligation o = switch (r.nextInt(3)) {
                case 0 -> new GridObligation.DispatchSetpoint(event, target, from, to, r.nextDouble() * 150, false);
                case 1 -> new GridObligation.DispatchSetpoint(event, target, from, to, -80 + r.nextDouble() * 160, true);
                default -> {
                    int level = r.nextInt(4);
                    yield new GridObligation.SimpleLevel(event, target, from, to, level,
                            ShedLevels.ofDefaults().shedFraction(level));
                }
            };
            overlay.obligationsChanged(event, List.of(o));
        }
    }

    private static Vehicle randomVehicle(Random r, int i) {
        V2gConsent consent = r.nextBoolean() ? new V2gConsent.Off() : new V2gConsent.DailyCycleCap(1);
        return new Vehicle(new UUID(7, i), LiveFixtures.FLEET, LiveFixtures.TENANT, "v" + i, 40 + r.nextInt(60),
                Chemistry.values()[r.nextInt(Chemistry.values().length)], 3 + r.nextInt(9), r.nextInt(11),
                0.1 + 0.2 * r.nextDouble(), List.of(), List.of(),
                ChargingPreference.values()[r.nextInt(ChargingPreference.values().length)], consent,
                r.nextInt(6) == 0 ? Optional.of(NOW.plusSeconds(3600)) : Optional.empty(),
                Optional.of("RFID-" + i), Optional.empty(), NOW, NOW);
    }
}
