package org.gridfleet.aggregator.sim;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A scenario file as written by its author (docs/design/SCENARIO.md). Fields are boxed so that a missing
 * field can be reported by name; {@link ScenarioLoader} validates every field before a simulation starts.
 * Power in kW (positive = import), energy in kWh, SoC in 0..1, prices in currency/kWh.
 */
public record Scenario(String name, Instant start, Instant end, Integer stepSeconds, List<Site> sites,
                       TariffSpec tariff, List<Vehicle> vehicles, List<Market> markets, Chargers chargers) {

    /** A site: import limit, headroom kept below it and the non-EV load as steps. */
    public record Site(String id, Double limitKw, Double headroomPct, List<TimedKw> baseLoadKw) {
    }

    /** {@code kw} holds from {@code from} on. */
    public record TimedKw(Instant from, Double kw) {
    }

    /** {@code price} (currency/kWh) holds from {@code from} on. */
    public record TimedPrice(Instant from, Double price) {
    }

    /** Import and export price steps and the demand charge per kW of highest 15-minute average import. */
    public record TariffSpec(List<TimedPrice> importPricePerKwh, List<TimedPrice> exportPricePerKwh,
                             Double demandChargePerKw) {
    }

    /**
     * One vehicle's visit: present at its site from arrival until departure. {@code degradationBudget} is optional
     * (none = V2G limited by consent and power only).
     */
    public record Vehicle(String id, String site, Double batteryKwh, String chemistry, Double maxChargeKw,
                          Double maxDischargeKw, Instant arrival, Instant departure, Double arrivalSoc,
                          Double departureSoc, Double reserveSoc, Boolean v2g, Budget degradationBudget) {

        /** A vehicle without an owner budget. */
        public Vehicle(String id, String site, Double batteryKwh, String chemistry, Double maxChargeKw,
                       Double maxDischargeKw, Instant arrival, Instant departure, Double arrivalSoc,
                       Double departureSoc, Double reserveSoc, Boolean v2g) {
            this(id, site, batteryKwh, chemistry, maxChargeKw, maxDischargeKw, arrival, departure, arrivalSoc,
                    departureSoc, reserveSoc, v2g, null);
        }
    }

    /**
     * The owner's degradation budget for grid services and what the current period has used of it at the
     * scenario's start. {@code kind}: {@code yearly-cost} (currency per calendar year), {@code yearly-capacity}
     * (relative capacity per calendar year) or {@code daily-extra-cycles} (equivalent full cycles per UTC day);
     * {@code limit} and {@code spent} in that unit, {@code spent} optional (0). Spent &ge; limit = exhausted: the
     * vehicle is never discharged.
     */
    public record Budget(String kind, Double limit, Double spent) {
    }

    /**
     * A grid-service window. {@code product} is {@code regulation} (capacityKw, signal), {@code fcr}
     * (capacityKw, frequency) or {@code dr-import-limit} (site, limitKw).
     */
    public record Market(String product, Instant from, Instant to, Double capacityKw, Signal signal,
                         Signal frequency, String site, Double limitKw) {
    }

    /**
     * A CSV signal: {@code column} of {@code file} (relative to the scenario file), first row at
     * {@code firstRowAt}.
     */
    public record Signal(String file, String column, Instant firstRowAt) {
    }

    /** The charger model shared by every charger of the scenario. */
    public record Chargers(Integer commandLatencyMs, Double rampKwPerSecond, Double efficiency) {
    }

    /** Where relative signal paths resolve from. */
    public static Path baseDirectory(Path scenarioFile) {
        Path parent = scenarioFile.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
