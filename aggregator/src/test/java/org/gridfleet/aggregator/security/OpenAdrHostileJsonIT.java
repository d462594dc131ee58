package org.gridfleet.aggregator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.gridfleet.aggregator.http.JsonBodyGuard;
import org.gridfleet.aggregator.openadr.OpenAdrVtn;
import org.gridfleet.aggregator.openadr.OpenAdrVtnConfig;
import org.gridfleet.aggregator.openadr.VtnTestServer;
import org.gridfleet.aggregator.security.HostileBodies.Spot;

/**
 * Malformed and hostile JSON against every OpenADR VTN operation that takes a body (programs, events, reports,
 * subscriptions, vens, resources) and hostile forms against {@code auth/token}: never a 500, nothing logged as
 * an error, no row changed, no obligation handed to the dispatcher, and always the spec's answer with 400
 * (the {@code problem} object, or {@code authError} for the token endpoint), checked against the official
 * 3.0.1 contract.
 */
class OpenAdrHostileJsonIT {

    private static final String JSON = "application/json";
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static VtnTestServer vtn;
    private static ErrorLog errors;
    private static final List<Op> OPS = new ArrayList<>();

    /** One VTN operation with a body: who calls it, where, and a body it accepts. */
    record Op(HttpMethod method, String path, String operationId, String token, JsonObject validBody) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One hostile request and what it is. */
    record Attack(Op op, Buffer body, String what) {
        @Override
        public String toString() {
            return op + " <- " + what;
        }
    }

    @BeforeContainer
    static void start() {
        vtn = new VtnTestServer();
        vtn.start(Clock.fixed(NOW, ZoneOffset.UTC), OpenAdrVtnConfig.ofDefaults("http://localhost/openadr3")).await();
        String bl = vtn.tokenFor("fuzz-utility", "BL", null).await();
        String ven = vtn.tokenFor("fuzz-ven", "VEN", "fuzz-ven-name").await();
        String programId = created(bl, "/programs", "createProgram", program("fuzz-program"));
        JsonObject event = limitEvent(programId);
        String eventId = created(bl, "/events", "createEvent", event);
        JsonObject venObject = new JsonObject().put("venName", "fuzz-ven-name");
        String venId = created(ven, "/vens", "createVen", venObject);
        created(ven, "/vens/" + venId + "/resources", "createResource", new JsonObject().put("resourceName", "site-1"));
        OPS.addAll(List.of(
                new Op(HttpMethod.POST, "/programs", "createProgram", bl, program("fuzz-new")),
                new Op(HttpMethod.PUT, "/programs/" + programId, "updateProgram", bl, program("fuzz-program")),
                new Op(HttpMethod.POST, "/events", "createEvent", bl, limitEvent(programId)),
                new Op(HttpMethod.PUT, "/events/" + eventId, "updateEvent", bl, limitEvent(programId)),
                new Op(HttpMethod.POST, "/reports", "createReport", ven, new JsonObject().put("programID", programId)
                        .put("eventID", eventId).put("clientName", "fuzz-ven").put("resources", new JsonArray()
                                .add(new JsonObject().put("resourceName", "site-1").put("intervals", new JsonArray()
                                        .add(new JsonObject().put("id", 0).put("payloads", new JsonArray().add(
                                                new JsonObject().put("type", "USAGE").put("values", new JsonArray().add(12.5))))))))),
                new Op(HttpMethod.POST, "/vens", "createVen", bl, new JsonObject().put("venName", "another-ven")),
                new Op(HttpMethod.PUT, "/vens/" + venId, "updateVen", ven, venObject),
                new Op(HttpMethod.POST, "/vens/" + venId + "/resources", "createResource", ven,
                        new JsonObject().put("resourceName", "site-2")),
                new Op(HttpMethod.POST, "/subscriptions", "createSubscription", ven, new JsonObject()
                        .put("clientName", "fuzz-ven").put("programID", programId)
                        .put("objectOperations", new JsonArray().add(new JsonObject()
                                .put("objects", new JsonArray().add("EVENT")).put("operations", new JsonArray().add("CREATE"))
                                .put("callbackUrl", "https://ven.example/hook").put("bearerToken", "hook-secret"))))));
        errors = ErrorLog.attach();
    }

    @AfterContainer
    static void stop() {
        errors.close();
        vtn.close().await();
    }

    private static String created(String token, String path, String operationId, JsonObject body) {
        VtnTestServer.Reply r = vtn.call(HttpMethod.POST, path, operationId, token, body).await();
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    private static JsonObject program(String name) {
        return new JsonObject().put("programName", name).put("payloadDescriptors", new JsonArray()
                .add(new JsonObject().put("objectType", "EVENT_PAYLOAD_DESCRIPTOR")
                        .put("payloadType", "IMPORT_CAPACITY_LIMIT").put("units", "KW")));
    }

    private static JsonObject limitEvent(String programId) {
        return new JsonObject().put("programID", programId).put("eventName", "congestion")
                .put("targets", new JsonArray().add(new JsonObject().put("type", "RESOURCE_NAME")
                        .put("values", new JsonArray().add("site-1"))))
                .put("intervalPeriod", new JsonObject().put("start", "2026-11-28T17:00:00Z").put("duration", "PT1H"))
                .put("intervals", new JsonArray().add(new JsonObject().put("id", 0).put("payloads", new JsonArray()
                        .add(new JsonObject().put("type", "IMPORT_CAPACITY_LIMIT").put("values", new JsonArray().add(150.0))))));
    }

    /** Sends {@code body}; checks a contract-valid 400 problem, no error logged, no row and no obligation changed. */
    private static VtnTestServer.Reply refused(Op op, Buffer body, String contentType) {
        errors.drain();
        Map<String, List<String>> before = DatabaseSnapshot.of(vtn.server().dataSource);
        int obligations = vtn.obligations().size();
        HttpResponse<Buffer> raw = vtn.client().request(op.method(), OpenAdrVtn.MOUNT_PATH + op.path())
                .putHeader("Authorization", "Bearer " + op.token()).putHeader("Content-Type", contentType)
                .sendBuffer(body).await();
        VtnTestServer.Reply r = vtn.checked(op.operationId(), raw).await();
        assertThat(r.status()).as("%s -> %s", op, FuzzTarget.brief(r.body().toString())).isEqualTo(400);
        assertThat(r.json().getInteger("status")).isEqualTo(400);
        assertThat(r.json().getString("detail")).isNotBlank();
        assertThat(errors.drain()).as("errors logged").isEmpty();
        assertThat(DatabaseSnapshot.of(vtn.server().dataSource)).as("rows after %s", op).isEqualTo(before);
        assertThat(vtn.obligations()).hasSize(obligations);
        return r;
    }

    @Property(tries = 300)
    void bodyShouldAnswerTheSpecs400ProblemAndChangeNothingWhenOneSpotIsHostile(@ForAll("attacks") Attack attack) {
        refused(attack.op(), attack.body(), JSON);
    }

    @Property(tries = 150)
    void bodyShouldAnswerTheSpecs400ProblemAndChangeNothingWhenItIsNotAJsonObject(@ForAll("ops") Op op,
                                                                                @ForAll("garbage") byte[] body) {
        refused(op, Buffer.buffer(body), JSON);
    }

    @Example
    void bodyShouldNameTheFieldWhenItNestsDeeperThanTheLimit() {
        for (Op op : OPS) {
            // GIVEN the first field of a valid body replaced by deep nesting
            JsonObject valid = op.validBody();
            Spot first = HostileBodies.spots(valid).get(1);
            int depth = JsonBodyGuard.MAX_DEPTH + 1;
            // WHEN
            VtnTestServer.Reply r = refused(op, HostileBodies.replace(valid, first,
                    HostileBodies.utf8("[".repeat(depth) + "]".repeat(depth))), JSON);
            // THEN
            assertThat(r.json().getString("detail")).startsWith(first.field()).contains("nests deeper than");
        }
    }

    @Property(tries = 60)
    void tokenEndpointShouldAnswer400AuthErrorAndIssueNothingWhenTheFormIsHostile(@ForAll("forms") Buffer form,
                                                                                  @ForAll("contentTypes") String type) {
        // WHEN
        errors.drain();
        Map<String, List<String>> before = DatabaseSnapshot.of(vtn.server().dataSource);
        HttpResponse<Buffer> raw = vtn.client().post(OpenAdrVtn.MOUNT_PATH + "/auth/token").putHeader("Content-Type", type)
                .sendBuffer(form).await();
        // THEN
        VtnTestServer.Reply r = vtn.checked("fetchToken", raw).await();
        assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
        assertThat(r.json().getString("error")).isIn("invalid_request", "invalid_client", "unsupported_grant_type");
        assertThat(r.json().containsKey("access_token")).isFalse();
        assertThat(errors.drain()).isEmpty();
        assertThat(DatabaseSnapshot.of(vtn.server().dataSource)).isEqualTo(before);
    }

    @Example
    void everyFuzzedOperationShouldAcceptItsValidBody() {
        // the attacks start from these bodies; were one refused, the attacks would prove nothing. The subscription
        // goes last (OPS order), so no later write of this test notifies its callback.
        for (Op op : OPS) {
            VtnTestServer.Reply r = vtn.call(op.method(), op.path(), op.operationId(), op.token(), op.validBody()).await();
            assertThat(r.status()).as(op + " " + r.body()).isEqualTo(op.method() == HttpMethod.POST ? 201 : 200);
        }
    }

    @Provide
    Arbitrary<Op> ops() {
        return Arbitraries.of(OPS);
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(2000);
        Arbitrary<byte[]> notObjects = Arbitraries.of("[]", "42", "\"s\"", "null", "true", "{", "}", "{\"a\":}", "{'a':1}",
                "{\"a\":1,}", "// c\n{}", "\uFEFF{}", "[".repeat(5000), "{\"a\":".repeat(3000)).map(HostileBodies::utf8);
        Arbitrary<byte[]> truncated = Arbitraries.of(OPS).flatMap(op -> {
            byte[] valid = op.validBody().toBuffer().getBytes();
            return Arbitraries.integers().between(1, valid.length - 1).map(n -> Arrays.copyOf(valid, n));
        });
        return Arbitraries.oneOf(randomBytes, notObjects, truncated);
    }

    @Provide
    Arbitrary<Attack> attacks() {
        return Arbitraries.of(OPS).flatMap(op -> Arbitraries.of(HostileBodies.spots(op.validBody()).stream()
                .filter(s -> !s.path().isEmpty()).toList()).flatMap(spot -> Arbitraries.oneOf(attacksAt(op, spot))));
    }

    private static List<Arbitrary<Attack>> attacksAt(Op op, Spot spot) {
        JsonObject valid = op.validBody();
        List<Arbitrary<Attack>> out = new ArrayList<>();
        out.add(Arbitraries.integers().between(JsonBodyGuard.MAX_DEPTH + 1, 3000).flatMap(n -> Arbitraries.of(
                        "[".repeat(n) + "]".repeat(n), "{\"a\":".repeat(n) + "1" + "}".repeat(n)))
                .map(raw -> attack(op, valid, spot, raw, "nesting of " + raw.length() / 2)));
        out.add(Arbitraries.of("\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udc00\"", "\"\\x41\"", "\"\\u12G4\"", "\"a\tb\"",
                "1" + "0".repeat(100), "0x10", "NaN", "Infinity", "01", ".5", "1.", "+1", "tru", "nul", "'x'")
                .map(raw -> attack(op, valid, spot, raw, "raw " + FuzzTarget.brief(raw))));
        out.add(Arbitraries.just(new Attack(op, HostileBodies.replace(valid, spot, new byte[] {'"', (byte) 0xC3, 0x28, '"'}),
                "invalid UTF-8")));
        if (spot.value() instanceof String || spot.value() instanceof Number) {
            out.add(Arbitraries.of("{}", "[]", "{\"x\":[1,{\"y\":null}]}")
                    .map(raw -> attack(op, valid, spot, raw, "container for scalar " + raw)));
        }
        if (spot.value() instanceof JsonObject o && !o.isEmpty()) {
            String first = o.fieldNames().iterator().next();
            out.add(Arbitraries.just(new Attack(op, HostileBodies.addMember(valid, spot, first,
                    HostileBodies.utf8(io.vertx.core.json.Json.encode(o.getValue(first)))), "duplicate field " + first)));
        }
        return out;
    }

    private static Attack attack(Op op, JsonObject valid, Spot spot, String raw, String what) {
        return new Attack(op, HostileBodies.replace(valid, spot, HostileBodies.utf8(raw)), spot.field() + " <- " + what);
    }

    @Provide
    Arbitrary<Buffer> forms() {
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300),
                Arbitraries.of("%00", "%ZZ", "%", "%E2%28", "a=b=c", "&&&", "x".repeat(10_000)));
        Arbitrary<String> builtForms = Arbitraries.of("grant_type", "client_id", "client_secret", "scope", "zz")
                .flatMap(k -> values.map(v -> k + "=" + v)).list().ofMaxSize(6).map(l -> String.join("&", l));
        Arbitrary<String> wrongGrant = Arbitraries.of("password", "", "CLIENT_CREDENTIALS", "client_credentials%00")
                .map(g -> "grant_type=" + g + "&client_id=fuzz-utility&client_secret=guess");
        Arbitrary<String> json = Arbitraries.of("{\"grant_type\":\"client_credentials\"}", "[", "{\"a\":".repeat(100));
        return Arbitraries.oneOf(builtForms, wrongGrant, json).map(Buffer::buffer);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/x-www-form-urlencoded", "application/json", "text/plain", "multipart/form-data");
    }

}
