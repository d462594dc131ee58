package org.gridfleet.loadtest.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Builds scenario JSON (docs/design/SCENARIO.md) for the generators in this package. */
final class ScenarioJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode sites;
    private final ArrayNode vehicles;

    ScenarioJson(String name, Instant start, Instant end, int stepSeconds) {
        root.put("name", name).put("start", start.toString()).put("end", end.toString())
                .put("stepSeconds", stepSeconds);
        sites = root.putArray("sites");
        ObjectNode tariff = root.putObject("tariff");
        // a time-of-use day: 0.32 from 07:00 and 0.12 from 23:00 UTC, repeated over the scenario
        ArrayNode imports = tariff.putArray("importPricePerKwh");
        long hour = Math.floorMod(start.getEpochSecond(), 86_400) / 3600;
        imports.addObject().put("from", start.toString()).put("price", hour >= 7 && hour < 23 ? 0.32 : 0.12);
        Instant day = start.minusSeconds(Math.floorMod(start.getEpochSecond(), 86_400));
        for (Instant d = day; d.isBefore(end); d = d.plusSeconds(86_400)) {
            price(imports, start, d.plusSeconds(7 * 3600), 0.32);
            price(imports, start, d.plusSeconds(23 * 3600), 0.12);
        }
        tariff.putArray("exportPricePerKwh").addObject().put("from", start.toString()).put("price", 0.05);
        tariff.put("demandChargePerKw", 15.0);
        vehicles = root.putArray("vehicles");
        root.putArray("markets");
        root.putObject("chargers").put("commandLatencyMs", 800).put("rampKwPerSecond", 7.2).put("efficiency", 0.93);
    }

    private static void price(ArrayNode steps, Instant start, Instant from, double price) {
        if (from.isAfter(start)) {
            steps.addObject().put("from", from.toString()).put("price", price);
        }
    }

    ScenarioJson site(String id, double limitKw, double baseLoadKw, Instant start) {
        ObjectNode site = sites.addObject().put("id", id).put("limitKw", limitKw).put("headroomPct", 5);
        site.putArray("baseLoadKw").addObject().put("from", start.toString()).put("kw", baseLoadKw);
        return this;
    }

    ScenarioJson vehicle(String id, String site, double batteryKwh, double maxKw, Instant arrival, Instant departure,
                         double arrivalSoc, double departureSoc) {
        vehicles.addObject().put("id", id).put("site", site).put("batteryKwh", batteryKwh).put("chemistry", "NMC")
                .put("maxChargeKw", maxKw).put("maxDischargeKw", maxKw).put("arrival", arrival.toString())
                .put("departure", departure.toString()).put("arrivalSoc", arrivalSoc)
                .put("departureSoc", departureSoc).put("reserveSoc", Math.min(0.2, arrivalSoc)).put("v2g", false);
        return this;
    }

    int vehicleCount() {
        return vehicles.size();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }
}
