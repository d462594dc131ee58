package org.gridfleet.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FleetApiIT {

    private static TestServer server;
    private static String owner;

    @BeforeAll
    static void start() {
        server = TestServer.start(FleetApiIT.class, 8 * 1024);
        owner = server.tenantToken("acme-fleet", "fleet-owner");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void postShouldAnswer201WithLocationWhenFleetIsValid() {
        // WHEN
        HttpResponse<Buffer> r = server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "vans"));
        // THEN
        assertThat(r.statusCode()).isEqualTo(201);
        String id = r.bodyAsJsonObject().getString("id");
        assertThat(r.getHeader("Location")).isEqualTo("/api/v1/fleets/" + id);
        assertThat(server.get(owner, r.getHeader("Location")).bodyAsJsonObject().getString("name")).isEqualTo("vans");
    }

    @Test
    void vehicleShouldRoundTripEveryFieldWhenCreatedReadAndReplaced() {
        // GIVEN
        String fleet = server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "buses")).getHeader("Location");
        JsonObject body = TestServer.vehicleBody("bus-1").put("evId", "EVCC-00AA11").put("chargeNowUntil", "2026-11-28T18:00:00Z");
        // WHEN
        HttpResponse<Buffer> created = server.post(owner, fleet + "/vehicles", body);
        // THEN
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        JsonObject read = server.get(owner, created.getHeader("Location")).bodyAsJsonObject();
        for (String field : body.fieldNames()) {
            assertThat(read.getValue(field)).as(field).isEqualTo(body.getValue(field));
        }
        // WHEN replaced twice with the same body (idempotent PUT)
        JsonObject changed = body.copy().put("reserveSoc", 0.4).put("v2g", new JsonObject().put("mode", "off"));
        changed.remove("chargeNowUntil");
        HttpResponse<Buffer> put1 = server.put(owner, created.getHeader("Location"), changed);
        HttpResponse<Buffer> put2 = server.put(owner, created.getHeader("Location"), changed);
        // THEN
        assertThat(put1.statusCode()).isEqualTo(200);
        assertThat(put2.statusCode()).isEqualTo(200);
        JsonObject after = server.get(owner, created.getHeader("Location")).bodyAsJsonObject();
        assertThat(after.getDouble("reserveSoc")).isEqualTo(0.4);
        assertThat(after.getJsonObject("v2g")).isEqualTo(new JsonObject().put("mode", "off"));
        assertThat(after.containsKey("chargeNowUntil")).isFalse();
        assertThat(after.getString("createdAt")).isEqualTo(read.getString("createdAt"));
    }

    @Test
    void postShouldAnswerProblemNamingFieldAndStoreNothingWhenVehicleIsInvalid() {
        // GIVEN
        String fleet = server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "trucks")).getHeader("Location");
        JsonArray badPlan = new JsonArray().add(new JsonObject().put("day", "MONDAY").put("time", "07:30").put("targetSoc", 1.7));
        // WHEN
        HttpResponse<Buffer> r = server.post(owner, fleet + "/vehicles", TestServer.vehicleBody("t1").put("departurePlan", badPlan));
        HttpResponse<Buffer> below = server.post(owner, fleet + "/vehicles", TestServer.vehicleBody("t2")
                .put("departurePlan", new JsonArray().add(new JsonObject().put("day", "MONDAY").put("time", "07:30")
                        .put("targetSoc", 0.1))));
        HttpResponse<Buffer> noId = server.post(owner, fleet + "/vehicles", TestServer.vehicleBody("t3").putNull("idToken"));
        // THEN
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.getHeader("content-type")).isEqualTo("application/problem+json");
        assertThat(r.bodyAsJsonObject().getString("field")).isEqualTo("departurePlan[0].targetSoc");
        assertThat(below.statusCode()).isEqualTo(400);
        assertThat(below.bodyAsJsonObject().getString("field")).isEqualTo("departurePlan[0].targetSoc");
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(server.get(owner, fleet + "/vehicles").bodyAsJsonObject().getLong("total")).isZero();
    }

    @Test
    void putShouldLeaveVehicleUnchangedWhenBodyIsInvalid() {
        // GIVEN
        String fleet = server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "cars")).getHeader("Location");
        String vehicle = server.post(owner, fleet + "/vehicles", TestServer.vehicleBody("car-1")).getHeader("Location");
        JsonObject before = server.get(owner, vehicle).bodyAsJsonObject();
        // WHEN
        HttpResponse<Buffer> r = server.put(owner, vehicle, TestServer.vehicleBody("car-1").put("chemistry", "LEAD"));
        // THEN
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("field")).isEqualTo("chemistry");
        assertThat(server.get(owner, vehicle).bodyAsJsonObject()).isEqualTo(before);
    }

    @Test
    void listShouldPageWithTotalAndNextLinkWhenMoreItemsExist() {
        // GIVEN
        String fleet = server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "paged")).getHeader("Location");
        for (int i = 0; i < 5; i++) {
            assertThat(server.post(owner, fleet + "/vehicles", TestServer.vehicleBody("v" + i)).statusCode()).isEqualTo(201);
        }
        // WHEN
        JsonObject page1 = server.get(owner, fleet + "/vehicles?limit=2").bodyAsJsonObject();
        JsonObject page3 = server.get(owner, fleet + "/vehicles?limit=2&offset=4").bodyAsJsonObject();
        // THEN
        assertThat(page1.getLong("total")).isEqualTo(5);
        assertThat(page1.getJsonArray("items")).hasSize(2);
        assertThat(page1.getString("next")).isEqualTo(fleet + "/vehicles?limit=2&offset=2");
        assertThat(page3.getJsonArray("items")).hasSize(1);
        assertThat(page3.containsKey("next")).isFalse();
        assertThat(server.get(owner, fleet + "/vehicles?limit=0").bodyAsJsonObject().getString("field")).isEqualTo("limit");
    }

    @Test
    void siteAndChargerShouldBeCreatedWithDefaultsAndNeverExposePassword() {
        // WHEN
        HttpResponse<Buffer> site = server.post(owner, "/api/v1/sites", TestServer.siteBody("depot"));
        HttpResponse<Buffer> charger = server.post(owner, site.getHeader("Location") + "/chargers", TestServer.chargerBody("CP-FA-1"));
        HttpResponse<Buffer> duplicate = server.post(owner, site.getHeader("Location") + "/chargers", TestServer.chargerBody("CP-FA-1"));
        // THEN
        assertThat(site.statusCode()).isEqualTo(201);
        assertThat(site.bodyAsJsonObject().getDouble("headroomPct")).isEqualTo(5.0);
        assertThat(charger.statusCode()).as(charger.bodyAsString()).isEqualTo(201);
        assertThat(charger.getHeader("Location")).isEqualTo(site.getHeader("Location") + "/chargers/CP-FA-1");
        JsonObject read = server.get(owner, charger.getHeader("Location")).bodyAsJsonObject();
        assertThat(read.getString("dischargeCapability")).isEqualTo("ocpp21");
        assertThat(read.containsKey("password")).isFalse();
        assertThat(charger.bodyAsString()).doesNotContain("s3cret");
        assertThat(duplicate.statusCode()).isEqualTo(409);
    }

    @Test
    void nestedLimitShouldBeRejectedNamingFieldWhenAboveSiteLimit() {
        // GIVEN
        JsonObject body = TestServer.siteBody("small");
        body.getJsonArray("nestedLimits").getJsonObject(0).put("limitKw", 500.0);
        // WHEN
        HttpResponse<Buffer> r = server.post(owner, "/api/v1/sites", body);
        // THEN
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("field")).isEqualTo("nestedLimits[0].limitKw");
    }

    @Test
    void deleteShouldAnswer204ThenReadsAnswer404() {
        // GIVEN
        String fleet = server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "gone")).getHeader("Location");
        String vehicle = server.post(owner, fleet + "/vehicles", TestServer.vehicleBody("x")).getHeader("Location");
        // WHEN
        int status = server.delete(owner, fleet).statusCode();
        // THEN
        assertThat(status).isEqualTo(204);
        assertThat(server.get(owner, fleet).statusCode()).isEqualTo(404);
        assertThat(server.get(owner, vehicle).statusCode()).isEqualTo(404);
        assertThat(server.delete(owner, fleet).statusCode()).isEqualTo(404);
    }

    @Test
    void requestsShouldAnswer401WhenTokenIsMissingOrUnknown() {
        // WHEN
        HttpResponse<Buffer> none = server.client.get("/api/v1/fleets").send().await();
        HttpResponse<Buffer> unknown = server.get("gf_not-a-real-token", "/api/v1/fleets");
        // THEN
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.getHeader("content-type")).isEqualTo("application/problem+json");
        assertThat(unknown.statusCode()).isEqualTo(401);
    }

    @Test
    void rolesShouldBeEnforcedWhenCallerLacksPermission() {
        // GIVEN
        String utility = server.tenantToken("grid-co", "utility");
        String ops = server.tenantToken("ops-team", "ops");
        String fleet = server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "seen-by-ops")).getHeader("Location");
        // WHEN / THEN
        assertThat(server.get(utility, "/api/v1/fleets").statusCode()).isEqualTo(403);
        assertThat(server.get(ops, fleet).statusCode()).isEqualTo(200);
        assertThat(server.post(ops, "/api/v1/fleets", new JsonObject().put("name", "no")).statusCode()).isEqualTo(403);
        assertThat(server.post(owner, "/api/v1/tenants", new JsonObject().put("name", "x").put("role", "admin")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void postShouldAnswer413WhenBodyExceedsLimit() {
        // WHEN
        HttpResponse<Buffer> r = server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "x".repeat(20_000)));
        // THEN
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.getHeader("content-type")).isEqualTo("application/problem+json");
    }

    @Test
    void contractShouldRejectUnknownFieldNamingIt() {
        // WHEN
        HttpResponse<Buffer> r = server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "a").put("colour", "red"));
        // THEN
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("detail")).contains("colour");
    }
}
