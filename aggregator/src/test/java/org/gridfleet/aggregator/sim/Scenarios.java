package org.gridfleet.aggregator.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test scenarios built in code. */
final class Scenarios {
    static final Instant START = Instant.parse("2026-01-15T18:00:00Z");
    private static final Instant END = START.plus(Duration.ofHours(12));
    private static final double SLACK_HOURS = 2;

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

    /**
     * A random scenario over 12 hours: one or two sites, up to six vehicles each that could finish alone with two
     * hours of slack, site limits at {@code limitFactor} times the fleet's full power above the base load.
     */
    static Scenario random(Random r, double limitFactor) {
        double efficiency = 0.85 + 0.15 * r.nextDouble();
        Scenario.Chargers chargers = new Scenario.Chargers(r.nextInt(2001), 1 + 19 * r.nextDouble(), efficiency);
        int stepSeconds = new int[] {60, 300, 900}[r.nextInt(3)];
        List<Scenario.Site> sites = new ArrayList<>();
        List<Scenario.Vehicle> vehicles = new ArrayList<>();
        int siteCount = 1 + r.nextInt(2);
        for (int k = 0; k < siteCount; k++) {
            String siteId = "site-" + k;
            double fleetKw = 0;
            int n = 1 + r.nextInt(6);
            for (int i = 0; i < n; i++) {
                double battery = 20 + 60 * r.nextDouble();
                double maxKw = 3 + 8 * r.nextDouble();
                double arrivalSoc = 0.1 + 0.5 * r.nextDouble();
                double target = arrivalSoc + (1 - arrivalSoc) * r.nextDouble();
                double needHours = (target - arrivalSoc) * battery / efficiency / maxKw;
                Instant arrival = START.plusSeconds(r.nextInt(4 * 3600));
                long earliestDeparture = (long) ((needHours + SLACK_HOURS) * 3600);
                long latest = Duration.between(arrival, END).getSeconds();
                long dwell = Math.min(latest, earliestDeparture + (long) (r.nextDouble() * 4 * 3600));
                vehicles.add(Scenarios.vehicle(siteId + "-v" + i, siteId, battery, maxKw, arrival,
                        arrival.plusSeconds(Math.max(dwell, earliestDeparture)), arrivalSoc, target));
                fleetKw += maxKw;
            }
            double baseKw = 10 * r.nextDouble();
            double headroomPct = 5;
            sites.add(Scenarios.site(siteId, (baseKw + fleetKw * limitFactor) / (1 - headroomPct / 100),
                    headroomPct, baseKw));
        }
        List<Scenario.TimedPrice> prices = List.of(new Scenario.TimedPrice(START, 0.1 + 0.3 * r.nextDouble()),
                new Scenario.TimedPrice(START.plus(Duration.ofHours(3 + r.nextInt(3))), 0.05 + 0.1 * r.nextDouble()),
                new Scenario.TimedPrice(START.plus(Duration.ofHours(9)), 0.1 + 0.3 * r.nextDouble()));
        Instant end = vehicles.stream().map(Scenario.Vehicle::departure).max(Instant::compareTo).orElse(END);
        return new Scenario("random", START, end.isAfter(END) ? end : END, stepSeconds, sites,
                new Scenario.TariffSpec(prices, List.of(new Scenario.TimedPrice(START, 0.0)), 10.0), vehicles,
                List.of(), chargers);
    }
}
