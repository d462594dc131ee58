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

    /** A V2G vehicle of 60 kWh and 7 kW each way, at {@code soc} on arrival and wanting it back at departure. */
    static Scenario.Vehicle v2gVehicle(String id, String site, Instant arrival, Instant departure, double soc,
                                       Scenario.Budget budget) {
        return new Scenario.Vehicle(id, site, 60.0, "NMC", 7.0, 7.0, arrival, departure, soc, soc, 0.2, true,
                budget);
    }

    /**
     * A tariff that pays for V2G: import and export at 0.60 for the first {@code peakHours}, then import at 0.10
     * and export at 0; no demand charge.
     */
    static Scenario.TariffSpec eveningPeakTariff(int peakHours) {
        Instant offPeak = START.plusSeconds(peakHours * 3600L);
        return new Scenario.TariffSpec(List.of(new Scenario.TimedPrice(START, 0.60),
                new Scenario.TimedPrice(offPeak, 0.10)), List.of(new Scenario.TimedPrice(START, 0.60),
                new Scenario.TimedPrice(offPeak, 0.0)), 0.0);
    }

    static Scenario.Site site(String id, double limitKw, double headroomPct, double baseLoadKw) {
        return new Scenario.Site(id, limitKw, headroomPct, List.of(new Scenario.TimedKw(START, baseLoadKw)));
    }

    static Scenario.Chargers idealChargers() {
        return new Scenario.Chargers(0, 1e9, 1.0);
    }
}
