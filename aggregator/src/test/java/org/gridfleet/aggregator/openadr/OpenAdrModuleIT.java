package org.gridfleet.aggregator.openadr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.gridfleet.aggregator.http.ApiContext;
import org.gridfleet.aggregator.http.RouteModule;
import org.gridfleet.aggregator.openadr.auth.TokenConfig;
import org.gridfleet.aggregator.openadr.grid.DispatchOverlay;
import org.gridfleet.aggregator.openadr.grid.FlexibilitySource;
import org.gridfleet.aggregator.openadr.grid.GridObligation;
import org.gridfleet.aggregator.openadr.grid.GridTarget;
import org.gridfleet.aggregator.openadr.grid.ObligationBoard;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.gridfleet.market.dr.DemandResponseLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenADR mounted in the real Gridfleet server exactly as {@code gridfleet serve} mounts it: clients registered
 * through the Gridfleet API with the admin token, OAuth2 tokens from {@code /openadr3/auth/token}, a utility's
 * event landing on the {@link ObligationBoard} and in the dispatcher's {@link DemandResponseLimits}. Every
 * OpenADR reply is checked against the official 3.0.1 contract.
 */
class OpenAdrModuleIT {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Instant T17 = Instant.parse("2026-11-28T17:00:00Z");
    private static final Instant T18 = Instant.parse("2026-11-28T18:00:00Z");

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final OpenAdrConfig CONFIG = new OpenAdrConfig(OpenAdrVtnConfig.ofDefaults("http://127.0.0.1/openadr3"),
            new TokenConfig(Duration.ofMinutes(30), 1000));
    private static final ObligationBoard BOARD = new ObligationBoard();
    private static OpenAdrModule module;
    private static TestServer server;
    private static ContractCheck contract;

    @BeforeAll
    static void start() {
        server = TestServer.start(OpenAdrModuleIT.class, CLOCK, vertx -> {
            module = OpenAdrModule.load(vertx, CONFIG, BOARD, FlexibilitySource.UNAVAILABLE).await();
            return module.routeModules();
        });
        contract = ContractCheck.load(server.vertx).await();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Registers through {@code POST /api/v1/openadr/clients}; returns the reply. */
    private static HttpResponse<Buffer> register(String bearerToken, String clientId, String role, String venName) {
        JsonObject body = new JsonObject().put("clientId", clientId).put("role", role);
        if (venName != null) {
            body.put("venName", venName);
        }
        return server.post(bearerToken, OpenAdrModule.CLIENTS_PATH, body);
    }

    /** Registers with the admin token and trades the secret for an access token. */
    private static String tokenOf(String clientId, String role, String venName) {
        HttpResponse<Buffer> registered = register(TestServer.ADMIN_TOKEN, clientId, role, venName);
        assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
        assertThat(registered.bodyAsJsonObject().getString("clientId")).isEqualTo(clientId);
        HttpResponse<Buffer> token = server.client.post(OpenAdrVtn.MOUNT_PATH + "/auth/token")
                .sendForm(MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials")
                        .add("client_id", clientId).add("client_secret",
                                registered.bodyAsJsonObject().getString("clientSecret")))
                .await();
        return checked("fetchToken", token).bodyAsJsonObject().getString("access_token");
    }

    private static HttpResponse<Buffer> openAdr(String operationId, HttpRequest<Buffer> request, String token,
                                                JsonObject body) {
        request.bearerTokenAuthentication(token);
        return checked(operationId, (body == null ? request.send() : request.sendJsonObject(body)).await());
    }

    private static HttpResponse<Buffer> checked(String operationId, HttpResponse<Buffer> reply) {
        contract.response(operationId, reply.statusCode(), reply.getHeader("Content-Type"), reply.body()).await();
        return reply;
    }

    private static JsonObject capEvent(String programId, String siteId, double kw) {
        return new JsonObject().put("programID", programId).put("eventName", "evening-peak")
                .put("targets", new JsonArray().add(new JsonObject().put("type", "RESOURCE_NAME")
                        .put("values", new JsonArray().add(siteId))))
                .put("intervalPeriod", new JsonObject().put("start", T17.toString()).put("duration", "PT1H"))
                .put("intervals", new JsonArray().add(new JsonObject().put("id", 0).put("payloads", new JsonArray()
                        .add(new JsonObject().put("type", "IMPORT_CAPACITY_LIMIT").put("values", new JsonArray().add(kw))))));
    }

    @Test
    void registerShouldAnswer401And403AndStoreNothingWhenCallerIsNotAdmin() {
        // WHEN an anonymous caller and a fleet owner try to register a BL client
        HttpResponse<Buffer> anonymous = server.client.post(OpenAdrModule.CLIENTS_PATH)
                .sendJsonObject(new JsonObject().put("clientId", "sneaky").put("role", "BL")).await();
        HttpResponse<Buffer> fleetOwner = register(server.tenantToken("acme", "fleet-owner"), "sneaky", "BL", null);
        // THEN they get Gridfleet problems
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(fleetOwner.statusCode()).isEqualTo(403);
        assertThat(fleetOwner.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(fleetOwner.bodyAsJsonObject().getString("detail")).contains("admin");
        // AND the client id is still free: the admin can take it
        assertThat(register(TestServer.ADMIN_TOKEN, "sneaky", "BL", null).statusCode()).isEqualTo(201);
    }

    @Test
    void createEventShouldPutSiteCapOnBoardAndIntoDispatcherLimitsWhenUtilityPostsImportCapacityLimit() {
        // GIVEN a utility (BL) and a VEN client registered by the Gridfleet admin, with OAuth2 tokens
        String utility = tokenOf("utility-north", "BL", null);
        String ven = tokenOf("depot-ven", "VEN", "depot-ven");
        // AND a program
        HttpResponse<Buffer> program = openAdr("createProgram", server.client.post("/openadr3/programs"), utility,
                new JsonObject().put("programName", "evening-peak-north"));
        assertThat(program.statusCode()).isEqualTo(201);

        // WHEN the utility posts a 17:00-18:00 import cap of 150 kW for site depot
        HttpResponse<Buffer> event = openAdr("createEvent", server.client.post("/openadr3/events"), utility,
                capEvent(program.bodyAsJsonObject().getString("id"), "depot", 150.0));

        // THEN the event is created and the board holds the cap for that site over exactly that window
        assertThat(event.statusCode()).isEqualTo(201);
        String eventId = event.bodyAsJsonObject().getString("id");
        GridObligation cap = new GridObligation.ImportCapacityLimit(eventId, new GridTarget.Site("depot"), T17, T18, 150.0);
        assertThat(BOARD.ofEvent(eventId)).containsExactly(cap);
        assertThat(BOARD.inForceAtSite("depot", T17.plusSeconds(1800))).containsExactly(cap);
        assertThat(BOARD.inForceAtSite("depot", T18)).isEmpty();
        assertThat(BOARD.inForceAtSite("harbour", T17)).isEmpty();
        // AND the dispatcher's limits cap depot import at 150 kW during the window only
        DemandResponseLimits limits = DispatchOverlay.of(BOARD.all()).limits();
        assertThat(limits.maxKw("depot", T17)).isEqualTo(150.0);
        assertThat(limits.maxKw("depot", T18)).isEqualTo(Double.POSITIVE_INFINITY);

        // AND a VEN token may not write events (scope write_events)
        HttpResponse<Buffer> venWrite = openAdr("createEvent", server.client.post("/openadr3/events"), ven,
                capEvent(program.bodyAsJsonObject().getString("id"), "depot", 1.0));
        assertThat(venWrite.statusCode()).isEqualTo(403);
        assertThat(BOARD.inForceAtSite("depot", T17)).containsExactly(cap);

        // AND without a flexibility source Gridfleet publishes no report rather than invented numbers
        assertThatThrownBy(() -> module.publishReport(eventId).await()).hasMessageContaining("no flexibility source");
        HttpResponse<Buffer> reports = openAdr("searchAllReports", server.client.get("/openadr3/reports"), utility, null);
        assertThat(reports.bodyAsJsonArray()).isEmpty();

        // WHEN the utility deletes the event THEN the cap leaves the board and the limits
        HttpResponse<Buffer> deleted = openAdr("deleteEvent", server.client.delete("/openadr3/events/" + eventId),
                utility, null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(BOARD.ofEvent(eventId)).isEmpty();
        assertThat(BOARD.inForceAtSite("depot", T17)).isEmpty();
        assertThat(DispatchOverlay.of(BOARD.all()).limits().maxKw("depot", T17)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void obligationsRestoredShouldPutStoredEventsOnAFreshBoardWhenTheModuleIsMountedAgain() {
        // GIVEN an 80 kW import cap for site yard stored through the running server
        String utility = tokenOf("utility-south", "BL", null);
        String programId = openAdr("createProgram", server.client.post("/openadr3/programs"), utility,
                new JsonObject().put("programName", "evening-peak-south")).bodyAsJsonObject().getString("id");
        String eventId = openAdr("createEvent", server.client.post("/openadr3/events"), utility,
                capEvent(programId, "yard", 80.0)).bodyAsJsonObject().getString("id");

        // WHEN the module is mounted again over the same database with an empty board, as after a restart
        ObligationBoard fresh = new ObligationBoard();
        OpenAdrModule restarted = OpenAdrModule.load(server.vertx, CONFIG, fresh, FlexibilitySource.UNAVAILABLE).await();
        RouteModule vtnRoutes = restarted.routeModules().stream()
                .filter(m -> m.mountPoint().equals(OpenAdrVtn.MOUNT_PATH)).findFirst().orElseThrow();
        vtnRoutes.router(server.vertx, new ApiContext(CLOCK, server.dataSource, null, null, null, null));

        // THEN the stored cap is back on the new board
        assertThat(restarted.obligationsRestored().await()).isPositive();
        assertThat(fresh.ofEvent(eventId)).containsExactly(
                new GridObligation.ImportCapacityLimit(eventId, new GridTarget.Site("yard"), T17, T18, 80.0));
    }
}
