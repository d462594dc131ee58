package org.gridfleet.aggregator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.gridfleet.aggregator.sim.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class SimulateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REFERENCE = Path.of("..", "reference").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** The sample scenario of SCENARIO.md, its "..." filled in; the regulation signal sits beside it. */
    private ObjectNode sample() throws IOException {
        Files.copy(REFERENCE.resolve("pjm/regd_2020-07-16_2s.csv"), dir.resolve("regd_2020-07-16_2s.csv"));
        String frequency = REFERENCE.resolve("frequency/rte_france_2016-03-01_to_03_10s.csv").toString();
        String text = """
            {
              "name": "depot-20-vans",
              "start": "2026-01-15T18:00:00Z",
              "end":   "2026-01-16T08:00:00Z",
              "stepSeconds": 60,
              "sites": [
                { "id": "depot", "limitKw": 100, "headroomPct": 5,
                  "baseLoadKw": [ { "from": "2026-01-15T18:00:00Z", "kw": 10 } ] }
              ],
              "tariff": {
                "importPricePerKwh": [ { "from": "2026-01-15T18:00:00Z", "price": 0.32 },
                                       { "from": "2026-01-15T23:00:00Z", "price": 0.12 } ],
                "exportPricePerKwh": [ { "from": "2026-01-15T18:00:00Z", "price": 0.05 } ],
                "demandChargePerKw": 15.0
              },
              "vehicles": [
                { "id": "van-01", "site": "depot", "batteryKwh": 60, "chemistry": "NMC",
                  "maxChargeKw": 7.2, "maxDischargeKw": 7.2,
                  "arrival": "2026-01-15T18:00:00Z", "departure": "2026-01-16T08:00:00Z",
                  "arrivalSoc": 0.30, "departureSoc": 0.90, "reserveSoc": 0.20, "v2g": true }
              ],
              "markets": [
                { "product": "regulation", "from": "2026-01-15T22:00:00Z", "to": "2026-01-16T02:00:00Z",
                  "capacityKw": 40, "signal": { "file": "regd_2020-07-16_2s.csv", "column": "regd",
                                                 "firstRowAt": "2026-01-15T22:00:00Z" } },
                { "product": "fcr", "from": "2026-01-16T02:00:00Z", "to": "2026-01-16T04:00:00Z", "capacityKw": 30,
                  "frequency": { "file": "FREQ", "column": "freq_hz", "firstRowAt": "2026-01-16T02:00:00Z" } },
                { "product": "dr-import-limit", "from": "2026-01-15T18:00:00Z", "to": "2026-01-15T20:00:00Z",
                  "site": "depot", "limitKw": 40 }
              ],
              "chargers": { "commandLatencyMs": 800, "rampKwPerSecond": 7.2, "efficiency": 0.93 }
            }
            """.replace("FREQ", frequency.replace("\\", "\\\\"));
        return (ObjectNode) JSON.readTree(text);
    }

    private Result run(JsonNode scenario, String... extra) throws IOException {
        Path file = dir.resolve("scenario.json");
        JSON.writeValue(file.toFile(), scenario);
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SimulateCommand()).setErr(new PrintWriter(err, true));
        String[] args = Stream.concat(Stream.of("--scenario", file.toString(), "--out",
                dir.resolve("report.json").toString()), Stream.of(extra)).toArray(String[]::new);
        return new Result(cli.execute(args), err.toString());
    }

    private record Result(int exitCode, String stderr) {
    }

    @Test
    void callShouldWriteReportAndTraceWhenTheSampleScenarioRuns() throws IOException {
        // GIVEN the sample scenario
        ObjectNode scenario = sample();
        Path trace = dir.resolve("trace.csv");
        // WHEN simulated with a trace
        Result result = run(scenario, "--trace", trace.toString());
        // THEN exit 0, the report has the contract's fields and the vehicle met its target under the DR limit
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
        assertThat(iterable(report.fieldNames())).containsExactly("scenario", "vehicles", "sites", "cost",
                "markets", "violations", "dumbCharging", "wallClockMs");
        assertThat(report.get("scenario").asText()).isEqualTo("depot-20-vans");
        assertThat(iterable(report.get("vehicles").get(0).fieldNames())).containsExactly("id", "arrivalSoc",
                "departureSoc", "targetSoc", "minSoc", "chargedKwh", "dischargedKwh", "degradationCost", "metTarget");
        assertThat(report.get("vehicles").get(0).get("metTarget").asBoolean()).isTrue();
        assertThat(iterable(report.get("sites").get(0).fieldNames())).containsExactly("id", "limitKw", "peakKw",
                "peak15MinKw", "secondsOverLimit");
        assertThat(iterable(report.get("cost").fieldNames())).containsExactly("energy", "demandCharge",
                "degradation", "marketRevenue", "total");
        assertThat(iterable(report.get("violations").fieldNames())).containsExactly("reserve", "departure",
                "siteLimit", "drLimit");
        assertThat(report.get("violations").get("drLimit").asInt()).isZero();
        assertThat(report.get("dumbCharging").get("peakKw").asDouble()).isCloseTo(17.2,
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(report.get("markets")).extracting(m -> m.get("product").asText())
                .containsExactly("regulation", "fcr");
        assertThat(iterable(report.get("markets").get(0).fieldNames())).containsExactly("product", "capacityKw",
                "score", "hours", "scoredHours", "fullHours", "revenue");
        assertThat(report.get("markets").get(0).get("hours").asInt()).isEqualTo(4);
        // one row a signal step while a window delivers (4 h of RegD at 2 s, 2 h of frequency at 10 s), else a minute
        List<String> rows = Files.readAllLines(trace);
        assertThat(rows.get(0)).isEqualTo(TraceWriter.HEADER);
        assertThat(rows).hasSize(1 + 4 * 1800 + 2 * 360 + 8 * 60);
        assertThat(rows).filteredOn(r -> r.startsWith("2026-01-15T22:00:02Z")).singleElement()
                .satisfies(r -> assertThat(r.split(",")).hasSize(7).contains("regulation", "-0.278542842"));
        assertThat(rows).filteredOn(r -> r.startsWith("2026-01-16T05:00:00Z")).singleElement()
                .satisfies(r -> assertThat(r).endsWith(",,,"));
    }

    /** Twenty V2G vans at the sample's depot, with one hour of RegD at 00:00 instead of the sample's markets. */
    private ObjectNode depotWithARegDHour(double capacityKw) throws IOException {
        ObjectNode scenario = sample();
        ArrayNode vans = scenario.putArray("vehicles");
        for (int i = 0; i < 20; i++) {
            vans.addObject().put("id", "van-" + i).put("site", "depot").put("batteryKwh", 60).put("chemistry", "LFP")
                    .put("maxChargeKw", 7.2).put("maxDischargeKw", 7.2).put("arrival", "2026-01-15T18:00:00Z")
                    .put("departure", "2026-01-16T08:00:00Z").put("arrivalSoc", 0.3 + 0.01 * i)
                    .put("departureSoc", 0.9).put("reserveSoc", 0.2).put("v2g", true);
        }
        ArrayNode markets = scenario.putArray("markets");
        markets.addObject().put("product", "regulation").put("from", "2026-01-16T00:00:00Z")
                .put("to", "2026-01-16T01:00:00Z").put("capacityKw", capacityKw).putObject("signal")
                .put("file", "regd_2020-07-16_2s.csv").put("column", "regd").put("firstRowAt", "2026-01-16T00:00:00Z");
        return scenario;
    }

    @Test
    void callShouldScoreARegDHourAboveNinetyPercentWithinTheSiteLimitWhenTwentyVansFollowIt() throws IOException {
        // GIVEN 20 V2G vans under a 100 kW transformer, 40 kW of RegD from 00:00 to 01:00, 800 ms charger latency
        Path trace = dir.resolve("trace.csv");
        // WHEN simulated
        Result result = run(depotWithARegDHour(40), "--trace", trace.toString());
        // THEN the hour scores above 0.9, earns credits, and no site-step or van broke a limit
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
        JsonNode regulation = report.get("markets").get(0);
        assertThat(regulation.get("score").get("composite").asDouble()).isGreaterThan(0.9);
        assertThat(regulation.get("scoredHours").asInt()).isEqualTo(1);
        assertThat(regulation.get("revenue").asDouble()).isPositive();
        assertThat(report.get("cost").get("marketRevenue").asDouble())
                .isEqualTo(regulation.get("revenue").asDouble());
        assertThat(report.get("violations").get("siteLimit").asInt()).isZero();
        assertThat(report.get("violations").get("reserve").asInt()).isZero();
        assertThat(report.get("violations").get("departure").asInt()).isZero();
        assertThat(Files.readAllLines(trace)).filteredOn(r -> r.contains(",regulation,")).hasSize(1800)
                .allSatisfy(r -> assertThat(Double.parseDouble(r.split(",")[2])).isLessThanOrEqualTo(100));
    }

    @Test
    void callShouldReportTheOptimumAndTheCostRatioWhenOptimumIsAsked() throws IOException {
        // GIVEN the sample scenario without markets
        ObjectNode scenario = sample();
        scenario.putArray("markets");
        // WHEN simulated with --optimum
        Result result = run(scenario, "--optimum");
        // THEN the optimum's cost is there, no worse than dumb charging, and the controller is no cheaper than it
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
        JsonNode optimum = report.get("offlineOptimum");
        assertThat(iterable(optimum.get("cost").fieldNames())).containsExactly("energy", "demandCharge", "total");
        double optimumTotal = optimum.get("cost").get("total").asDouble();
        double controller = report.get("cost").get("energy").asDouble()
                + report.get("cost").get("demandCharge").asDouble();
        assertThat(optimumTotal).isPositive()
                .isLessThanOrEqualTo(report.get("dumbCharging").get("cost").get("total").asDouble());
        assertThat(controller).isGreaterThanOrEqualTo(optimumTotal - 1e-6);
        assertThat(optimum.get("missedDepartures").asInt()).isZero();
        assertThat(optimum.get("missedVehicles").isArray()).isTrue();
        assertThat(optimum.get("missedVehicles")).isEmpty();
        assertThat(optimum.get("controllerCostRatio").asDouble()).isCloseTo(controller / optimumTotal,
                org.assertj.core.api.Assertions.within(1e-9));
    }

    static Stream<Arguments> badScenarios() {
        return Stream.of(
                bad("vehicles[0].colour", s -> vehicle(s).put("colour", "red")),
                bad("vehicles[0].batteryKwh", s -> vehicle(s).remove("batteryKwh")),
                bad("vehicles[0].batteryKwh", s -> vehicle(s).put("batteryKwh", -60)),
                bad("sites[0].limitKw", s -> ((ObjectNode) s.get("sites").get(0)).put("limitKw", -1)),
                bad("vehicles[0].departure", s -> vehicle(s).put("departure", "2026-01-15T17:00:00Z")),
                bad("markets[0].signal.file", s -> ((ObjectNode) s.get("markets").get(0).get("signal"))
                        .put("file", "no-such-file.csv")),
                bad("markets[1].frequency.column", s -> ((ObjectNode) s.get("markets").get(1).get("frequency"))
                        .put("column", "hz")),
                bad("tariff.demandChargePerKw", s -> ((ObjectNode) s.get("tariff")).remove("demandChargePerKw")),
                bad("vehicles[0].arrivalSoc", s -> vehicle(s).put("arrivalSoc", 1.3)),
                bad("chargers.efficiency", s -> ((ObjectNode) s.get("chargers")).put("efficiency", 0)),
                bad("markets[2].site", s -> ((ObjectNode) s.get("markets").get(2)).put("site", "nowhere")),
                bad("stepSeconds", s -> s.put("stepSeconds", "soon")),
                bad("tariff.importPricePerKwh[1].from", s -> ((ObjectNode) s.get("tariff").get("importPricePerKwh")
                        .get(1)).put("from", "2026-01-15T17:00:00Z")),
                bad("sites[0].baseLoadKw[0].kw", s -> ((ObjectNode) s.get("sites").get(0).get("baseLoadKw").get(0))
                        .remove("kw")),
                bad("vehicles[0].degradationBudget.kind", s -> vehicle(s).putObject("degradationBudget")
                        .put("kind", "weekly-cost").put("limit", 5)),
                bad("vehicles[0].degradationBudget.spent", s -> vehicle(s).putObject("degradationBudget")
                        .put("kind", "yearly-cost").put("limit", 5).put("spent", -1)),
                bad("vehicles[0].chemistry", s -> vehicle(s).put("chemistry", "NiMH")));
    }

    private static Arguments bad(String field, Consumer<ObjectNode> mutation) {
        return Arguments.of(field, mutation);
    }

    private static ObjectNode vehicle(ObjectNode s) {
        return (ObjectNode) ((ArrayNode) s.get("vehicles")).get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badScenarios")
    void callShouldExitTwoNamingTheFieldWhenTheScenarioIsInvalid(String field, Consumer<ObjectNode> mutation)
            throws IOException {
        // GIVEN the sample scenario with one bad field
        ObjectNode scenario = sample();
        mutation.accept(scenario);
        // WHEN simulated
        Result result = run(scenario);
        // THEN exit 2, stderr names the field, no report
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains(field + ":");
        assertThat(dir.resolve("report.json")).doesNotExist();
    }

    @Test
    void callShouldExitTwoNamingTheSignalWhenASignalFileHasABadValue() throws IOException {
        // GIVEN the sample scenario whose RegD file has a value that is not a number
        ObjectNode scenario = sample();
        Path signal = dir.resolve("regd_2020-07-16_2s.csv");
        Files.writeString(signal, "time_ept,regd\n2020-07-16T00:00:00,0.1\n2020-07-16T00:00:02,abc\n");
        // WHEN simulated
        Result result = run(scenario);
        // THEN exit 2 naming the field and the line, no report
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("markets[0].signal.file:").contains("abc");
        assertThat(dir.resolve("report.json")).doesNotExist();
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
