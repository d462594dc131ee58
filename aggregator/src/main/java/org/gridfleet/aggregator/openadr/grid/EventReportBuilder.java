package org.gridfleet.aggregator.openadr.grid;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Builds the OpenADR 3.0.1 {@code report} for an event: one report resource per target the event names
 * (the site id, the fleet id, or {@code AGGREGATED_REPORT} for the portfolio) and, per event interval,
 * USAGE, DEMAND, BASELINE, UP/DOWN_REGULATION_AVAILABLE and STORAGE_* payloads from a {@link FlexibilitySource}.
 */
public final class EventReportBuilder {

    /** The payloads every interval carries: type, units, how to read it. Filled once. */
    private static final Map<String, Payload> PAYLOADS = new LinkedHashMap<>();

    static {
        PAYLOADS.put("USAGE", new Payload("KWH", FlexibilityReading::usageKwh));
        PAYLOADS.put("DEMAND", new Payload("KW", FlexibilityReading::demandKw));
        PAYLOADS.put("BASELINE", new Payload("KW", FlexibilityReading::baselineKw));
        PAYLOADS.put("UP_REGULATION_AVAILABLE", new Payload("KW", FlexibilityReading::upRegulationKw));
        PAYLOADS.put("DOWN_REGULATION_AVAILABLE", new Payload("KW", FlexibilityReading::downRegulationKw));
        PAYLOADS.put("STORAGE_USABLE_CAPACITY", new Payload("KWH", FlexibilityReading::storageUsableCapacityKwh));
        PAYLOADS.put("STORAGE_CHARGE_LEVEL", new Payload("PERCENT", r -> r.storageChargeLevel() * 100.0));
        PAYLOADS.put("STORAGE_MAX_DISCHARGE_POWER", new Payload("KW", FlexibilityReading::storageMaxDischargePowerKw));
        PAYLOADS.put("STORAGE_MAX_CHARGE_POWER", new Payload("KW", FlexibilityReading::storageMaxChargePowerKw));
    }

    private final EventInterpreter interpreter;
    private final FlexibilitySource flexibility;

    public EventReportBuilder(EventInterpreter interpreter, FlexibilitySource flexibility) {
        this.interpreter = interpreter;
        this.flexibility = flexibility;
    }

    /** The payload types each report interval carries. */
    public static List<String> payloadTypes() {
        return List.copyOf(PAYLOADS.keySet());
    }

    /**
     * @param event      the event as on the wire (with id and programID)
     * @param clientName the reporting client's name
     * @param venSites   resolution of VEN_NAME targets, as for {@link EventInterpreter#interpret}
     */
    public Future<JsonObject> build(JsonObject event, String clientName, Function<String, List<GridTarget>> venSites) {
        String eventId = event.getString("id");
        Map<GridTarget, List<GridObligation>> windowsByTarget = new LinkedHashMap<>();
        for (GridObligation o : interpreter.interpret(eventId, event, venSites)) {
            List<GridObligation> windows = windowsByTarget.computeIfAbsent(o.target(), t -> new ArrayList<>());
            if (windows.stream().noneMatch(w -> w.from().equals(o.from()) && w.to().equals(o.to()))) {
                windows.add(o);
            }
        }
        List<Future<JsonObject>> resources = new ArrayList<>();
        windowsByTarget.forEach((target, windows) -> resources.add(resource(target, windows)));
        return Future.all(resources).map(all -> {
            JsonArray descriptors = new JsonArray();
            PAYLOADS.forEach((type, payload) -> descriptors.add(new JsonObject().put("objectType", "REPORT_PAYLOAD_DESCRIPTOR")
                    .put("payloadType", type).put("units", payload.units).put("readingType", "DIRECT_READ")));
            JsonArray reportResources = new JsonArray();
            for (int i = 0; i < all.size(); i++) {
                reportResources.add(all.<JsonObject>resultAt(i));
            }
            return new JsonObject().put("programID", event.getString("programID")).put("eventID", eventId)
                    .put("clientName", clientName).put("reportName", "gridfleet-" + eventId)
                    .put("payloadDescriptors", descriptors).put("resources", reportResources);
        });
    }

    private Future<JsonObject> resource(GridTarget target, List<GridObligation> windows) {
        List<Future<FlexibilityReading>> readings = windows.stream()
                .map(w -> flexibility.reading(target, w.from(), w.to())).toList();
        return Future.all(readings).map(all -> {
            JsonArray intervals = new JsonArray();
            for (int i = 0; i < windows.size(); i++) {
                FlexibilityReading reading = all.resultAt(i);
                JsonArray payloads = new JsonArray();
                PAYLOADS.forEach((type, payload) -> payloads.add(new JsonObject().put("type", type)
                        .put("values", new JsonArray().add(payload.value.applyAsDouble(reading)))));
                GridObligation w = windows.get(i);
                intervals.add(new JsonObject().put("id", i).put("intervalPeriod", new JsonObject()
                                .put("start", w.from().toString())
                                .put("duration", Duration.between(w.from(), w.to()).toString()))
                        .put("payloads", payloads));
            }
            return new JsonObject().put("resourceName", resourceName(target)).put("intervals", intervals);
        });
    }

    private static String resourceName(GridTarget target) {
        if (target instanceof GridTarget.Site site) {
            return site.siteId();
        }
        if (target instanceof GridTarget.Fleet fleet) {
            return fleet.fleetId();
        }
        return "AGGREGATED_REPORT";
    }

    private record Payload(String units, ToDoubleFunction<FlexibilityReading> value) {
    }
}
