package org.gridfleet.loadtest.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns real charging sessions into one scenario file per day (and ACN's month as one more) for the
 * cost-versus-optimum benchmark, written to
 * {@code OUT_DIR} (default {@code load-tests/target/scenarios}); never into the repository.
 * <ul>
 *   <li>ACN-Sim March 2019 events (research use only, read from {@code /work/shared/reference/sessions} or
 *       {@code ../shared/reference/sessions} beside the checkout; skipped when absent): ACN-Sim's ideal battery
 *       (capacity = requested kWh, empty on arrival, full requested), 6.6 kW, one garage site capped at
 *       {@code ACN_LIMIT_KW} (default 50 kW).</li>
 *   <li>Dundee 2018 sessions ({@code reference/sessions}): one site per Dundee site, power from the charger model
 *       (AC capped at 22 kW, rapid at 50 kW), an assumed 40 kWh battery (larger when the session delivered more)
 *       arriving at 20 %, target = arrival + delivered energy; site limit 60 % of its chargers' sum.</li>
 * </ul>
 * Usage: {@code SessionScenarioBuilder [OUT_DIR]}.
 */
public final class SessionScenarioBuilder {
    private static final String ACN_FILE = "acn_caltech_2019-03_acnsim_events_5min.csv";
    private static final String DUNDEE_FILE = "dundee_2018-03-05_to_06-05_sessions.csv";
    private static final double ACN_LIMIT_KW = 50;
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DUNDEE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private record Session(String id, String site, Instant arrival, Instant departure, double kwh, double maxKw,
                           double batteryKwh, double arrivalSoc) {
    }

    private SessionScenarioBuilder() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "load-tests/target/scenarios");
        Path acn = findSessions(ACN_FILE);
        if (acn == null) {
            System.out.println("ACN-Sim events not found (research-use file, not in the repo): skipped");
        } else {
            List<Session> sessions = acnSessions(acn);
            Map<String, Double> limits = Map.of("caltech", ACN_LIMIT_KW);
            System.out.println("ACN: " + writeDays("acn", sessions, limits, out) + " scenario files");
            // the month as ACN-Sim runs it: one scenario, so the demand charge is paid once on the month's peak
            Instant monthStart = sessions.stream().map(Session::arrival).min(Instant::compareTo).orElseThrow()
                    .truncatedTo(ChronoUnit.DAYS);
            write("acnmonth-" + monthStart.toString().substring(0, 7), monthStart, sessions, limits, out);
        }
        Path dundee = findSessions(DUNDEE_FILE);
        if (dundee == null) {
            System.out.println("Dundee sessions not found: skipped");
        } else {
            List<Session> sessions = dundeeSessions(dundee);
            Map<String, Map<String, Double>> chargers = new HashMap<>();
            for (Session s : sessions) {
                chargers.computeIfAbsent(s.site(), k -> new HashMap<>()).merge(s.id().split("/")[0], s.maxKw(),
                        Math::max);
            }
            Map<String, Double> limits = new HashMap<>();
            chargers.forEach((site, kw) -> limits.put(site,
                    0.6 * kw.values().stream().mapToDouble(Double::doubleValue).sum()));
            System.out.println("Dundee: " + writeDays("dundee", sessions, limits, out) + " scenario files");
        }
    }

    /** The sessions file in reference/sessions of this checkout or the shared reference beside it, or null. */
    private static Path findSessions(String name) {
        for (String dir : List.of("reference/sessions", "../reference/sessions", "../shared/reference/sessions",
                "../../shared/reference/sessions", "/work/shared/reference/sessions")) {
            Path p = Path.of(dir, name);
            if (Files.isReadable(p)) {
                return p;
            }
        }
        return null;
    }

    private static List<Session> acnSessions(Path file) throws IOException {
        List<Session> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                double kwh = Double.parseDouble(f[7]);
                if (kwh > 0) {
                    out.add(new Session("acn-" + out.size(), "caltech", Instant.parse(f[5]), Instant.parse(f[6]),
                            kwh, Double.parseDouble(f[8]), Double.parseDouble(f[9]), 0));
                }
            }
        }
        return out;
    }

    private static List<Session> dundeeSessions(Path file) throws IOException {
        List<Session> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
                if (f.length < 12 || f[5].isEmpty() || f[7].isEmpty()) {
                    continue;
                }
                Instant arrival = LocalDateTime.parse(f[3] + " " + f[4], DUNDEE_TIME).atZone(UK).toInstant();
                Instant departure = LocalDateTime.parse(f[5] + " " + f[6], DUNDEE_TIME).atZone(UK).toInstant();
                double kwh = Double.parseDouble(f[7]);
                if (kwh <= 0 || !departure.isAfter(arrival)) {
                    continue;
                }
                double battery = Math.max(40, kwh / 0.75);
                out.add(new Session(f[1] + "/" + f[0], f[9].replace("\"", ""), arrival, departure, kwh,
                        chargerKw(f[11]), battery, 0.2));
            }
        }
        return out;
    }

    private static double chargerKw(String model) {
        return model.contains("Rapid") || model.contains("50kW") ? 50 : model.contains("22kW") ? 22 : 7;
    }

    private static int writeDays(String prefix, List<Session> sessions, Map<String, Double> limits, Path out)
            throws IOException {
        Map<Instant, List<Session>> byDay = new TreeMap<>();
        for (Session s : sessions) {
            byDay.computeIfAbsent(s.arrival().truncatedTo(ChronoUnit.DAYS), k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<Instant, List<Session>> day : byDay.entrySet()) {
            write(prefix + "-" + day.getKey().toString().substring(0, 10), day.getKey(), day.getValue(), limits, out);
        }
        return byDay.size();
    }

    /**
     * One scenario from {@code start} to the hour after the last departure, named {@code name}, at 5-minute steps.
     * Its demand charge is billed once, on the scenario's highest 15-minute import (SCENARIO.md).
     */
    private static void write(String name, Instant start, List<Session> sessions, Map<String, Double> limits,
                              Path out) throws IOException {
        Instant end = sessions.stream().map(Session::departure).max(Instant::compareTo).orElseThrow()
                .truncatedTo(ChronoUnit.HOURS).plusSeconds(3600);
        ScenarioJson scenario = new ScenarioJson(name, start, end, 300);
        sessions.stream().map(Session::site).distinct().sorted()
                .forEach(site -> scenario.site(site, limits.get(site), 0, start));
        int n = 0;
        for (Session s : sessions) {
            double target = Math.min(1, s.arrivalSoc() + s.kwh() / s.batteryKwh());
            scenario.vehicle(s.id() + "#" + n++, s.site(), s.batteryKwh(), s.maxKw(), s.arrival(),
                    s.departure(), s.arrivalSoc(), target);
        }
        scenario.write(out.resolve(name + ".json"));
    }
}
