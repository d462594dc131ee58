package org.gridfleet.aggregator.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a scenario file and rejects it, naming the field, unless every field is present and sensible and every
 * signal file is readable with the named column. Optional fields: {@code headroomPct} (5), {@code baseLoadKw}
 * (none), {@code exportPricePerKwh} (0) and {@code markets} (none).
 */
public final class ScenarioLoader {

    /** Headroom kept below a site limit when the scenario does not say, percent. */
    public static final double DEFAULT_HEADROOM_PCT = 5;
    private static final Set<String> CHEMISTRIES = WearPrices.chemistries();
    private static final Set<String> BUDGET_KINDS = Set.of("yearly-cost", "yearly-capacity", "daily-extra-cycles");

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Loads and validates {@code file}; signal paths resolve against its directory. */
    public Scenario load(Path file) throws ScenarioException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, Scenario.baseDirectory(file));
        } catch (IOException e) {
            throw new ScenarioException("scenario", "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Loads and validates a scenario from {@code in}; signal paths resolve against {@code baseDirectory}. */
    public Scenario load(InputStream in, Path baseDirectory) throws ScenarioException {
        Scenario scenario;
        try {
            scenario = mapper.readValue(in, Scenario.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ScenarioException(path(e), "unknown field");
        } catch (JsonMappingException e) {
            throw new ScenarioException(path(e), "invalid value: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ScenarioException("scenario", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioException("scenario", "cannot read: " + e.getMessage());
        }
        if (scenario == null) {
            throw new ScenarioException("scenario", "empty file");
        }
        return validate(scenario, baseDirectory);
    }

    /** Validates a parsed scenario, filling defaults for optional fields. */
    public Scenario validate(Scenario s, Path baseDirectory) throws ScenarioException {
        require("name", s.name());
        require("start", s.start());
        require("end", s.end());
        if (!s.end().isAfter(s.start())) {
            throw new ScenarioException("end", "must be after start " + s.start());
        }
        positive("stepSeconds", require("stepSeconds", s.stepSeconds()));
        List<Scenario.Site> sites = validateSites(nonEmpty("sites", s.sites()));
        Set<String> siteIds = new HashSet<>();
        for (Scenario.Site site : sites) {
            siteIds.add(site.id());
        }
        Scenario.TariffSpec tariff = validateTariff(require("tariff", s.tariff()), s.start());
        Scenario.Chargers chargers = require("chargers", s.chargers());
        atLeast("chargers.commandLatencyMs", require("chargers.commandLatencyMs", chargers.commandLatencyMs()), 0);
        positive("chargers.rampKwPerSecond", require("chargers.rampKwPerSecond", chargers.rampKwPerSecond()));
        double efficiency = require("chargers.efficiency", chargers.efficiency());
        if (!(efficiency > 0 && efficiency <= 1)) {
            throw new ScenarioException("chargers.efficiency", "must be in (0, 1], but was " + efficiency);
        }
        validateVehicles(require("vehicles", s.vehicles()), siteIds, s);
        List<Scenario.Market> markets = s.markets() == null ? List.of() : s.markets();
        for (int i = 0; i < markets.size(); i++) {
            validateMarket("markets[" + i + "]", require("markets[" + i + "]", markets.get(i)), siteIds,
                    baseDirectory);
        }
        return new Scenario(s.name(), s.start(), s.end(), s.stepSeconds(), sites, tariff, s.vehicles(), markets,
                chargers);
    }

    private static List<Scenario.Site> validateSites(List<Scenario.Site> sites) throws ScenarioException {
        Set<String> ids = new HashSet<>();
        Scenario.Site[] out = new Scenario.Site[sites.size()];
        for (int i = 0; i < sites.size(); i++) {
            String p = "sites[" + i + "]";
            Scenario.Site site = require(p, sites.get(i));
            if (!ids.add(require(p + ".id", site.id()))) {
                throw new ScenarioException(p + ".id", "duplicate site id " + site.id());
            }
            positive(p + ".limitKw", require(p + ".limitKw", site.limitKw()));
            double headroom = site.headroomPct() == null ? DEFAULT_HEADROOM_PCT : site.headroomPct();
            if (!(headroom >= 0 && headroom < 100)) {
                throw new ScenarioException(p + ".headroomPct", "must be in [0, 100), but was " + headroom);
            }
            List<Scenario.TimedKw> base = site.baseLoadKw() == null ? List.of() : site.baseLoadKw();
            steps(p + ".baseLoadKw", base, "kw", Scenario.TimedKw::from, Scenario.TimedKw::kw);
            out[i] = new Scenario.Site(site.id(), site.limitKw(), headroom, base);
        }
        return Arrays.asList(out);
    }

    private static Scenario.TariffSpec validateTariff(Scenario.TariffSpec t, Instant start)
            throws ScenarioException {
        prices("tariff.importPricePerKwh", nonEmpty("tariff.importPricePerKwh", t.importPricePerKwh()));
        List<Scenario.TimedPrice> export = t.exportPricePerKwh() == null
                ? List.of(new Scenario.TimedPrice(start, 0.0)) : t.exportPricePerKwh();
        prices("tariff.exportPricePerKwh", nonEmpty("tariff.exportPricePerKwh", export));
        atLeast("tariff.demandChargePerKw", require("tariff.demandChargePerKw", t.demandChargePerKw()), 0);
        return new Scenario.TariffSpec(t.importPricePerKwh(), export, t.demandChargePerKw());
    }

    private static void prices(String p, List<Scenario.TimedPrice> steps) throws ScenarioException {
        steps(p, steps, "price", Scenario.TimedPrice::from, Scenario.TimedPrice::price);
    }

    /** Piecewise-constant steps: each present, finite, strictly increasing in time. */
    private static <T> void steps(String p, List<T> steps, String valueName, Function<T, Instant> fromOf,
                                  Function<T, Double> valueOf) throws ScenarioException {
        Instant previous = null;
        for (int j = 0; j < steps.size(); j++) {
            String q = p + "[" + j + "]";
            T step = require(q, steps.get(j));
            Instant from = require(q + ".from", fromOf.apply(step));
            finite(q + "." + valueName, require(q + "." + valueName, valueOf.apply(step)));
            if (previous != null && !from.isAfter(previous)) {
                throw new ScenarioException(q + ".from", "steps must be in increasing time order");
            }
            previous = from;
        }
    }

    private static void validateVehicles(List<Scenario.Vehicle> vehicles, Set<String> siteIds, Scenario s)
            throws ScenarioException {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < vehicles.size(); i++) {
            String p = "vehicles[" + i + "]";
            Scenario.Vehicle v = require(p, vehicles.get(i));
            if (!ids.add(require(p + ".id", v.id()))) {
                throw new ScenarioException(p + ".id", "duplicate vehicle id " + v.id());
            }
            if (!siteIds.contains(require(p + ".site", v.site()))) {
                throw new ScenarioException(p + ".site", "no site with id " + v.site());
            }
            positive(p + ".batteryKwh", require(p + ".batteryKwh", v.batteryKwh()));
            if (!CHEMISTRIES.contains(require(p + ".chemistry", v.chemistry()))) {
                throw new ScenarioException(p + ".chemistry", "must be one of " + CHEMISTRIES + ", but was "
                        + v.chemistry());
            }
            atLeast(p + ".maxChargeKw", require(p + ".maxChargeKw", v.maxChargeKw()), 0);
            atLeast(p + ".maxDischargeKw", require(p + ".maxDischargeKw", v.maxDischargeKw()), 0);
            Instant arrival = require(p + ".arrival", v.arrival());
            Instant departure = require(p + ".departure", v.departure());
            if (arrival.isBefore(s.start()) || !arrival.isBefore(s.end())) {
                throw new ScenarioException(p + ".arrival", "must be within [start, end), but was " + arrival);
            }
            if (!departure.isAfter(arrival)) {
                throw new ScenarioException(p + ".departure", "must be after arrival " + arrival);
            }
            if (departure.isAfter(s.end())) {
                throw new ScenarioException(p + ".departure", "must not be after end " + s.end());
            }
            soc(p + ".arrivalSoc", v.arrivalSoc());
            soc(p + ".departureSoc", v.departureSoc());
            soc(p + ".reserveSoc", v.reserveSoc());
            require(p + ".v2g", v.v2g());
            if (v.degradationBudget() != null) {
                validateBudget(p + ".degradationBudget", v.degradationBudget());
            }
        }
    }

    private static void validateBudget(String p, Scenario.Budget b) throws ScenarioException {
        if (!BUDGET_KINDS.contains(require(p + ".kind", b.kind()))) {
            throw new ScenarioException(p + ".kind", "must be one of " + BUDGET_KINDS + ", but was " + b.kind());
        }
        double limit = require(p + ".limit", b.limit());
        atLeast(p + ".limit", limit, 0);
        if ("yearly-capacity".equals(b.kind()) && limit > 1) {
            throw new ScenarioException(p + ".limit", "a capacity fraction must be at most 1, but was " + limit);
        }
        if (b.spent() != null) {
            atLeast(p + ".spent", b.spent(), 0);
        }
    }

    private static void validateMarket(String p, Scenario.Market m, Set<String> siteIds, Path base)
            throws ScenarioException {
        String product = require(p + ".product", m.product());
        Instant from = require(p + ".from", m.from());
        if (!require(p + ".to", m.to()).isAfter(from)) {
            throw new ScenarioException(p + ".to", "must be after from " + from);
        }
        switch (product) {
            case "regulation" -> {
                atLeast(p + ".capacityKw", require(p + ".capacityKw", m.capacityKw()), 0);
                signal(p + ".signal", require(p + ".signal", m.signal()), base);
                absent(p + ".frequency", m.frequency(), product);
                absent(p + ".site", m.site(), product);
                absent(p + ".limitKw", m.limitKw(), product);
            }
            case "fcr" -> {
                atLeast(p + ".capacityKw", require(p + ".capacityKw", m.capacityKw()), 0);
                signal(p + ".frequency", require(p + ".frequency", m.frequency()), base);
                absent(p + ".signal", m.signal(), product);
                absent(p + ".site", m.site(), product);
                absent(p + ".limitKw", m.limitKw(), product);
            }
            case "dr-import-limit" -> {
                if (!siteIds.contains(require(p + ".site", m.site()))) {
                    throw new ScenarioException(p + ".site", "no site with id " + m.site());
                }
                atLeast(p + ".limitKw", require(p + ".limitKw", m.limitKw()), 0);
                absent(p + ".capacityKw", m.capacityKw(), product);
                absent(p + ".signal", m.signal(), product);
                absent(p + ".frequency", m.frequency(), product);
            }
            default -> throw new ScenarioException(p + ".product",
                    "must be regulation, fcr or dr-import-limit, but was " + product);
        }
    }

    private static void signal(String p, Scenario.Signal signal, Path base) throws ScenarioException {
        Path file = base.resolve(require(p + ".file", signal.file()));
        String column = require(p + ".column", signal.column());
        require(p + ".firstRowAt", signal.firstRowAt());
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new ScenarioException(p + ".file", "signal file " + file + " is empty");
            }
            if (!Arrays.asList(header.trim().split(",")).contains(column)) {
                throw new ScenarioException(p + ".column", "no column '" + column + "' in " + file
                        + " (header: " + header.trim() + ")");
            }
            if (reader.readLine() == null) {
                throw new ScenarioException(p + ".file", "signal file " + file + " has no data rows");
            }
        } catch (IOException e) {
            throw new ScenarioException(p + ".file", "cannot read signal file " + file + ": " + e);
        }
    }

    private static void absent(String p, Object value, String product) throws ScenarioException {
        if (value != null) {
            throw new ScenarioException(p, "is not a field of product " + product);
        }
    }

    private static <T> T require(String p, T value) throws ScenarioException {
        if (value == null) {
            throw new ScenarioException(p, "missing field");
        }
        return value;
    }

    private static <T> List<T> nonEmpty(String p, List<T> value) throws ScenarioException {
        if (require(p, value).isEmpty()) {
            throw new ScenarioException(p, "must not be empty");
        }
        return value;
    }

    private static void finite(String p, double value) throws ScenarioException {
        if (!Double.isFinite(value)) {
            throw new ScenarioException(p, "must be a finite number, but was " + value);
        }
    }

    private static void positive(String p, double value) throws ScenarioException {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new ScenarioException(p, "must be positive, but was " + value);
        }
    }

    private static void atLeast(String p, double value, double min) throws ScenarioException {
        if (!(value >= min) || !Double.isFinite(value)) {
            throw new ScenarioException(p, "must be at least " + min + ", but was " + value);
        }
    }

    private static void soc(String p, Double value) throws ScenarioException {
        double v = require(p, value);
        if (!(v >= 0 && v <= 1)) {
            throw new ScenarioException(p, "must be a state of charge in [0, 1], but was " + v);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
            }
        }
        return out.length() == 0 ? "scenario" : out.toString();
    }
}
