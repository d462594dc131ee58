package org.gridfleet.aggregator.sim;

import java.time.Instant;
import java.util.List;

/** Test scenarios built in code. */
final class Scenarios {
    static final Instant START = Instant.parse("2026-01-15T18:00:00Z");

    private Scenarios() {
    }

    static Scenario.Vehicle vehicle(String id, String site, double batteryKwh, double maxChargeKw, Instant arrival,
                                    Instant departure, double arrivalSoc, double targetSoc) {
        return new Scenario.Vehicle(id, site, batteryKwh, "NMC", maxChargeKw, 0.0, arrival, departure, arrivalSoc,
                targetSoc, 0.2, false);
    }

    static Scenario scenario(Instant end, int stepSeconds, List<Scenario.Site> sites, List<Scenario.Vehicle> vehicles,
                             List<Scenario.Market> markets, Scenario.Chargers chargers, double importPrice,
                             double demandChargePerKw) {
        return new Scenario("test", START, end, stepSeconds, sites,
                new Scenario.TariffSpec(List.of(new Scenario.TimedPrice(START, importPrice)),
                        List.of(new Scenario.TimedPrice(START, 0.0)), demandChargePerKw),
                vehicles, markets, chargers);
    }

    static Scenario.Site site(String id, double limitKw, double headroomPct, double baseLoadKw) {
        return new Scenario.Site(id, limitKw, headroomPct, List.of(new Scenario.TimedKw(START, baseLoadKw)));
    }

    static Scenario.Chargers idealChargers() {
        return new Scenario.Chargers(0, 1e9, 1.0);
    }
}
