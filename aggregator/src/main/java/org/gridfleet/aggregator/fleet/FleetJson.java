package org.gridfleet.aggregator.fleet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gridfleet.aggregator.http.GridfleetException;
import org.gridfleet.aggregator.http.JsonFields;

/**
 * Wire form of fleets, vehicles, sites and chargers. Reading validates every field and names the
 * offending one; it is also used to read back the JSONB columns this class wrote.
 */
public final class FleetJson {

    private static final int NAME_MAX = 200;
    private static final int ID_MAX = 64;
    private static final int LIST_MAX = 100;
    private static final int CHARGERS_PER_LIMIT_MAX = 1000;
    private static final java.util.regex.Pattern CHARGER_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1," + ID_MAX + "}");

    private FleetJson() {
    }

    public static String fleetName(JsonObject body) {
        return JsonFields.of(body, "", Set.of("name")).string("name", NAME_MAX);
    }

    public static JsonObject toJson(Fleet f) {
        return new JsonObject().put("id", f.id().toString()).put("name", f.name())
                .put("createdAt", f.createdAt().toString()).put("updatedAt", f.updatedAt().toString());
    }

    // ---- vehicles

    private static final Set<String> VEHICLE_FIELDS = Set.of("name", "batteryCapacityKwh", "chemistry", "maxChargeKw",
            "maxDischargeKw", "reserveSoc", "departurePlan", "trips", "chargingPreference", "v2g", "chargeNowUntil",
            "idToken", "evId");

    public static Vehicle vehicle(JsonObject body, UUID id, UUID fleetId, UUID tenantId, Instant now) {
        JsonFields f = JsonFields.of(body, "", VEHICLE_FIELDS);
        String name = f.string("name", NAME_MAX);
        double capacity = f.number("batteryCapacityKwh", 1, 1000);
        Chemistry chemistry = f.oneOf("chemistry", Chemistry.class, FleetJson::chemistry);
        double maxCharge = f.number("maxChargeKw", 0.1, 1000);
        double maxDischarge = f.number("maxDischargeKw", 0, 1000);
        double reserve = f.number("reserveSoc", 0, 1);
        List<DepartureRule> plan = departurePlan(f.array("departurePlan", LIST_MAX), reserve);
        List<Trip> trips = trips(f.array("trips", LIST_MAX), reserve);
        ChargingPreference pref = f.has("chargingPreference")
                ? f.oneOf("chargingPreference", ChargingPreference.class, ChargingPreference::fromWire)
                : ChargingPreference.GUARANTEED;
        V2gConsent v2g = f.has("v2g") ? v2g(f.object("v2g")) : new V2gConsent.Off();
        if (v2g.allowsDischarge() && maxDischarge == 0) {
            throw GridfleetException.badRequest("maxDischargeKw", "must be > 0 when v2g consent is given");
        }
        Optional<Instant> chargeNow = Optional.ofNullable(f.optionalInstant("chargeNowUntil"));
        Optional<String> idToken = Optional.ofNullable(f.optionalString("idToken", ID_MAX));
        Optional<String> evId = Optional.ofNullable(f.optionalString("evId", ID_MAX));
        if (idToken.isEmpty() && evId.isEmpty()) {
            throw GridfleetException.badRequest("idToken", "idToken or evId is required to match charging sessions");
        }
        return new Vehicle(id, fleetId, tenantId, name, capacity, chemistry, maxCharge, maxDischarge, reserve, plan,
                trips, pref, v2g, chargeNow, idToken, evId, now, now);
    }

    public static JsonObject toJson(Vehicle v) {
        JsonObject o = new JsonObject().put("id", v.id().toString()).put("fleetId", v.fleetId().toString())
                .put("name", v.name()).put("batteryCapacityKwh", v.batteryCapacityKwh())
                .put("chemistry", v.chemistry().name()).put("maxChargeKw", v.maxChargeKw())
                .put("maxDischargeKw", v.maxDischargeKw()).put("reserveSoc", v.reserveSoc())
                .put("departurePlan", departurePlanJson(v.departurePlan())).put("trips", tripsJson(v.trips()))
                .put("chargingPreference", v.chargingPreference().wireName()).put("v2g", v2gJson(v.v2g()))
                .put("createdAt", v.createdAt().toString()).put("updatedAt", v.updatedAt().toString());
        v.chargeNowUntil().ifPresent(t -> o.put("chargeNowUntil", t.toString()));
        v.idToken().ifPresent(t -> o.put("idToken", t));
        v.evId().ifPresent(t -> o.put("evId", t));
        return o;
    }

    static Optional<Chemistry> chemistry(String s) {
        return Arrays.stream(Chemistry.values()).filter(c -> c.name().equals(s)).findFirst();
    }

    static List<DepartureRule> departurePlan(JsonArray a, double reserveSoc) {
        List<DepartureRule> out = new ArrayList<>();
        Set<DayOfWeek> days = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            String path = "departurePlan[" + i + "]";
            JsonFields e = JsonFields.of(JsonFields.element(a, i, "departurePlan"), path, Set.of("day", "time", "targetSoc"));
            DayOfWeek day = e.oneOf("day", DayOfWeek.class,
                    s -> Arrays.stream(DayOfWeek.values()).filter(d -> d.name().equals(s)).findFirst());
            LocalTime time;
            try {
                time = LocalTime.parse(e.string("time", 8));
            } catch (DateTimeParseException ex) {
                throw GridfleetException.badRequest(e.field("time"), "must be a 24h time like 07:30");
            }
            double target = e.number("targetSoc", reserveSoc, 1);
            if (!days.add(day)) {
                throw GridfleetException.badRequest(e.field("day"), "appears twice in the weekly plan");
            }
            out.add(new DepartureRule(day, time, target));
        }
        return out;
    }

    static List<Trip> trips(JsonArray a, double reserveSoc) {
        List<Trip> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonFields e = JsonFields.of(JsonFields.element(a, i, "trips"), "trips[" + i + "]",
                    Set.of("departure", "targetSoc"));
            out.add(new Trip(e.instant("departure"), e.number("targetSoc", reserveSoc, 1)));
        }
        return out;
    }

    static V2gConsent v2g(JsonObject o) {
        JsonFields f = JsonFields.of(o, "v2g", Set.of("mode", "yearlyCapacityLossPct", "extraCyclesPerDay"));
        String mode = f.string("mode", 32);
        return switch (mode) {
            case "off" -> {
                JsonFields.of(o, "v2g", Set.of("mode"));
                yield new V2gConsent.Off();
            }
            case "degradation-budget" -> {
                JsonFields.of(o, "v2g", Set.of("mode", "yearlyCapacityLossPct"));
                yield new V2gConsent.DegradationBudget(f.number("yearlyCapacityLossPct", 0.01, 20));
            }
            case "daily-cycle-cap" -> {
                JsonFields.of(o, "v2g", Set.of("mode", "extraCyclesPerDay"));
                yield new V2gConsent.DailyCycleCap(f.number("extraCyclesPerDay", 0.01, 5));
            }
            default -> throw GridfleetException.badRequest("v2g.mode",
                    "must be one of [off, degradation-budget, daily-cycle-cap] (was '" + mode + "')");
        };
    }

    static JsonArray departurePlanJson(List<DepartureRule> plan) {
        JsonArray a = new JsonArray();
        plan.forEach(r -> a.add(new JsonObject().put("day", r.day().name()).put("time", r.time().toString())
                .put("targetSoc", r.targetSoc())));
        return a;
    }

    static JsonArray tripsJson(List<Trip> trips) {
        JsonArray a = new JsonArray();
        trips.forEach(t -> a.add(new JsonObject().put("departure", t.departure().toString()).put("targetSoc", t.targetSoc())));
        return a;
    }

    static JsonObject v2gJson(V2gConsent c) {
        if (c instanceof V2gConsent.DegradationBudget b) {
            return new JsonObject().put("mode", "degradation-budget").put("yearlyCapacityLossPct", b.yearlyCapacityLossPct());
        }
        if (c instanceof V2gConsent.DailyCycleCap d) {
            return new JsonObject().put("mode", "daily-cycle-cap").put("extraCyclesPerDay", d.extraCyclesPerDay());
        }
        return new JsonObject().put("mode", "off");
    }

    // ---- sites

    public static Site site(JsonObject body, UUID id, UUID tenantId, Instant now) {
        JsonFields f = JsonFields.of(body, "", Set.of("name", "limitKw", "headroomPct", "nestedLimits"));
        String name = f.string("name", NAME_MAX);
        double limitKw = f.number("limitKw", 0.1, 1_000_000);
        double headroom = f.number("headroomPct", 0, 50, Site.DEFAULT_HEADROOM_PCT);
        List<Site.NestedLimit> nested = nestedLimits(f.array("nestedLimits", LIST_MAX), limitKw);
        return new Site(id, tenantId, name, limitKw, headroom, nested, now, now);
    }

    static List<Site.NestedLimit> nestedLimits(JsonArray a, double siteLimitKw) {
        List<Site.NestedLimit> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            String path = "nestedLimits[" + i + "]";
            JsonFields e = JsonFields.of(JsonFields.element(a, i, "nestedLimits"), path,
                    Set.of("name", "kind", "limitKw", "chargerIds"));
            String name = e.string("name", NAME_MAX);
            if (!names.add(name)) {
                throw GridfleetException.badRequest(e.field("name"), "is used by another nested limit");
            }
            String kind = e.string("kind", 32);
            Site.NestedLimit.Kind k = switch (kind) {
                case "feeder" -> Site.NestedLimit.Kind.FEEDER;
                case "charger-group" -> Site.NestedLimit.Kind.CHARGER_GROUP;
                default -> throw GridfleetException.badRequest(e.field("kind"),
                        "must be one of [feeder, charger-group] (was '" + kind + "')");
            };
            double limitKw = e.number("limitKw", 0.1, siteLimitKw);
            JsonArray ids = e.array("chargerIds", CHARGERS_PER_LIMIT_MAX);
            List<String> chargerIds = new ArrayList<>();
            for (int j = 0; j < ids.size(); j++) {
                if (!(ids.getValue(j) instanceof String s) || s.isBlank() || s.length() > ID_MAX) {
                    throw GridfleetException.badRequest(path + ".chargerIds[" + j + "]", "must be a charger id");
                }
                chargerIds.add(s);
            }
            out.add(new Site.NestedLimit(name, k, limitKw, chargerIds));
        }
        return out;
    }

    public static JsonObject toJson(Site s) {
        return new JsonObject().put("id", s.id().toString()).put("name", s.name()).put("limitKw", s.limitKw())
                .put("headroomPct", s.headroomPct()).put("nestedLimits", nestedLimitsJson(s.nestedLimits()))
                .put("createdAt", s.createdAt().toString()).put("updatedAt", s.updatedAt().toString());
    }

    static JsonArray nestedLimitsJson(List<Site.NestedLimit> limits) {
        JsonArray a = new JsonArray();
        limits.forEach(l -> a.add(new JsonObject().put("name", l.name())
                .put("kind", l.kind() == Site.NestedLimit.Kind.FEEDER ? "feeder" : "charger-group")
                .put("limitKw", l.limitKw()).put("chargerIds", new JsonArray(new ArrayList<>(l.chargerIds())))));
        return a;
    }

    // ---- chargers

    /** A charger as registered: the value plus the plain password (null on update = keep the old one). */
    public record ChargerRegistration(Charger charger, String password) { }

    /**
     * @param id              the charger id from the path (PUT) or from the body (POST, {@code null} here)
     * @param passwordRequired true on create
     */
    public static ChargerRegistration charger(JsonObject body, String id, UUID siteId, UUID tenantId, Instant now,
                                              boolean passwordRequired) {
        JsonFields f = JsonFields.of(body, "", Set.of("id", "password", "maxPowerKw", "bidirectional", "model",
                "dischargeCapability"));
        String chargerId = id;
        if (chargerId == null) {
            chargerId = f.string("id", ID_MAX);
            if (!isChargerId(chargerId)) {
                throw GridfleetException.badRequest("id", "may only hold letters, digits and . _ : - (OCPP identity)");
            }
        } else if (f.has("id") && !id.equals(f.string("id", ID_MAX))) {
            throw GridfleetException.badRequest("id", "must match the id in the path");
        }
        String password = passwordRequired ? f.string("password", 64) : f.optionalString("password", 64);
        if (password != null && password.length() < 16) {
            throw GridfleetException.badRequest("password", "must be at least 16 characters (OCPP security profile 1/2)");
        }
        double maxPowerKw = f.number("maxPowerKw", 0.1, 1000);
        boolean bidirectional = f.bool("bidirectional", false);
        String model = f.has("model") ? f.string("model", NAME_MAX) : "unknown";
        DischargeCapability cap = f.has("dischargeCapability")
                ? f.oneOf("dischargeCapability", DischargeCapability.class, DischargeCapability::fromWire)
                : (bidirectional ? DischargeCapability.OCPP21 : DischargeCapability.NONE);
        if (!bidirectional && cap != DischargeCapability.NONE) {
            throw GridfleetException.badRequest("dischargeCapability", "must be 'none' unless bidirectional is true");
        }
        return new ChargerRegistration(
                new Charger(chargerId, siteId, tenantId, maxPowerKw, bidirectional, model, cap, now, now), password);
    }

    /** True for a well-formed OCPP identity: 1..64 letters, digits and {@code . _ : -}. */
    public static boolean isChargerId(String s) {
        return s != null && CHARGER_ID.matcher(s).matches();
    }

    public static JsonObject toJson(Charger c) {
        return new JsonObject().put("id", c.id()).put("siteId", c.siteId().toString()).put("maxPowerKw", c.maxPowerKw())
                .put("bidirectional", c.bidirectional()).put("model", c.model())
                .put("dischargeCapability", c.dischargeCapability().wireName())
                .put("createdAt", c.createdAt().toString()).put("updatedAt", c.updatedAt().toString());
    }
}
