package org.gridfleet.aggregator.openadr.grid;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.gridfleet.aggregator.openadr.OpenAdrException;
import org.gridfleet.aggregator.openadr.grid.GridObligation.Direction;

/**
 * Turns an OpenADR 3.0.1 event into the {@link GridObligation}s it places on Gridfleet, or refuses it with
 * a 400 problem naming the field Gridfleet cannot honour. Nothing is skipped silently.
 *
 * <p>Timing (User Guide 7.x): an interval's own intervalPeriod overrides the event's; an interval without
 * one starts where the previous ended and lasts the event's duration; start {@code 0001-01-01} means now.
 * Gridfleet needs a bounded, non-zero duration ({@code P9999Y} is accepted as "until further notice").
 *
 * <p>Targets: none = portfolio; RESOURCE_NAME and POWER_SERVICE_LOCATION name sites; GROUP names fleets;
 * VEN_NAME is resolved by the caller (the sites of that VEN). Several target maps are a union.
 */
public final class EventInterpreter {

    /** The "now" start of the User Guide (7.3). */
    private static final Instant NOW_MARKER = Instant.parse("0001-01-01T00:00:00Z");

    private final Clock clock;
    private final ShedLevels shedLevels;
    private final Map<String, PayloadMapper> payloadMappers = new HashMap<>();

    public EventInterpreter(Clock clock, ShedLevels shedLevels) {
        this.clock = clock;
        this.shedLevels = shedLevels;
        payloadMappers.put("IMPORT_CAPACITY_LIMIT", (w, v, d, f) ->
                new GridObligation.ImportCapacityLimit(w.eventId, w.target, w.from, w.to, nonNegative(v, f) * powerFactor(d, f)));
        payloadMappers.put("EXPORT_CAPACITY_LIMIT", (w, v, d, f) ->
                new GridObligation.ExportCapacityLimit(w.eventId, w.target, w.from, w.to, nonNegative(v, f) * powerFactor(d, f)));
        payloadMappers.put("DISPATCH_SETPOINT", (w, v, d, f) ->
                new GridObligation.DispatchSetpoint(w.eventId, w.target, w.from, w.to, nonNegative(v, f) * powerFactor(d, f), false));
        payloadMappers.put("DISPATCH_SETPOINT_RELATIVE", (w, v, d, f) ->
                new GridObligation.DispatchSetpoint(w.eventId, w.target, w.from, w.to, v * powerFactor(d, f), true));
        payloadMappers.put("PRICE", (w, v, d, f) -> price(w, v, d, f, Direction.IMPORT));
        payloadMappers.put("EXPORT_PRICE", (w, v, d, f) -> price(w, v, d, f, Direction.EXPORT));
        payloadMappers.put("SIMPLE", (w, v, d, f) -> {
            if (v != Math.rint(v) || v < 0 || v > 3) {
                throw OpenAdrException.badRequest(f + ": SIMPLE level must be an integer 0..3, but was " + v);
            }
            return new GridObligation.SimpleLevel(w.eventId, w.target, w.from, w.to, (int) v,
                    shedLevels.shedFraction((int) v));
        });
    }

    /** The payload types Gridfleet honours; any other is refused. */
    public Set<String> supportedPayloadTypes() {
        return Set.copyOf(payloadMappers.keySet());
    }

    /**
     * @param eventId    the event's id
     * @param event      the event as on the wire
     * @param venSites   sites of a VEN named in a VEN_NAME target (empty list when it has none)
     */
    public List<GridObligation> interpret(String eventId, JsonObject event, Function<String, List<GridTarget>> venSites) {
        List<GridTarget> targets = targets(event.getJsonArray("targets"), venSites);
        Map<String, JsonObject> descriptors = descriptors(event.getJsonArray("payloadDescriptors"));
        JsonObject eventPeriod = event.getJsonObject("intervalPeriod");
        JsonArray intervals = event.getJsonArray("intervals");
        if (intervals == null || intervals.isEmpty()) {
            throw OpenAdrException.badRequest("intervals: at least one interval is required");
        }
        List<GridObligation> out = new ArrayList<>();
        Instant previousEnd = null;
        for (int i = 0; i < intervals.size(); i++) {
            String field = "intervals[" + i + "]";
            JsonObject interval = intervals.getJsonObject(i);
            JsonObject own = interval.getJsonObject("intervalPeriod");
            Instant from = start(own, eventPeriod, previousEnd, field);
            String duration = own != null && own.getString("duration") != null ? own.getString("duration")
                    : eventPeriod != null ? eventPeriod.getString("duration") : null;
            Instant to = end(from, duration, field);
            previousEnd = to;
            JsonArray payloads = interval.getJsonArray("payloads");
            if (payloads == null || payloads.isEmpty()) {
                throw OpenAdrException.badRequest(field + ".payloads: at least one payload is required");
            }
            for (int p = 0; p < payloads.size(); p++) {
                String payloadField = field + ".payloads[" + p + "]";
                JsonObject payload = payloads.getJsonObject(p);
                String type = payload.getString("type");
                PayloadMapper mapper = payloadMappers.get(type);
                if (mapper == null) {
                    throw OpenAdrException.badRequest(payloadField + ".type: Gridfleet cannot honour payload type "
                            + type + "; supported: " + new java.util.TreeSet<>(payloadMappers.keySet()));
                }
                double value = singleNumber(payload.getJsonArray("values"), payloadField + ".values");
                for (GridTarget target : targets) {
                    out.add(mapper.map(new Window(eventId, target, from, to), value, descriptors.get(type), payloadField));
                }
            }
        }
        return List.copyOf(out);
    }

    private Instant start(JsonObject own, JsonObject eventPeriod, Instant previousEnd, String field) {
        String start = own != null ? own.getString("start") : null;
        if (start == null && previousEnd != null) {
            return previousEnd;
        }
        if (start == null) {
            start = eventPeriod != null ? eventPeriod.getString("start") : null;
        }
        if (start == null) {
            throw OpenAdrException.badRequest(field + ".intervalPeriod: missing, and the event has no intervalPeriod");
        }
        try {
            Instant parsed = java.time.OffsetDateTime.parse(start).toInstant();
            return parsed.equals(NOW_MARKER) ? clock.instant() : parsed;
        } catch (DateTimeParseException e) {
            throw OpenAdrException.badRequest(field + ".intervalPeriod.start: not an RFC 3339 date-time: " + start);
        }
    }

    private static Instant end(Instant from, String duration, String field) {
        if (duration == null) {
            throw OpenAdrException.badRequest(field + ".intervalPeriod.duration: missing; Gridfleet needs a bounded window");
        }
        Instant to;
        try {
            to = IsoDurations.addTo(from, duration);
        } catch (IllegalArgumentException e) {
            throw OpenAdrException.badRequest(field + ".intervalPeriod.duration: " + e.getMessage());
        }
        if (!to.isAfter(from)) {
            throw OpenAdrException.badRequest(field + ".intervalPeriod.duration: " + duration
                    + " is empty; Gridfleet needs a bounded window (P9999Y for open-ended)");
        }
        return to;
    }

    private static List<GridTarget> targets(JsonArray targets, Function<String, List<GridTarget>> venSites) {
        if (targets == null || targets.isEmpty()) {
            return List.of(new GridTarget.Portfolio());
        }
        Set<GridTarget> out = new LinkedHashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            JsonObject map = targets.getJsonObject(i);
            String type = map.getString("type");
            JsonArray values = map.getJsonArray("values");
            for (int v = 0; v < values.size(); v++) {
                String field = "targets[" + i + "].values[" + v + "]";
                if (!(values.getValue(v) instanceof String value)) {
                    throw OpenAdrException.badRequest(field + ": target values must be strings");
                }
                switch (type) {
                    case "RESOURCE_NAME", "POWER_SERVICE_LOCATION" -> out.add(new GridTarget.Site(value));
                    case "GROUP" -> out.add(new GridTarget.Fleet(value));
                    case "VEN_NAME" -> {
                        List<GridTarget> sites = venSites.apply(value);
                        if (sites.isEmpty()) {
                            throw OpenAdrException.badRequest(field + ": VEN " + value + " has no resources (sites)");
                        }
                        out.addAll(sites);
                    }
                    default -> throw OpenAdrException.badRequest("targets[" + i + "].type: Gridfleet cannot resolve target type "
                            + type + "; supported: RESOURCE_NAME, POWER_SERVICE_LOCATION, GROUP, VEN_NAME");
                }
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, JsonObject> descriptors(JsonArray descriptors) {
        Map<String, JsonObject> out = new HashMap<>();
        if (descriptors != null) {
            for (int i = 0; i < descriptors.size(); i++) {
                JsonObject d = descriptors.getJsonObject(i);
                out.put(d.getString("payloadType"), d);
            }
        }
        return out;
    }

    private static double singleNumber(JsonArray values, String field) {
        if (values == null || values.size() != 1 || !(values.getValue(0) instanceof Number n)) {
            throw OpenAdrException.badRequest(field + ": Gridfleet needs exactly one numeric value per payload, but got "
                    + values);
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            throw OpenAdrException.badRequest(field + ": value must be finite");
        }
        return v;
    }

    private static double nonNegative(double value, String field) {
        if (value < 0) {
            throw OpenAdrException.badRequest(field + ".values[0]: must be >= 0, but was " + value);
        }
        return value;
    }

    /** kW per unit of the descriptor's units (default KW). */
    private static double powerFactor(JsonObject descriptor, String field) {
        String units = descriptor == null || descriptor.getString("units") == null ? "KW" : descriptor.getString("units");
        return switch (units) {
            case "KW" -> 1.0;
            case "W" -> 0.001;
            case "MW" -> 1000.0;
            default -> throw OpenAdrException.badRequest(field + ": units " + units
                    + " in payloadDescriptors cannot express power; use KW, W or MW");
        };
    }

    private static GridObligation price(Window w, double value, JsonObject descriptor, String field, Direction direction) {
        String units = descriptor == null || descriptor.getString("units") == null ? "KWH" : descriptor.getString("units");
        double perKwh = switch (units) {
            case "KWH" -> value;
            case "MWH" -> value / 1000.0;
            default -> throw OpenAdrException.badRequest(field + ": price units " + units + " not supported; use KWH or MWH");
        };
        return new GridObligation.PriceSignal(w.eventId, w.target, w.from, w.to, direction, perKwh,
                descriptor == null ? null : descriptor.getString("currency"));
    }

    private record Window(String eventId, GridTarget target, Instant from, Instant to) {
    }

    @FunctionalInterface
    private interface PayloadMapper {
        GridObligation map(Window window, double value, JsonObject descriptor, String field);
    }
}
