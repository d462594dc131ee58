package org.gridfleet.aggregator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.aggregator.http.RouteModule;
import org.gridfleet.aggregator.markets.DeskFixtures;
import org.gridfleet.aggregator.openadr.OpenAdrConfig;
import org.gridfleet.aggregator.openadr.OpenAdrModule;
import org.gridfleet.aggregator.openadr.OpenAdrVtnConfig;
import org.gridfleet.aggregator.openadr.auth.TokenConfig;
import org.gridfleet.aggregator.openadr.grid.FlexibilitySource;
import org.gridfleet.aggregator.openadr.grid.GridObligationListener;
import org.gridfleet.aggregator.security.ContractOperations.Operation;
import org.gridfleet.aggregator.testsupport.TestServer;

/**
 * A server with one fleet owner's fleet, vehicle, site and charger, a valid body for every operation
 * of the contract, and the checks every hostile request must pass: a problem answer, nothing logged
 * as an error, no row changed.
 */
final class FuzzTarget implements AutoCloseable {

    final TestServer server;
    final String owner;
    final Map<String, String> ids = new HashMap<>();
    private final ErrorLog errors = ErrorLog.attach();

    FuzzTarget(Class<?> testClass) {
        // OpenADR's client registration and the markets API sit under /api/v1 in the same contract, so they are
        // mounted too
        OpenAdrConfig openAdr = new OpenAdrConfig(OpenAdrVtnConfig.ofDefaults("http://127.0.0.1/openadr3"),
                new TokenConfig(Duration.ofMinutes(30), 1000));
        server = TestServer.start(testClass, Clock.systemUTC(), vertx -> {
            List<RouteModule> modules = new ArrayList<>(OpenAdrModule.load(vertx, openAdr,
                    GridObligationListener.NOOP, FlexibilitySource.UNAVAILABLE).await().routeModules());
            modules.add(DeskFixtures.pushOnlyModule(Clock.systemUTC()));
            return modules;
        });
        JsonObject tenant = server.post(TestServer.ADMIN_TOKEN, "/api/v1/tenants",
                new JsonObject().put("name", "fuzzed-owner").put("role", "fleet-owner")).bodyAsJsonObject();
        ids.put("tenantId", tenant.getString("id"));
        owner = server.post(TestServer.ADMIN_TOKEN, "/api/v1/tenants/" + tenant.getString("id") + "/tokens",
                new JsonObject()).bodyAsJsonObject().getString("token");
        ids.put("fleetId", server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "f")).bodyAsJsonObject()
                .getString("id"));
        ids.put("vehicleId", server.post(owner, "/api/v1/fleets/" + ids.get("fleetId") + "/vehicles",
                TestServer.vehicleBody("car")).bodyAsJsonObject().getString("id"));
        ids.put("siteId", server.post(owner, "/api/v1/sites", TestServer.siteBody("depot")).bodyAsJsonObject()
                .getString("id"));
        ids.put("offerId", "pjm-regd@2026-01-15T22:00:00Z");
        ids.put("chargerId", server.post(owner, "/api/v1/sites/" + ids.get("siteId") + "/chargers",
                TestServer.chargerBody("CP-1")).bodyAsJsonObject().getString("id"));
    }

    /**
     * Admin operations (tenants, tokens, OpenADR clients) and the markets API (admin, ops, utility) go in with the
     * admin token, everything else with the fleet owner's.
     */
    String tokenFor(Operation op) {
        return op.pathTemplate().startsWith("/api/v1/tenants") || op.pathTemplate().startsWith("/api/v1/openadr")
                || op.pathTemplate().startsWith("/api/v1/markets") ? TestServer.ADMIN_TOKEN : owner;
    }

    /** A valid body for {@code op}; every field the contract knows is set, so every field gets fuzzed. */
    JsonObject validBody(Operation op) {
        return switch (op.operationId()) {
            case "issueToken" -> new JsonObject();
            case "registerOpenAdrClient" -> new JsonObject().put("clientId", "fuzz-ven").put("role", "VEN")
                    .put("venName", "fuzz-ven-name");
            case "createTenant" -> new JsonObject().put("name", "fuzz-tenant").put("role", "ops");
            case "createFleet", "putFleet" -> new JsonObject().put("name", "renamed");
            case "createVehicle", "putVehicle" -> TestServer.vehicleBody("car2").put("evId", "EVCC-01")
                    .put("chargeNowUntil", "2026-12-01T18:00:00Z");
            case "createSite", "putSite" -> TestServer.siteBody("depot2").put("headroomPct", 7.5);
            case "createCharger" -> TestServer.chargerBody("CP-NEW");
            case "putDegradationBudget" -> new JsonObject().put("kind", "yearly-cost").put("limit", 25.0);
            case "putCharger" -> TestServer.chargerBody(ids.get("chargerId"));
            case "pushMarketAward" -> new JsonObject().put("offerId", ids.get("offerId"))
                    .put("periodStart", "2026-01-15T22:00:00Z").put("periodEnd", "2026-01-15T23:00:00Z")
                    .put("awardedKw", 100.0).put("capabilityClearingPricePerMwh", 20.0)
                    .put("performanceClearingPricePerMw", 1.0);
            case "pushMarketSignal" -> new JsonObject().put("product", "pjm-regd")
                    .put("at", "2026-01-15T22:00:02Z").put("value", 0.1);
            default -> throw new IllegalStateException("no valid body for " + op + ": add one to FuzzTarget");
        };
    }

    HttpResponse<Buffer> send(Operation op, String path, Buffer body, String contentType) {
        var req = server.client.request(HttpMethod.valueOf(op.method()), path).bearerTokenAuthentication(tokenFor(op));
        if (body == null) {
            return req.send().await();
        }
        return req.putHeader("content-type", contentType).sendBuffer(body).await();
    }

    /** Sends {@code body} and checks the answer is one of {@code statuses} as problem+json, no error is logged and no row changed. */
    HttpResponse<Buffer> sendRejected(Operation op, String path, Buffer body, String contentType, Integer... statuses) {
        errors.drain(); // a failed earlier try must not fail this one
        Map<String, List<String>> before = DatabaseSnapshot.of(server.dataSource);
        HttpResponse<Buffer> r = send(op, path, body, contentType);
        assertThat(r.statusCode()).as("%s %s -> %s", op.method(), brief(path), brief(r.bodyAsString())).isIn((Object[]) statuses);
        assertThat(r.getHeader("content-type")).isEqualTo("application/problem+json");
        assertThat(errors.drain()).as("errors logged").isEmpty();
        assertThat(DatabaseSnapshot.of(server.dataSource)).as("rows after %s %s", op.method(), brief(path)).isEqualTo(before);
        return r;
    }

    static String brief(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "...(" + s.length() + " characters)";
    }

    @Override
    public void close() {
        errors.close();
        server.close();
    }
}
