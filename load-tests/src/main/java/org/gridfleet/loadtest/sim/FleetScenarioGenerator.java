package org.gridfleet.loadtest.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/**
 * Writes a synthetic one-day scenario for the simulate benchmark: {@code vehicles} vans over 10 depots, evening
 * arrivals, morning departures, 60 s steps, each depot limited to 60 % of its fleet's full power.
 * Usage: {@code FleetScenarioGenerator VEHICLES OUT.json [SEED]}.
 */
public final class FleetScenarioGenerator {
    private static final int DEPOTS = 10;

    private FleetScenarioGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42);
        Instant start = Instant.parse("2026-01-15T12:00:00Z");
        ScenarioJson scenario = new ScenarioJson("fleet-" + count, start, start.plusSeconds(86_400), 60);
        double perDepotKw = Math.ceil((double) count / DEPOTS) * 7.2;
        for (int d = 0; d < DEPOTS; d++) {
            scenario.site("depot-" + d, 0.6 * perDepotKw + 10, 10, start);
        }
        for (int i = 0; i < count; i++) {
            Instant arrival = start.plusSeconds(5 * 3600 + random.nextInt(4 * 3600));
            Instant departure = start.plusSeconds(18 * 3600 + random.nextInt(4 * 3600));
            double arrivalSoc = 0.2 + 0.2 * random.nextDouble();
            scenario.vehicle(String.format("van-%05d", i), "depot-" + (i % DEPOTS), 60, 7.2, arrival, departure,
                    arrivalSoc, 0.9);
        }
        scenario.write(out);
        System.out.println("wrote " + out + " with " + count + " vehicles");
    }
}
