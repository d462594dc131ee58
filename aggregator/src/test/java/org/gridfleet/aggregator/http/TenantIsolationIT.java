package org.gridfleet.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every fleet-owner endpoint, called by another tenant with the victim's ids: 404 and nothing changes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TenantIsolationIT {

    private static TestServer server;
    private static String victim;
    private static String intruder;
    private static String fleet;
    private static String vehicle;
    private static String site;
    private static String charger;

    @BeforeAll
    static void start() {
        server = TestServer.start(TenantIsolationIT.class);
        victim = server.tenantToken("victim", "fleet-owner");
        intruder = server.tenantToken("intruder", "fleet-owner");
        fleet = server.post(victim, "/api/v1/fleets", new JsonObject().put("name", "victim-fleet")).getHeader("Location");
        vehicle = server.post(victim, fleet + "/vehicles", TestServer.vehicleBody("victim-car")).getHeader("Location");
        site = server.post(victim, "/api/v1/sites", TestServer.siteBody("victim-site")).getHeader("Location");
        charger = server.post(victim, site + "/chargers", TestServer.chargerBody("CP-VICTIM")).getHeader("Location");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyEndpointShouldAnswer404AndChangeNothingWhenCalledWithAnotherTenantsIds() {
        // GIVEN
        List<String> resources = List.of(fleet, vehicle, site, charger, fleet + "/vehicles", site + "/chargers");
        List<JsonObject> before = resources.stream().map(r -> server.get(victim, r).bodyAsJsonObject()).toList();
        // WHEN
        List<HttpResponse<Buffer>> answers = List.of(
                server.get(intruder, fleet),
                server.put(intruder, fleet, new JsonObject().put("name", "stolen")),
                server.delete(intruder, fleet),
                server.get(intruder, fleet + "/vehicles"),
                server.post(intruder, fleet + "/vehicles", TestServer.vehicleBody("planted")),
                server.get(intruder, vehicle),
                server.put(intruder, vehicle, TestServer.vehicleBody("stolen")),
                server.delete(intruder, vehicle),
                server.get(intruder, site),
                server.put(intruder, site, TestServer.siteBody("stolen")),
                server.delete(intruder, site),
                server.get(intruder, site + "/chargers"),
                server.post(intruder, site + "/chargers", TestServer.chargerBody("CP-PLANTED")),
                server.get(intruder, charger),
                server.put(intruder, charger, TestServer.chargerBody("CP-VICTIM").put("maxPowerKw", 1.0)),
                server.delete(intruder, charger));
        // THEN
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(404);
            assertThat(r.getHeader("content-type")).isEqualTo("application/problem+json");
        });
        List<JsonObject> after = resources.stream().map(r -> server.get(victim, r).bodyAsJsonObject()).toList();
        assertThat(after).isEqualTo(before);
        assertThat(server.get(intruder, "/api/v1/fleets").bodyAsJsonObject().getLong("total")).isZero();
        assertThat(server.get(intruder, "/api/v1/sites").bodyAsJsonObject().getLong("total")).isZero();
    }

    @Test
    void fleetOwnerShouldSeeOnlyOwnFleetsInLists() {
        // WHEN
        JsonObject victimList = server.get(victim, "/api/v1/fleets").bodyAsJsonObject();
        // THEN
        assertThat(victimList.getLong("total")).isEqualTo(1);
        assertThat(victimList.getJsonArray("items").getJsonObject(0).getString("name")).isEqualTo("victim-fleet");
    }
}
