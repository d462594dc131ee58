package org.gridfleet.aggregator.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every control action leaves one audit entry with who, when, before and after; secrets and identifiers never. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuditLogIT {

    private static TestServer server;
    private static String owner;
    private static String ownerTenant;
    private static String other;

    @BeforeAll
    static void start() {
        server = TestServer.start(AuditLogIT.class);
        JsonObject t = server.post(TestServer.ADMIN_TOKEN, "/api/v1/tenants",
                new JsonObject().put("name", "audited").put("role", "fleet-owner")).bodyAsJsonObject();
        ownerTenant = t.getString("id");
        owner = server.post(TestServer.ADMIN_TOKEN, "/api/v1/tenants/" + ownerTenant + "/tokens", new JsonObject())
                .bodyAsJsonObject().getString("token");
        other = server.tenantToken("other-owner", "fleet-owner");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The newest entry the admin sees for {@code resource}. */
    private static JsonObject latest(String resource) {
        JsonArray items = server.get(TestServer.ADMIN_TOKEN, "/api/v1/audit?limit=500").bodyAsJsonObject().getJsonArray("items");
        return items.stream().map(JsonObject.class::cast).filter(e -> e.getString("resource").equals(resource))
                .findFirst().orElseThrow(() -> new AssertionError("no audit entry for " + resource));
    }

    @Test
    void siteLimitChangeShouldBeLoggedWithWhoBeforeAndAfterWhenOwnerPutsTheSite() {
        // GIVEN
        String site = server.post(owner, "/api/v1/sites", TestServer.siteBody("depot")).getHeader("Location");
        // WHEN
        HttpResponse<Buffer> r = server.put(owner, site, TestServer.siteBody("depot").put("limitKw", 150.0));
        // THEN
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject e = latest(site);
        assertThat(e.getString("action")).isEqualTo("site.update");
        assertThat(e.getString("tenantId")).isEqualTo(ownerTenant);
        assertThat(e.getJsonObject("actor").getString("tenantId")).isEqualTo(ownerTenant);
        assertThat(e.getJsonObject("actor").getString("role")).isEqualTo("fleet-owner");
        assertThat(e.getJsonObject("actor").getString("tokenId")).isNotBlank();
        assertThat(e.getJsonObject("before").getDouble("limitKw")).isEqualTo(200.0);
        assertThat(e.getJsonObject("after").getDouble("limitKw")).isEqualTo(150.0);
        assertThat(e.getString("at")).isNotBlank();
    }

    @Test
    void vehicleConsentChangeShouldBeLoggedWithoutPersonalIdentifiersWhenOwnerPutsTheVehicle() {
        // GIVEN
        String fleet = server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "vans")).getHeader("Location");
        String car = server.post(owner, fleet + "/vehicles", TestServer.vehicleBody("Alice's car")).getHeader("Location");
        // WHEN
        server.put(owner, car, TestServer.vehicleBody("Bob's car").put("reserveSoc", 0.4)
                .put("v2g", new JsonObject().put("mode", "off")));
        // THEN
        JsonObject e = latest(car);
        assertThat(e.getString("action")).isEqualTo("vehicle.update");
        assertThat(e.getJsonObject("before").getJsonObject("v2g").getString("mode")).isEqualTo("degradation-budget");
        assertThat(e.getJsonObject("after").getJsonObject("v2g").getString("mode")).isEqualTo("off");
        assertThat(e.getJsonObject("after").getDouble("reserveSoc")).isEqualTo(0.4);
        assertThat(e.getJsonObject("after").getJsonArray("identifiersChanged")).containsExactly("name", "idToken");
        assertThat(e.encode()).doesNotContain("Alice", "Bob", "RFID-");
    }

    @Test
    void chargerPasswordChangeShouldBeLoggedWithoutThePasswordWhenOwnerPutsTheCharger() {
        // GIVEN
        String site = server.post(owner, "/api/v1/sites", TestServer.siteBody("yard")).getHeader("Location");
        String charger = server.post(owner, site + "/chargers", TestServer.chargerBody("CP-AUDIT")).getHeader("Location");
        JsonObject created = latest(charger);
        // WHEN
        server.put(owner, charger, TestServer.chargerBody("CP-AUDIT").put("password", "a-brand-new-secret-42"));
        // THEN
        assertThat(created.getString("action")).isEqualTo("charger.create");
        JsonObject e = latest(charger);
        assertThat(e.getString("action")).isEqualTo("charger.update");
        assertThat(e.getJsonObject("after").getBoolean("passwordChanged")).isTrue();
        assertThat(created.encode() + e.encode()).doesNotContain("s3cret-password-123", "a-brand-new-secret-42");
    }

    @Test
    void tokenIssueShouldBeLoggedWithoutTheTokenWhenAdminIssuesOne() {
        // WHEN
        JsonObject issued = server.post(TestServer.ADMIN_TOKEN, "/api/v1/tenants/" + ownerTenant + "/tokens", new JsonObject())
                .bodyAsJsonObject();
        // THEN
        JsonObject e = latest("/api/v1/tenants/" + ownerTenant + "/tokens/" + issued.getString("id"));
        assertThat(e.getString("action")).isEqualTo("token.issue");
        assertThat(e.getJsonObject("actor").getString("role")).isEqualTo("admin");
        assertThat(e.getString("tenantId")).isEqualTo(ownerTenant);
        assertThat(e.encode()).doesNotContain(issued.getString("token"));
    }

    @Test
    void listShouldShowAFleetOwnerOnlyItsOwnEntriesWhenAnotherTenantActedToo() {
        // GIVEN
        server.post(other, "/api/v1/fleets", new JsonObject().put("name", "not-yours"));
        server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "mine"));
        // WHEN
        JsonObject page = server.get(owner, "/api/v1/audit?limit=500").bodyAsJsonObject();
        // THEN
        assertThat(page.getJsonArray("items")).isNotEmpty().allSatisfy(o ->
                assertThat(((JsonObject) o).getString("tenantId")).isEqualTo(ownerTenant));
        assertThat(page.encode()).doesNotContain("not-yours");
        assertThat(server.get(TestServer.ADMIN_TOKEN, "/api/v1/audit?limit=500").bodyAsString()).contains("not-yours");
    }

    @Test
    void listShouldPageNewestFirstWhenLimitIsSmall() {
        // GIVEN
        server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "p1"));
        server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "p2"));
        // WHEN
        JsonObject first = server.get(owner, "/api/v1/audit?limit=1").bodyAsJsonObject();
        JsonObject second = server.get(owner, first.getString("next")).bodyAsJsonObject();
        // THEN
        long seq1 = first.getJsonArray("items").getJsonObject(0).getLong("seq");
        long seq2 = second.getJsonArray("items").getJsonObject(0).getLong("seq");
        assertThat(seq1).isGreaterThan(seq2);
        assertThat(first.getLong("total")).isEqualTo(second.getLong("total")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void listShouldAnswer403WhenCallerIsAUtility() {
        // GIVEN
        String utility = server.tenantToken("grid-co", "utility");
        // WHEN
        HttpResponse<Buffer> r = server.get(utility, "/api/v1/audit");
        // THEN
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.getHeader("content-type")).isEqualTo("application/problem+json");
    }

    @Test
    void auditLogShouldRefuseUpdateDeleteAndTruncateWhenTriedInTheDatabase() throws SQLException {
        // GIVEN
        server.post(owner, "/api/v1/fleets", new JsonObject().put("name", "tamper"));
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement()) {
            // WHEN / THEN
            for (String sql : List.of("UPDATE audit_log SET action = 'nothing'", "DELETE FROM audit_log",
                    "TRUNCATE audit_log")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).hasMessageContaining("append-only");
            }
        }
    }
}
