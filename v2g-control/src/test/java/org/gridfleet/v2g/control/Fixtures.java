package org.gridfleet.v2g.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small builders shared by the control-core tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    private Fixtures() {
    }

    static Instant at(double hours) {
        return T0.plusMillis(Math.round(hours * 3_600_000));
    }

    /** A vehicle at site "s1": 40 kWh battery, reserve 20 %, efficiency 1, no wear cost. */
    static VehicleState vehicle(String id, double soc, double targetSoc, double departureHours, double maxChargeKw,
                                double maxDischargeKw) {
        return new VehicleState(id, "s1", 40, soc, 0.2, targetSoc, at(departureHours), maxChargeKw, maxDischargeKw,
                1.0, 0.0, false);
    }

    static SiteState site(double limitKw, double baseLoadKw) {
        return new SiteState("s1", limitKw, 0, baseLoadKw, 0);
    }

    static Map<String, SiteState> sites(SiteState... sites) {
        return java.util.Arrays.stream(sites).collect(java.util.stream.Collectors.toMap(SiteState::siteId, s -> s));
    }

    static Tariff flat(double price, double demandChargePerKw) {
        return new Tariff(PriceCurve.constant(price), PriceCurve.constant(0), demandChargePerKw);
    }

    /** Import price {@code first} until {@code switchHours}, then {@code second}; no export value. */
    static Tariff twoPrice(double first, double switchHours, double second) {
        return new Tariff(new PriceCurve(List.of(new PriceCurve.Step(T0, first),
                new PriceCurve.Step(at(switchHours), second))), PriceCurve.constant(0), 0);
    }
}
