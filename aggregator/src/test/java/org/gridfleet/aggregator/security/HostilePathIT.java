package org.gridfleet.aggregator.security;

import io.vertx.core.buffer.Buffer;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.gridfleet.aggregator.security.ContractOperations.Operation;

/**
 * Every operation of the contract with one path id replaced by a hostile one (encoded slashes and dots,
 * NUL, invalid percent-encoding, SQL, very long, unknown): a 400 or 404 problem, nothing logged as an
 * error, no row changed. The body, where there is one, is valid, so only the id is wrong. Query
 * parameters get the same treatment and must be named in the problem.
 */
class HostilePathIT {

    private static FuzzTarget target;

    /** Raw path segments, already percent-encoded as a client would send them. */
    private static final String[] HOSTILE_IDS = {"..", ".", "%2e%2e", "%2E", "..%2F..%2Ftenants", "%2F", "a%2Fb",
            "%5C..%5C", "%00", "CP-1%00", "%ff", "%C3%28", "%", "%zz", "%27%20OR%20%271%27%3D%271", "*", "%20",
            "x".repeat(1000), "%F0%9F%9A%90", "00000000-0000-0000-0000-000000000000",
            "7cce042a-acad-4ebb-bba3-1600ba3b954c", "CP-UNKNOWN", "%7B%7D", "null", "-1"};

    /** Raw query values, already percent-encoded; none is valid for any query parameter of the contract. */
    private static final String[] HOSTILE_VALUES = {"abc", "-1", "99999999999999999999", "1e3", "1.5", "0x10", "NaN",
            "%00", "%ff", "%", "1%20OR%201%3D1", "%27", "x".repeat(1000), "%5B%5D", "true"};

    record Attack(Operation op, String param, String id) {
        @Override
        public String toString() {
            return op + " with " + param + "=" + FuzzTarget.brief(id);
        }
    }

    @BeforeContainer
    static void start() {
        target = new FuzzTarget(HostilePathIT.class);
    }

    @AfterContainer
    static void stop() {
        target.close();
    }

    @Property(tries = 250)
    void requestShouldAnswer400Or404AndChangeNothingWhenAPathIdIsHostile(@ForAll("attacks") Attack attack) {
        // GIVEN
        Map<String, String> ids = new HashMap<>(target.ids);
        ids.put(attack.param(), attack.id());
        Buffer body = attack.op().hasBody() ? target.validBody(attack.op()).toBuffer() : null;
        // WHEN / THEN
        target.sendRejected(attack.op(), attack.op().path(ids), body, "application/json", 400, 404);
    }

    @Property(tries = 120)
    void requestShouldAnswer400NamingTheParameterAndChangeNothingWhenAQueryValueIsHostile(
            @ForAll("queryAttacks") Attack attack) {
        // WHEN
        var r = target.sendRejected(attack.op(), attack.op().path(target.ids) + "?" + attack.param() + "=" + attack.id(),
                null, "application/json", 400);
        // THEN
        org.assertj.core.api.Assertions.assertThat(r.bodyAsJsonObject().getString("field")).isEqualTo(attack.param());
    }

    @Provide
    Arbitrary<Attack> queryAttacks() {
        return Arbitraries.of(ContractOperations.apiV1().stream().filter(op -> !op.queryParams().isEmpty()).toList())
                .flatMap(op -> Combinators.combine(Arbitraries.of(op.queryParams()), Arbitraries.of(HOSTILE_VALUES))
                        .as((param, value) -> new Attack(op, param, value)));
    }

    @Provide
    Arbitrary<Attack> attacks() {
        return Arbitraries.of(ContractOperations.apiV1().stream().filter(op -> !op.pathParams().isEmpty()).toList())
                .flatMap(op -> Combinators.combine(Arbitraries.of(op.pathParams()), Arbitraries.of(HOSTILE_IDS))
                        .as((param, id) -> new Attack(op, param, id)));
    }
}
