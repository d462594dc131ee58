package org.gridfleet.loadtest.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a {@code gridfleet simulate} scenario (docs/design/SCENARIO.md) of the same 200-van V2G depot
 * {@link RegulationDayReplay} runs in process: half the vans plugged in all day, half leaving 06:00–08:00 and back
 * 16:00–18:00, a 24-h {@code regulation} (RegD) or {@code fcr} window, 2-s steps, chargers with the given latency.
 *
 * <p>Run from the repo root: {@code load-tests/bench run org.gridfleet.loadtest.dispatch.DepotDayScenario OUT.json
 * [regd|fcr] [latencyMs] [capacityKw]}; the signal path is written relative to OUT's directory.
 */
public final class DepotDayScenario {

    private static final Instant DAY = Instant.parse("2026-01-15T00:00:00Z");

    private DepotDayScenario() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: DepotDayScenario OUT.json [regd|fcr] [latencyMs] [capacityKw]");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        boolean fcr = args.length > 1 && args[1].equals("fcr");
        int latencyMs = args.length > 2 ? Integer.parseInt(args[2]) : 800;
        double capacityKw = args.length > 3 ? Double.parseDouble(args[3]) : 400;
        Path signal = Path.of(fcr ? "reference/frequency/rte_france_2016-03-01_to_03_10s.csv"
                : "reference/pjm/regd_2020-07-22_2s.csv").toAbsolutePath();
        Path relative = out.getParent().relativize(signal);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.toFile(), scenario(fcr, latencyMs, capacityKw, relative.toString()));
        System.out.println("wrote " + out);
    }

    static Map<String, Object> scenario(boolean fcr, int latencyMs, double capacityKw, String signalFile) {
        Instant end = DAY.plus(Duration.ofDays(1));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", "depot-200-v2g-" + (fcr ? "fcr" : "regd") + "-" + latencyMs + "ms");
        s.put("start", DAY.toString());
        s.put("end", end.toString());
        s.put("stepSeconds", 2);
        s.put("sites", List.of(Map.of("id", "depot", "limitKw", 1440, "headroomPct", 0,
                "baseLoadKw", List.of(Map.of("from", DAY.toString(), "kw", 0)))));
        s.put("tariff", Map.of("importPricePerKwh", List.of(Map.of("from", DAY.toString(), "price", 0.2)),
                "exportPricePerKwh", List.of(Map.of("from", DAY.toString(), "price", 0.05)),
                "demandChargePerKw", 0));
        List<Map<String, Object>> vehicles = new ArrayList<>();
        Random rnd = new Random(3);
        for (int c = 0; c < 200; c++) {
            double soc = 0.45 + 0.2 * rnd.nextDouble();
            if (c % 2 == 0) {
                vehicles.add(van("van" + c, DAY, end, soc));
            } else {
                Instant leaves = DAY.plus(Duration.ofMinutes(360 + rnd.nextInt(120)));
                Instant back = DAY.plus(Duration.ofMinutes(960 + rnd.nextInt(120)));
                vehicles.add(van("van" + c + "-am", DAY, leaves, soc));
                vehicles.add(van("van" + c + "-pm", back, end, 0.3 + 0.2 * rnd.nextDouble()));
            }
        }
        s.put("vehicles", vehicles);
        Map<String, Object> market = new LinkedHashMap<>();
        market.put("product", fcr ? "fcr" : "regulation");
        market.put("from", DAY.toString());
        market.put("to", end.toString());
        market.put("capacityKw", capacityKw);
        market.put(fcr ? "frequency" : "signal", Map.of("file", signalFile, "column", fcr ? "freq_hz" : "regd",
                "firstRowAt", DAY.toString()));
        s.put("markets", List.of(market));
        s.put("chargers", Map.of("commandLatencyMs", latencyMs, "rampKwPerSecond", 7.2, "efficiency", 0.93));
        return s;
    }

    private static Map<String, Object> van(String id, Instant arrival, Instant departure, double soc) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("site", "depot");
        v.put("batteryKwh", 60);
        v.put("chemistry", "NMC");
        v.put("maxChargeKw", 7.2);
        v.put("maxDischargeKw", 7.2);
        v.put("arrival", arrival.toString());
        v.put("departure", departure.toString());
        v.put("arrivalSoc", Math.round(soc * 1000) / 1000.0);
        v.put("departureSoc", 0.6);
        v.put("reserveSoc", 0.2);
        v.put("v2g", true);
        return v;
    }
}
