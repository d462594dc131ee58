package org.gridfleet.loadtest.dispatch;

import org.gridfleet.aggregator.dispatch.DeliveryLog;
import org.gridfleet.aggregator.dispatch.DispatchConfig;
import org.gridfleet.aggregator.dispatch.DispatchMetrics;
import org.gridfleet.aggregator.dispatch.GridServiceController;
import org.gridfleet.aggregator.dispatch.MarketWindow;
import org.gridfleet.aggregator.dispatch.SocBalancing;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.market.dr.DemandResponseLimits;
import org.gridfleet.market.replay.SignalCsvReader;
import org.gridfleet.v2g.control.ControlInput;
import org.gridfleet.v2g.control.PriceCurve;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.Tariff;
import org.gridfleet.v2g.control.VehicleEnvelope;
import org.gridfleet.v2g.control.VehicleState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A 200-van V2G depot following a whole recorded day of PJM RegD (or RTE frequency for FCR) through the real
 * {@code GridServiceController}: hourly declared baselines, dispatcher every signal step, chargers with command
 * latency and ramp ({@link LatencyPlant}), batteries integrated with efficiency. Half the vans leave between 06:00 and
 * 08:00 and come back between 16:00 and 18:00 (a second session); the rest stay plugged in all day. Every session
 * must reach 60 % at departure; reserve 20 %.
 *
 * <p>Prints per hour the PJM score, and at the end the mean composite, the share of hours delivered in full, the FCR
 * delivery error, the credits, the lowest SoC seen and the missed departures.
 *
 * <p>Run from the repo root: {@code load-tests/bench run org.gridfleet.loadtest.dispatch.RegulationDayReplay
 * [regd|fcr] [latencyMs] [capacityKw] [signal.csv] [leadSeconds]}; defaults: regd, 800 ms, 400 kW, no lead,
 * {@code reference/pjm/regd_2020-07-22_2s.csv} (fcr: {@code reference/frequency/rte_france_2016-03-01_to_03_10s.csv},
 * first day).
 */
public final class RegulationDayReplay {

    private static final Instant DAY = Instant.parse("2026-01-15T00:00:00Z");
    private static final int VANS = 200;
    private static final double VAN_KW = 7.2;
    private static final double EFFICIENCY = 0.93;

    private RegulationDayReplay() {
    }

    public static void main(String[] args) {
        boolean fcr = args.length > 0 && args[0].equals("fcr");
        double latencyMs = args.length > 1 ? Double.parseDouble(args[1]) : 800;
        double capacityKw = args.length > 2 ? Double.parseDouble(args[2]) : 400;
        Path file = Path.of(args.length > 3 ? args[3] : fcr ? "reference/frequency/rte_france_2016-03-01_to_03_10s.csv"
                : "reference/pjm/regd_2020-07-22_2s.csv");
        if (!Files.isReadable(file)) {
            System.err.println("signal file not readable: " + file + " (run from the repo root)");
            System.exit(2);
        }
        SampledSeries signal = SignalCsvReader.read(file, fcr ? "freq_hz" : "regd", DAY);
        Duration step = fcr ? Duration.ofSeconds(2) : signal.step();
        DeliveryPeriod day = DeliveryPeriod.of(DAY, Duration.ofDays(1));
        MarketWindow window = new MarketWindow(fcr ? "fcr" : "regd",
                fcr ? ProductKind.FREQUENCY_CONTAINMENT : ProductKind.REGULATION, day, capacityKw, signal);
        double leadS = args.length > 4 ? Double.parseDouble(args[4]) : 0;
        Result r = run(window, step, latencyMs / 1000.0, leadS);
        System.out.printf(Locale.ROOT, "%s latency %.0f ms, lead %.1f s, %.0f kW, %d vans: composite %.4f "
                        + "(accuracy %.4f, delay %.4f, precision %.4f), hours in full %d/%d, credits %.2f, "
                        + "wall %d ms%n",
                window.kind(), latencyMs, leadS, capacityKw, VANS, r.result.score().composite(),
                r.result.score().accuracy(), r.result.score().delay(), r.result.score().precision(),
                r.result.fullHours(), r.result.hours(),
                r.result.revenue(), r.wallMs);
        if (r.result.fcrError() != null) {
            System.out.printf(Locale.ROOT, "FCR delivery error: mean %.4f, rms %.4f, max %.4f of capacity, "
                            + "shortfall %.2f kWh%n", r.result.fcrError().meanAbsErrorRatio(),
                    r.result.fcrError().rmsErrorRatio(), r.result.fcrError().maxAbsErrorRatio(),
                    r.result.fcrError().shortfallKwh());
        }
        System.out.println("hours scored " + r.result.scoredHours() + ", not delivered in full: "
                + r.result.shortHours());
        System.out.printf(Locale.ROOT, "lowest SoC %.4f (reserve 0.20), departures missed %d of %d%n", r.minSoc,
                r.missed, r.sessions);
    }

    private record Session(String id, int charger, Instant arrival, Instant departure, double arrivalSoc) {
    }

    private record Result(DeliveryLog.WindowResult result, double minSoc, int missed, int sessions, long wallMs) {
    }

    private static List<Session> sessions() {
        List<Session> out = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(3);
        for (int c = 0; c < VANS; c++) {
            double soc = 0.45 + 0.2 * rnd.nextDouble();
            if (c % 2 == 0) {
                out.add(new Session("van" + c, c, DAY, DAY.plus(Duration.ofDays(1)), soc));
            } else {
                Instant leaves = DAY.plus(Duration.ofMinutes(360 + rnd.nextInt(120)));
                Instant back = DAY.plus(Duration.ofMinutes(960 + rnd.nextInt(120)));
                out.add(new Session("van" + c + "-am", c, DAY, leaves, soc));
                out.add(new Session("van" + c + "-pm", c, back, DAY.plus(Duration.ofDays(1)),
                        0.3 + 0.2 * rnd.nextDouble()));
            }
        }
        return out;
    }

    private static Result run(MarketWindow window, Duration step, double latencyS, double leadS) {
        long wallStart = System.nanoTime();
        List<Session> sessions = sessions();
        Map<String, SiteState> sites = Map.of("depot", new SiteState("depot", VANS * VAN_KW, 0, 0, 0));
        Map<String, Double> metered = new HashMap<>();
        GridServiceController controller = new GridServiceController(in -> Map.of(), List.of(window),
                new DemandResponseLimits(List.of()),
                DispatchConfig.ofDefaults().withResponseGrace(Duration.ofMillis((long) (latencyS * 1000) + 2000))
                        .withLeadSeconds(leadS),
                SocBalancing.ofDefaults(), DispatchMetrics.NOOP, metered);
        DeliveryLog log = new DeliveryLog(DeliveryLog.Prices.ofDefaults());
        LatencyPlant plant = new LatencyPlant(VANS, latencyS, VAN_KW);
        double[] energy = new double[sessions.size()];
        double[] lastSent = new double[sessions.size()];
        Arrays.fill(lastSent, Double.NaN);
        for (int s = 0; s < sessions.size(); s++) {
            energy[s] = sessions.get(s).arrivalSoc() * 60;
        }
        Tariff tariff = new Tariff(PriceCurve.constant(0.2), PriceCurve.constant(0.05), 0);
        double minSoc = 1;
        int missed = 0;
        double stepS = step.toMillis() / 1000.0;
        double hours = stepS / 3600;
        for (Instant t = DAY; t.isBefore(DAY.plus(Duration.ofDays(1))); t = t.plus(step)) {
            double fromS = Duration.between(DAY, t).toMillis() / 1000.0;
            List<VehicleState> present = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            for (int s = 0; s < sessions.size(); s++) {
                Session x = sessions.get(s);
                if (!t.isBefore(x.arrival()) && t.isBefore(x.departure())) {
                    present.add(new VehicleState(x.id(), "depot", 60, Math.max(0, Math.min(1, energy[s] / 60)), 0.2,
                            0.6, x.departure(), VAN_KW, VAN_KW, EFFICIENCY, 0.03, false));
                    index.add(s);
                }
            }
            Map<String, Double> setpoints = controller.control(new ControlInput(t, step, present, sites, tariff,
                    Map.of()));
            double fleetKw = 0;
            metered.clear();
            for (int k = 0; k < present.size(); k++) {
                int s = index.get(k);
                Session x = sessions.get(s);
                double kw = setpoints.getOrDefault(x.id(), 0.0);
                if (kw != lastSent[s]) {
                    plant.command(x.charger(), kw, fromS);
                    lastSent[s] = kw;
                }
                double mean = plant.advance(x.charger(), fromS, stepS);
                metered.put(x.id(), plant.powerKw(x.charger()));
                fleetKw += mean;
                energy[s] += VehicleEnvelope.batteryDeltaKwh(mean, EFFICIENCY, hours);
                minSoc = Math.min(minSoc, energy[s] / 60);
                if (!t.plus(step).isBefore(x.departure()) && energy[s] / 60 < 0.6 - 1e-3) {
                    missed++;
                }
            }
            log.step(window, t, window.signalAt(t), controller.lastRecord());
            log.metered(t, fleetKw);
        }
        return new Result(log.results().get(0), minSoc, missed, sessions.size(),
                (System.nanoTime() - wallStart) / 1_000_000);
    }
}
