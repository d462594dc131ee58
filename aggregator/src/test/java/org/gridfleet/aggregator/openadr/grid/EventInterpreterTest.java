package org.gridfleet.aggregator.openadr.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.gridfleet.aggregator.openadr.OpenAdrException;
import org.junit.jupiter.api.Test;

class EventInterpreterTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final EventInterpreter interpreter = new EventInterpreter(Clock.fixed(NOW, ZoneOffset.UTC), ShedLevels.ofDefaults());

    private static JsonObject event(JsonObject intervalPeriod, JsonArray targets, JsonArray descriptors, JsonObject... payloads) {
        JsonArray intervals = new JsonArray();
        for (int i = 0; i < payloads.length; i++) {
            intervals.add(new JsonObject().put("id", i).put("payloads", new JsonArray().add(payloads[i])));
        }
        JsonObject e = new JsonObject().put("programID", "p").put("intervals", intervals).put("intervalPeriod", intervalPeriod);
        if (targets != null) {
            e.put("targets", targets);
        }
        if (descriptors != null) {
            e.put("payloadDescriptors", descriptors);
        }
        return e;
    }

    private static JsonObject payload(String type, Object value) {
        return new JsonObject().put("type", type).put("values", new JsonArray().add(value));
    }

    private static JsonObject period(String start, String duration) {
        return new JsonObject().put("start", start).put("duration", duration);
    }

    @Test
    void interpretShouldMapSimpleLevelToConfiguredShedFractionWhenEventIsUntargeted() {
        // GIVEN a SIMPLE level 2 event with no targets
        JsonObject event = event(period("2026-11-28T17:00:00Z", "PT30M"), null, null, payload("SIMPLE", 2));
        // WHEN interpreted
        List<GridObligation> obligations = interpreter.interpret("e1", event, n -> List.of());
        // THEN the portfolio sheds half its baseline for that half hour
        assertThat(obligations).containsExactly(new GridObligation.SimpleLevel("e1", new GridTarget.Portfolio(),
                Instant.parse("2026-11-28T17:00:00Z"), Instant.parse("2026-11-28T17:30:00Z"), 2, 0.5));
    }

    @Test
    void interpretShouldStartNowAndConvertUnitsWhenStartIsTheNowMarkerAndUnitsAreMw() {
        // GIVEN an EXPORT_CAPACITY_LIMIT of 1.5 MW starting "now" (0001-01-01) for fleet f-9
        JsonArray targets = new JsonArray().add(new JsonObject().put("type", "GROUP").put("values", new JsonArray().add("f-9")));
        JsonArray descriptors = new JsonArray().add(new JsonObject().put("payloadType", "EXPORT_CAPACITY_LIMIT").put("units", "MW"));
        JsonObject event = event(period("0001-01-01T00:00:00Z", "PT2H"), targets, descriptors,
                payload("EXPORT_CAPACITY_LIMIT", 1.5));
        // WHEN interpreted
        List<GridObligation> obligations = interpreter.interpret("e2", event, n -> List.of());
        // THEN it runs from the clock's now for two hours at 1500 kW
        assertThat(obligations).containsExactly(new GridObligation.ExportCapacityLimit("e2", new GridTarget.Fleet("f-9"),
                NOW, NOW.plusSeconds(7200), 1500.0));
    }

    @Test
    void interpretShouldConvertPricePerMwhWhenDescriptorSaysMwh() {
        // GIVEN an EXPORT_PRICE of 120 EUR/MWh
        JsonArray descriptors = new JsonArray().add(new JsonObject().put("payloadType", "EXPORT_PRICE").put("units", "MWH")
                .put("currency", "EUR"));
        JsonObject event = event(period("2026-11-28T17:00:00Z", "PT1H"), null, descriptors, payload("EXPORT_PRICE", 120));
        // WHEN interpreted / THEN the price is 0.12 EUR per kWh of export
        assertThat(interpreter.interpret("e3", event, n -> List.of())).singleElement()
                .isEqualTo(new GridObligation.PriceSignal("e3", new GridTarget.Portfolio(), Instant.parse("2026-11-28T17:00:00Z"),
                        Instant.parse("2026-11-28T18:00:00Z"), GridObligation.Direction.EXPORT, 0.12, "EUR"));
    }

    @Test
    void interpretShouldResolveVenNameToThatVensSitesWhenTargetIsVenName() {
        // GIVEN an event addressed to VEN "depot" whose resources are two sites
        JsonArray targets = new JsonArray().add(new JsonObject().put("type", "VEN_NAME").put("values", new JsonArray().add("depot")));
        JsonObject event = event(period("2026-11-28T17:00:00Z", "PT1H"), targets, null, payload("IMPORT_CAPACITY_LIMIT", 50));
        // WHEN interpreted
        List<GridObligation> obligations = interpreter.interpret("e4", event,
                n -> n.equals("depot") ? List.of(new GridTarget.Site("s1"), new GridTarget.Site("s2")) : List.of());
        // THEN each site gets the limit
        assertThat(obligations).extracting(GridObligation::target)
                .containsExactly(new GridTarget.Site("s1"), new GridTarget.Site("s2"));
    }

    @Test
    void interpretShouldRefuseWhenPayloadCarriesTwoValues() {
        // GIVEN a limit payload with two values in one interval
        JsonObject event = event(period("2026-11-28T17:00:00Z", "PT1H"), null, null,
                new JsonObject().put("type", "IMPORT_CAPACITY_LIMIT").put("values", new JsonArray().add(1).add(2)));
        // WHEN / THEN it is refused naming the values field
        assertThatThrownBy(() -> interpreter.interpret("e5", event, n -> List.of()))
                .isInstanceOf(OpenAdrException.class).hasMessageStartingWith("intervals[0].payloads[0].values");
    }

    @Test
    void interpretShouldRefuseWhenPowerUnitsAreEnergy() {
        // GIVEN an import limit expressed in KWH
        JsonArray descriptors = new JsonArray().add(new JsonObject().put("payloadType", "IMPORT_CAPACITY_LIMIT").put("units", "KWH"));
        JsonObject event = event(period("2026-11-28T17:00:00Z", "PT1H"), null, descriptors, payload("IMPORT_CAPACITY_LIMIT", 5));
        // WHEN / THEN
        assertThatThrownBy(() -> interpreter.interpret("e6", event, n -> List.of()))
                .isInstanceOf(OpenAdrException.class).hasMessageContaining("units KWH");
    }
}
