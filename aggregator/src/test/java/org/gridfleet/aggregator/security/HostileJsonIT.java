package org.gridfleet.aggregator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.gridfleet.aggregator.config.HttpConfig;
import org.gridfleet.aggregator.http.JsonBodyGuard;
import org.gridfleet.aggregator.security.ContractOperations.Operation;
import org.gridfleet.aggregator.security.HostileBodies.Spot;

/**
 * Malformed and hostile JSON against every operation of the contract that takes a body: wrong types,
 * huge and malformed numbers, NUL and lone surrogates, invalid UTF-8 and escapes, deep nesting,
 * oversized arrays, unknown and duplicate fields. Each answer is a 400 problem naming the spot, nothing
 * is logged as an error and no row changes.
 */
class HostileJsonIT {

    private static final String JSON = "application/json";
    private static final Set<String> SIGNED = ContractOperations.signedNumberFields();
    private static FuzzTarget target;

    /** One hostile request: which operation, which spot of its valid body, what goes there, which field the problem must name. */
    record Attack(Operation op, Buffer body, String field, boolean prefixOnly, String what) {
        @Override
        public String toString() {
            return op + " " + field + " <- " + what;
        }
    }

    @BeforeContainer
    static void start() {
        target = new FuzzTarget(HostileJsonIT.class);
    }

    @AfterContainer
    static void stop() {
        target.close();
    }

    @Property(tries = 400)
    void bodyShouldAnswer400NamingTheFieldAndChangeNothingWhenOneSpotIsHostile(@ForAll("attacks") Attack attack) {
        // WHEN
        HttpResponse<Buffer> r = target.sendRejected(attack.op(), attack.op().path(target.ids), attack.body(), JSON, 400);
        // THEN
        String field = r.bodyAsJsonObject().getString("field");
        if (attack.prefixOnly()) {
            assertThat(field).as(r.bodyAsString()).startsWith(attack.field());
        } else {
            assertThat(field).as(r.bodyAsString()).isEqualTo(attack.field());
        }
    }

    @Property(tries = 150)
    void bodyShouldAnswer400AndChangeNothingWhenItIsNotAJsonObject(@ForAll("operations") Operation op,
                                                                   @ForAll("garbage") byte[] body) {
        // WHEN
        HttpResponse<Buffer> r = target.sendRejected(op, op.path(target.ids), Buffer.buffer(body), JSON, 400);
        // THEN
        assertThat(r.bodyAsJsonObject().getString("field")).isNotBlank();
    }

    @Example
    void bodyShouldAnswer413AndChangeNothingWhenItExceedsTheLimit() {
        for (Operation op : bodyOperations()) {
            // GIVEN a valid body padded past the limit with a long string
            JsonObject body = target.validBody(op).put("name", "x".repeat((int) HttpConfig.DEFAULT_BODY_LIMIT_BYTES));
            // WHEN
            HttpResponse<Buffer> r = target.sendRejected(op, op.path(target.ids), body.toBuffer(), JSON, 413);
            // THEN
            assertThat(r.bodyAsJsonObject().getString("title")).isEqualTo("PAYLOAD_TOO_LARGE");
        }
    }

    @Example
    void bodyShouldAnswer400AndChangeNothingWhenContentTypeIsNotJson() {
        for (Operation op : bodyOperations()) {
            target.sendRejected(op, op.path(target.ids), target.validBody(op).toBuffer(), "application/xml", 400);
        }
    }

    @Example
    void bodyShouldAnswer400AndChangeNothingWhenAFormBodyCannotBeDecoded() {
        // Vert.x decodes form bodies before any handler runs; its failures are the client's, never a 500
        for (Operation op : bodyOperations()) {
            for (String form : List.of("name=%ZZ", "%", "name=" + "x".repeat(10_000))) {
                HttpResponse<Buffer> r = target.sendRejected(op, op.path(target.ids), Buffer.buffer(form),
                        "application/x-www-form-urlencoded", 400);
                assertThat(r.bodyAsJsonObject().getString("field")).isEqualTo("body");
            }
        }
    }

    @Example
    void everyOperationWithABodyShouldHaveAValidBodyThatIsAccepted() {
        // the fuzzed bodies start from these; were one of them refused, the attacks would prove nothing
        for (Operation op : bodyOperations()) {
            if (op.method().equals("PUT")) {
                HttpResponse<Buffer> r = target.send(op, op.path(target.ids), target.validBody(op).toBuffer(), JSON);
                assertThat(r.statusCode()).as(op + " " + r.bodyAsString()).isEqualTo(200);
            }
        }
    }

    @Provide
    Arbitrary<Operation> operations() {
        return Arbitraries.of(ContractOperations.apiV1());
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(2000);
        Arbitrary<byte[]> notObjects = Arbitraries.of("[]", "42", "\"s\"", "null", "true", "{", "}", "{\"a\":}", "{'a':1}",
                "{\"a\":1,}", "// c\n{}", "\uFEFF{}", "[" .repeat(5000)).map(HostileBodies::utf8);
        Arbitrary<byte[]> truncated = Arbitraries.of(bodyOperations()).flatMap(op -> {
            byte[] valid = target.validBody(op).toBuffer().getBytes();
            return Arbitraries.integers().between(1, valid.length - 1).map(n -> java.util.Arrays.copyOf(valid, n));
        });
        return Arbitraries.oneOf(randomBytes, notObjects, truncated);
    }

    @Provide
    Arbitrary<Attack> attacks() {
        return Arbitraries.of(bodyOperations()).flatMap(op -> {
            JsonObject valid = target.validBody(op);
            return Arbitraries.of(HostileBodies.spots(valid)).flatMap(spot -> Arbitraries.oneOf(attacksAt(op, valid, spot)));
        });
    }

    private static List<Operation> bodyOperations() {
        return ContractOperations.apiV1().stream().filter(Operation::hasBody).toList();
    }

    private static List<Arbitrary<Attack>> attacksAt(Operation op, JsonObject valid, Spot spot) {
        List<Arbitrary<Attack>> out = new ArrayList<>();
        if (spot.value() instanceof JsonObject o) {
            out.add(Arbitraries.just(new Attack(op, HostileBodies.addMember(valid, spot, "zzUnknown", HostileBodies.utf8("1")),
                    spot.child("zzUnknown"), false, "unknown field")));
            for (String first : o.fieldNames().stream().limit(1).toList()) {
                out.add(Arbitraries.just(new Attack(op, HostileBodies.addMember(valid, spot, first,
                        HostileBodies.utf8(io.vertx.core.json.Json.encode(o.getValue(first)))), spot.child(first), false,
                        "duplicate field")));
            }
        }
        if (spot.path().isEmpty()) {
            return out;
        }
        out.add(Arbitraries.of(wrongTypes(spot.value())).map(raw -> attack(op, valid, spot, raw, false, "wrong type " + raw)));
        out.add(Arbitraries.integers().between(JsonBodyGuard.MAX_DEPTH + 1, 3000).flatMap(n -> Arbitraries.of(
                "[".repeat(n) + "]".repeat(n), "{\"a\":".repeat(n) + "1" + "}".repeat(n)))
                .map(raw -> attack(op, valid, spot, raw, true, "nesting of " + raw.length() / 2)));
        if (spot.value() instanceof String) {
            out.add(Arbitraries.of("\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udc00\"", "\"\\x41\"", "\"\\u12G4\"", "\"a\tb\"",
                    "\"" + "x".repeat(70_000) + "\"").map(raw -> attack(op, valid, spot, raw, false, "string " + brief(raw))));
            out.add(Arbitraries.just(new Attack(op, HostileBodies.replace(valid, spot, new byte[] {'"', (byte) 0xC3, 0x28, '"'}),
                    spot.field(), false, "invalid UTF-8")));
        }
        if (spot.value() instanceof Number) {
            List<String> numbers = new ArrayList<>(List.of("1e400", "-1e400", "1e308", "-1", "1" + "0".repeat(100), "0x10",
                    "NaN", "Infinity", "-Infinity", "01", ".5", "1e999999999", "1.", "+1"));
            if (SIGNED.contains(spot.path().get(spot.path().size() - 1))) {
                numbers.remove("-1");
            }
            out.add(Arbitraries.of(numbers).map(raw -> attack(op, valid, spot, raw, false, "number " + raw)));
        }
        if (spot.value() instanceof JsonArray a && !a.isEmpty()) {
            JsonArray big = new JsonArray();
            for (int i = 0; i < 1001; i++) {
                big.add(a.getValue(0));
            }
            out.add(Arbitraries.just(attack(op, valid, spot, big.encode(), false, "1001 entries")));
        }
        return out;
    }

    private static Attack attack(Operation op, JsonObject valid, Spot spot, String raw, boolean prefixOnly, String what) {
        return new Attack(op, HostileBodies.replace(valid, spot, HostileBodies.utf8(raw)), spot.field(), prefixOnly, what);
    }

    /** JSON values of every type but the valid value's own. */
    private static List<String> wrongTypes(Object value) {
        List<String> out = new ArrayList<>(List.of("\"text\"", "42", "true", "{}", "[]", "null"));
        out.removeIf(raw -> switch (raw.charAt(0)) {
            case '"' -> value instanceof String;
            case '4' -> value instanceof Number;
            case 't' -> value instanceof Boolean;
            case '{' -> value instanceof JsonObject;
            case '[' -> value instanceof JsonArray;
            default -> false;
        });
        return out;
    }

    private static String brief(String raw) {
        return raw.length() > 20 ? raw.substring(0, 20) + "...(" + raw.length() + ")" : raw;
    }
}
