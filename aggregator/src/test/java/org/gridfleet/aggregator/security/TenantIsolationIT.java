package org.gridfleet.aggregator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.security.ContractOperations.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every operation of the contract, called by another tenant with the victim's ids: the same answer as for
 * ids that do not exist (404, or 403 where the role may not call it at all), no row changed, and lists
 * and the audit log show nothing of the victim. The operations come from the contract, so a new endpoint
 * is swept without being listed here.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TenantIsolationIT {

    private static FuzzTarget victim;
    private static String intruder;
    /** The intruder's short-lived signed token: its claims must not open more than its API key does. */
    private static String intruderJwt;

    @BeforeAll
    static void start() {
        victim = new FuzzTarget(TenantIsolationIT.class);
        intruder = victim.server.tenantToken("intruder", "fleet-owner");
        // the intruder has data of its own, so its lists and audit log are not empty by accident
        victim.server.post(intruder, "/api/v1/sites", new JsonObject().put("name", "intruder-site").put("limitKw", 50.0));
        intruderJwt = victim.server.client.post("/api/v1/auth/token").bearerTokenAuthentication(intruder).send().await()
                .bodyAsJsonObject().getString("accessToken");
    }

    @AfterAll
    static void stop() {
        victim.close();
    }

    private static HttpResponse<Buffer> call(String token, Operation op, Map<String, String> ids) {
        var req = victim.server.client.request(HttpMethod.valueOf(op.method()), op.path(ids)).bearerTokenAuthentication(token);
        return op.hasBody() ? req.sendJsonObject(victim.validBody(op)).await() : req.send().await();
    }

    private static Map<String, String> unknownIds() {
        Map<String, String> ids = new HashMap<>();
        victim.ids.keySet().forEach(k -> ids.put(k, UUID.randomUUID().toString()));
        ids.put("chargerId", "CP-NEVER-REGISTERED");
        return ids;
    }

    @Test
    void everyOperationShouldAnswerAsForUnknownIdsAndChangeNothingWhenCalledWithAnotherTenantsIds() {
        sweepWithVictimIds(intruder);
    }

    @Test
    void everyOperationShouldAnswerAsForUnknownIdsAndChangeNothingWhenAFleetOwnerJwtUsesAnotherTenantsIds() {
        assertThat(intruderJwt).contains(".");
        sweepWithVictimIds(intruderJwt);
    }

    private static void sweepWithVictimIds(String intruderToken) {
        // GIVEN
        List<Operation> ops = ContractOperations.apiV1().stream().filter(op -> !op.pathParams().isEmpty()).toList();
        Map<String, List<String>> before = DatabaseSnapshot.of(victim.server.dataSource);
        for (Operation op : ops) {
            // WHEN
            HttpResponse<Buffer> stolen = call(intruderToken, op, victim.ids);
            HttpResponse<Buffer> unknown = call(intruderToken, op, unknownIds());
            // THEN
            assertThat(stolen.statusCode()).as("%s: %s", op, stolen.bodyAsString()).isIn(403, 404);
            assertThat(stolen.getHeader("content-type")).as(op.toString()).isEqualTo("application/problem+json");
            assertThat(stolen.statusCode()).as(op.toString()).isEqualTo(unknown.statusCode());
            assertThat(stolen.bodyAsJsonObject().getString("detail")).as(op.toString())
                    .isEqualTo(unknown.bodyAsJsonObject().getString("detail"));
        }
        assertThat(DatabaseSnapshot.of(victim.server.dataSource)).isEqualTo(before);
    }

    @Test
    void everyListShouldShowNothingOfTheVictimWhenReadByAnotherTenant() {
        listsShowNothingOfTheVictim(intruder);
    }

    @Test
    void everyListShouldShowNothingOfTheVictimWhenReadWithAnotherTenantsJwt() {
        listsShowNothingOfTheVictim(intruderJwt);
    }

    private static void listsShowNothingOfTheVictim(String intruderToken) {
        // GIVEN
        List<Operation> lists = ContractOperations.apiV1().stream()
                .filter(op -> op.method().equals("GET") && op.pathParams().isEmpty()).toList();
        assertThat(lists).extracting(Operation::operationId).contains("listFleets", "listSites", "listAudit");
        for (Operation op : lists) {
            // WHEN
            HttpResponse<Buffer> r = call(intruderToken, op, Map.of());
            // THEN
            assertThat(r.statusCode()).as(op.toString()).isIn(200, 403);
            assertThat(r.bodyAsString()).as(op.toString()).doesNotContain(victim.ids.values().toArray(String[]::new))
                    .doesNotContain("fuzzed-owner", "depot\"");
        }
        assertThat(victim.server.get(intruderToken, "/api/v1/sites").bodyAsJsonObject().getLong("total")).isEqualTo(1);
    }

    @Test
    void everyFleetOperationShouldAnswer403WhenCalledByAUtility() {
        // GIVEN a utility; the markets API is the one part of /api/v1 that is theirs (MarketsModuleIT)
        String utility = victim.server.tenantToken("grid-utility", "utility");
        Map<String, List<String>> before = DatabaseSnapshot.of(victim.server.dataSource);
        List<Operation> fleetOps = ContractOperations.apiV1().stream()
                .filter(op -> !op.pathTemplate().startsWith("/api/v1/markets")).toList();
        assertThat(fleetOps).extracting(Operation::operationId).contains("listFleets", "createSite");
        for (Operation op : fleetOps) {
            // WHEN
            HttpResponse<Buffer> r = call(utility, op, victim.ids);
            // THEN
            assertThat(r.statusCode()).as("%s: %s", op, r.bodyAsString()).isEqualTo(403);
        }
        assertThat(DatabaseSnapshot.of(victim.server.dataSource)).isEqualTo(before);
    }

    @Test
    void victimShouldStillSeeItsOwnResourcesWhenTheSweepsAreDone() {
        // the sweeps above prove nothing if the victim's ids were wrong to begin with
        for (String path : List.of("/api/v1/fleets/" + victim.ids.get("fleetId"),
                "/api/v1/fleets/" + victim.ids.get("fleetId") + "/vehicles/" + victim.ids.get("vehicleId"),
                "/api/v1/sites/" + victim.ids.get("siteId") + "/chargers/" + victim.ids.get("chargerId"))) {
            assertThat(victim.server.get(victim.owner, path).statusCode()).as(path).isEqualTo(200);
        }
        JsonObject audit = victim.server.get(victim.owner, "/api/v1/audit").bodyAsJsonObject();
        assertThat(audit.getLong("total")).isPositive();
    }
}
