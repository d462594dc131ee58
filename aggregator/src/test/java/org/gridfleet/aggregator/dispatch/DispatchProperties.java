package org.gridfleet.aggregator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.gridfleet.market.Baseline;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.dr.DemandResponseLimit;
import org.gridfleet.market.dr.DemandResponseLimits;
import org.gridfleet.market.dr.LimitDirection;
import org.gridfleet.market.fcr.FcrDroop;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.VehicleEnvelope;
import org.gridfleet.v2g.control.VehicleState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Randomized fleets, sites and market scenarios (regulation, FCR, with and without a demand-response cap, with
 * vehicles that ignore their setpoints), driven tick by tick through a plant that applies the setpoints to each
 * battery. On every tick: no site limit, reserve or power limit crossed; at departure every vehicle that could
 * reach its target did; only vehicles that really ignore their setpoints are excluded. (The hysteresis band is
 * checked by the scripted {@link DispatcherTest}.)
 */
class DispatchProperties {

    private static final Instant T0 = Instant.parse("2026-01-15T22:00:00Z");
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final double EPS = 1e-6;

    @Property(tries = 200)
    void dispatchShouldKeepEveryInvariantWhenFollowingAnyMarketScenario(@ForAll long seed,
                                                                       @ForAll @IntRange(min = 1, max = 25) int n) {
        Random rnd = new Random(seed);
        // GIVEN a random fleet, site and obligation
        double limitKw = 10 + rnd.nextDouble() * 290;
        double baseLoadKw = rnd.nextDouble() * limitKw / 2;
        Map<String, SiteState> sites = Map.of("depot", new SiteState("depot", limitKw, 5, baseLoadKw, 0));
        double evCapacityKw = sites.get("depot").usableLimitKw() - baseLoadKw;
        List<VehicleState> fleet = new ArrayList<>();
        Set<String> stuck = new HashSet<>();
        double chargeSum = 0;
        for (int i = 0; i < n; i++) {
            VehicleState v = randomVehicle("v" + i, rnd);
            fleet.add(v);
            chargeSum += v.maxChargeKw();
            if (rnd.nextDouble() < 0.15) {
                stuck.add(v.vehicleId());
            }
        }
        boolean ample = chargeSum <= evCapacityKw;
        DeliveryPeriod period = DeliveryPeriod.of(T0, Duration.ofHours(4));
        boolean regulation = rnd.nextBoolean();
        ActiveObligation o = new ActiveObligation("o", regulation ? ProductKind.REGULATION
                : ProductKind.FREQUENCY_CONTAINMENT, 1 + rnd.nextDouble() * 100,
                Baseline.flat(period, -20 + rnd.nextDouble() * 80), period, FcrDroop.ofDefaults());
        Map<String, Double> inForce = new HashMap<>();
        SettableClock clock = new SettableClock(T0);
        DispatchConfig config = DispatchConfig.ofDefaults().withResponseGrace(Duration.ofSeconds(30));
        Dispatcher d = new Dispatcher(config, rnd.nextBoolean() ? SocBalancing.ofDefaults() : SocBalancing.off(),
                inForce::put, DispatchMetrics.NOOP, clock, () -> 0L);
        d.activate(o);
        if (rnd.nextBoolean()) {
            d.limits(new DemandResponseLimits(List.of(new DemandResponseLimit("depot", LimitDirection.IMPORT,
                    rnd.nextDouble() * limitKw, DeliveryPeriod.of(T0.plus(Duration.ofMinutes(30)),
                            Duration.ofHours(1))))));
        }
        Set<String> couldReach = new HashSet<>();
        for (VehicleState v : fleet) {
            if (VehicleEnvelope.targetReachable(v, T0) && !stuck.contains(v.vehicleId())) {
                couldReach.add(v.vehicleId());
            }
        }
        Map<String, Double> metered = new HashMap<>();
        List<VehicleState> present = new ArrayList<>(fleet);
        // WHEN it is dispatched every minute until every vehicle has left
        while (!present.isEmpty()) {
            Instant now = clock.instant();
            double signal = regulation ? -1 + 2 * rnd.nextDouble() : 49.75 + 0.5 * rnd.nextDouble();
            DispatchRecord r = d.onSignal("o", signal, new FleetSnapshot(present, sites, List.of(), Map.of(),
                    Map.of(), metered));
            // THEN the site import the dispatcher counts on (setpoints of followers, metered power of excluded
            // vehicles) never exceeds the usable limit
            Set<String> excluded = d.nonResponders();
            double commanded = 0;
            for (VehicleState v : present) {
                commanded += excluded.contains(v.vehicleId()) ? 0 : inForce.get(v.vehicleId());
            }
            assertThat(stuck).containsAll(excluded);
            assertThat(commanded + baseLoadKw).as("site import").isLessThanOrEqualTo(
                    sites.get("depot").usableLimitKw() + EPS);
            // AND only vehicles that ignore their setpoints are ever excluded
            assertThat(r.nonResponders()).isLessThanOrEqualTo(stuck.size());
            // AND an excluded vehicle's share goes to the others: the record counts it at its metered 0 kW, and a
            // tick not flagged undeliverable has the followers alone carrying the target
            assertThat(r.allocatedKw()).isCloseTo(commanded, within(1e-6));
            if (!r.undeliverable()) {
                assertThat(commanded).as("commanded vs target").isCloseTo(r.targetKw(),
                        within(config.undeliverableToleranceKw() + config.hysteresisKw()));
            }
            metered.clear();
            List<VehicleState> next = new ArrayList<>();
            Instant end = now.plus(STEP);
            for (VehicleState v : present) {
                double kw = stuck.contains(v.vehicleId()) ? 0 : inForce.get(v.vehicleId());
                metered.put(v.vehicleId(), kw);
                assertThat(kw).isBetween(-v.maxDischargeKw() - EPS, v.maxChargeKw() + EPS);
                Instant until = end.isAfter(v.departure()) ? v.departure() : end;
                double hours = Duration.between(now, until).toMillis() / 3_600_000.0;
                double energy = v.energyKwh() + VehicleEnvelope.batteryDeltaKwh(kw, v.efficiency(), hours);
                // AND no battery goes below its reserve or above full (the last step may fill it up to the lag
                // allowance early, where the EV stops)
                double lastStepFillKwh = until.equals(v.departure())
                        ? v.maxChargeKw() * v.efficiency() * VehicleEnvelope.LAG_ALLOWANCE_HOURS : 0;
                assertThat(energy).as("energy of %s", v.vehicleId())
                        .isGreaterThanOrEqualTo(VehicleEnvelope.reserveKwh(v) - EPS)
                        .isLessThanOrEqualTo(v.batteryKwh() + lastStepFillKwh + EPS);
                energy = Math.min(energy, v.batteryKwh());
                VehicleState after = v.withEnergyKwh(energy);
                if (until.equals(v.departure())) {
                    // AND at departure every vehicle that could reach its target on a site that carries all did
                    if (ample && couldReach.contains(v.vehicleId())) {
                        assertThat(energy).as("departure energy of %s", v.vehicleId())
                                .isGreaterThanOrEqualTo(VehicleEnvelope.targetKwh(v) - 1e-4);
                    }
                } else {
                    next.add(after);
                }
            }
            present = next;
            clock.advance(STEP);
        }
    }

    private static VehicleState randomVehicle(String id, Random rnd) {
        double battery = 20 + rnd.nextDouble() * 80;
        double reserve = 0.1 + rnd.nextDouble() * 0.2;
        double soc = reserve + rnd.nextDouble() * (1 - reserve);
        double target = reserve + rnd.nextDouble() * (0.95 - reserve);
        double charge = 3 + rnd.nextDouble() * 19;
        double discharge = rnd.nextBoolean() ? rnd.nextDouble() * charge : 0;
        Instant departure = T0.plus(Duration.ofMinutes(15 + rnd.nextInt(165)));
        return new VehicleState(id, "depot", battery, soc, reserve, target, departure, charge, discharge,
                0.85 + rnd.nextDouble() * 0.15, rnd.nextDouble() * 0.2, false);
    }
}
