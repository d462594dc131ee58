package org.gridfleet.aggregator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.auth.ApiTokens;
import org.gridfleet.aggregator.auth.SigningKey;
import org.gridfleet.aggregator.auth.TokenExchangeApi;
import org.gridfleet.aggregator.dispatch.SettableClock;
import org.gridfleet.aggregator.openadr.OpenAdrConfig;
import org.gridfleet.aggregator.openadr.OpenAdrModule;
import org.gridfleet.aggregator.openadr.OpenAdrVtnConfig;
import org.gridfleet.aggregator.openadr.auth.TokenConfig;
import org.gridfleet.aggregator.openadr.grid.FlexibilitySource;
import org.gridfleet.aggregator.openadr.grid.GridObligationListener;
import org.gridfleet.aggregator.tenant.Principal;
import org.gridfleet.aggregator.tenant.Role;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Signed short-lived tokens on the wire: an API key is traded for a JWT at {@code POST /api/v1/auth/token},
 * the JWT works until it expires, and every forged, expired or tampered token gets 401 saying why and
 * changes nothing. The OpenADR VTN's {@code auth/token} issues the same kind of token for its own audience.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JwtAuthIT {

    private static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-11-28T12:00:00Z"));
    private static final Duration OPENADR_LIFETIME = Duration.ofMinutes(30);
    private static TestServer server;
    private static String ownerKey;

    @BeforeAll
    static void start() {
        OpenAdrConfig openAdr = new OpenAdrConfig(OpenAdrVtnConfig.ofDefaults("http://127.0.0.1/openadr3"),
                new TokenConfig(OPENADR_LIFETIME, 1000));
        server = TestServer.start(JwtAuthIT.class, CLOCK, vertx -> OpenAdrModule.load(vertx, openAdr,
                GridObligationListener.NOOP, FlexibilitySource.UNAVAILABLE).await().routeModules());
        ownerKey = server.tenantToken("jwt-owner", "fleet-owner");
        server.post(ownerKey, "/api/v1/fleets", new JsonObject().put("name", "owned"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void refillEveryBudget() {
        CLOCK.advance(Duration.ofHours(1));
    }

    private static HttpResponse<Buffer> exchange(String bearer) {
        return server.client.post("/api/v1/auth/token").bearerTokenAuthentication(bearer).send().await();
    }

    private static String jwtFor(String apiKey) {
        HttpResponse<Buffer> r = exchange(apiKey);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject().getString("accessToken");
    }

    private static String segment(String jwt, int i) {
        return jwt.split("\\.", -1)[i];
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject claims(String jwt) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(segment(jwt, 1)), StandardCharsets.UTF_8));
    }

    @Test
    void exchangeShouldIssueAJwtWithTenantAndRoleThatReadsTheOwnersFleetsWhenGivenTheApiKey() {
        // GIVEN
        JsonObject ownFleets = server.get(ownerKey, "/api/v1/fleets").bodyAsJsonObject();
        // WHEN
        HttpResponse<Buffer> r = exchange(ownerKey);
        // THEN
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("Cache-Control")).isEqualTo("no-store");
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getString("tokenType")).isEqualTo("Bearer");
        assertThat(body.getLong("expiresIn")).isEqualTo(ApiTokens.DEFAULT_LIFETIME.toSeconds());
        assertThat(Instant.parse(body.getString("expiresAt"))).isEqualTo(CLOCK.instant().plus(ApiTokens.DEFAULT_LIFETIME));
        assertThat(body.getString("role")).isEqualTo("fleet-owner");
        String jwt = body.getString("accessToken");
        assertThat(new JsonObject(new String(Base64.getUrlDecoder().decode(segment(jwt, 0)), StandardCharsets.UTF_8))
                .getString("alg")).isEqualTo("HS256");
        JsonObject claims = claims(jwt);
        assertThat(claims.getString("tenant")).isEqualTo(body.getString("tenantId"));
        assertThat(claims.getString("role")).isEqualTo("fleet-owner");
        assertThat(claims.getString("aud")).isEqualTo(ApiTokens.AUDIENCE);
        HttpResponse<Buffer> read = server.get(jwt, "/api/v1/fleets");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.bodyAsJsonObject()).isEqualTo(ownFleets);
    }

    @Test
    void jwtShouldBeAcceptedUntilItExpiresAndThenAnswer401SayingSo() {
        // GIVEN
        String jwt = jwtFor(ownerKey);
        CLOCK.advance(ApiTokens.DEFAULT_LIFETIME.minusSeconds(1));
        assertThat(server.get(jwt, "/api/v1/fleets").statusCode()).isEqualTo(200);
        // WHEN
        CLOCK.advance(Duration.ofSeconds(1));
        HttpResponse<Buffer> r = server.get(jwt, "/api/v1/fleets");
        // THEN
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.bodyAsJsonObject().getString("detail")).contains("expired at");
        assertThat(server.get(ownerKey, "/api/v1/fleets").statusCode()).as("the API key still works").isEqualTo(200);
    }

    @Test
    void refusedJwtsShouldAnswer401NamingTheDefectAndChangeNothing() {
        // GIVEN
        String valid = jwtFor(ownerKey);
        JsonObject claims = claims(valid);
        Principal owner = new Principal(UUID.fromString(claims.getString("tenant")), Role.FLEET_OWNER,
                UUID.fromString(claims.getString("sub")));
        String foreignKey = new ApiTokens(SigningKey.random(new SecureRandom()), ApiTokens.DEFAULT_LIFETIME, CLOCK)
                .issue(owner).accessToken();
        String algNone = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + segment(valid, 1) + ".";
        String tampered = segment(valid, 0) + "." + b64(claims.copy().put("role", "admin").encode()) + "."
                + segment(valid, 2);
        String otherAlg = b64("{\"alg\":\"HS512\",\"typ\":\"JWT\"}") + "." + segment(valid, 1) + "." + segment(valid, 2);
        Map<String, String> expected = Map.of(foreignKey, "signature does not verify", algNone,
                "algorithm none is not accepted", tampered, "signature does not verify", otherAlg,
                "algorithm HS512 is not accepted", "a.b.c", "is not a well-formed JWT");
        Map<String, List<String>> before = DatabaseSnapshot.of(server.dataSource);
        expected.forEach((token, defect) -> {
            // WHEN
            HttpResponse<Buffer> write = server.post(token, "/api/v1/fleets", new JsonObject().put("name", "forged"));
            // THEN
            assertThat(write.statusCode()).as(defect).isEqualTo(401);
            assertThat(write.getHeader("content-type")).isEqualTo("application/problem+json");
            assertThat(write.bodyAsJsonObject().getString("title")).isEqualTo("UNAUTHORIZED");
            assertThat(write.bodyAsJsonObject().getString("detail")).as(defect).contains(defect);
        });
        assertThat(DatabaseSnapshot.of(server.dataSource)).isEqualTo(before);
        assertThat(server.post(valid, "/api/v1/fleets", new JsonObject().put("name", "genuine")).statusCode())
                .as("the untampered token writes").isEqualTo(201);
    }

    @Test
    void exchangeShouldAnswer403WhenTheCallerPresentsAJwtOrIsAUtility() {
        // GIVEN
        String jwt = jwtFor(ownerKey);
        String utility = server.tenantToken("jwt-utility", "utility");
        // WHEN
        HttpResponse<Buffer> renewal = exchange(jwt);
        HttpResponse<Buffer> byUtility = exchange(utility);
        // THEN
        assertThat(renewal.statusCode()).isEqualTo(403);
        assertThat(renewal.bodyAsJsonObject().getString("detail")).contains("present the API key");
        assertThat(byUtility.statusCode()).isEqualTo(403);
        assertThat(byUtility.bodyAsJsonObject().getString("detail")).contains("utility");
    }

    @Test
    void exchangeShouldAnswer429WithRetryAfterWhenOneKeyTradesTooOften() {
        // GIVEN
        for (int i = 0; i < TokenExchangeApi.EXCHANGES_PER_WINDOW; i++) {
            assertThat(exchange(ownerKey).statusCode()).isEqualTo(200);
        }
        // WHEN
        HttpResponse<Buffer> r = exchange(ownerKey);
        // THEN
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.getHeader("Retry-After")).isEqualTo("2");
        assertThat(server.get(ownerKey, "/api/v1/fleets").statusCode()).as("the key itself goes on").isEqualTo(200);
    }

    @Test
    void openAdrTokenShouldBeASignedJwtWithTheSpecsScopesAcceptedOnlyByTheVtnUntilItExpires() {
        // GIVEN
        JsonObject creds = server.post(TestServer.ADMIN_TOKEN, "/api/v1/openadr/clients",
                new JsonObject().put("clientId", "utility-bl-" + UUID.randomUUID()).put("role", "BL")).bodyAsJsonObject();
        // WHEN
        HttpResponse<Buffer> issued = openAdrToken(creds.getString("clientId"), creds.getString("clientSecret"));
        // THEN
        assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(200);
        String token = issued.bodyAsJsonObject().getString("access_token");
        JsonObject claims = claims(token);
        assertThat(claims.getString("sub")).isEqualTo(creds.getString("clientId"));
        assertThat(claims.getString("role")).isEqualTo("BL");
        assertThat(claims.getString("scope").split(" ")).contains("read_all", "write_programs", "write_events")
                .doesNotContain("write_reports");
        assertThat(issued.bodyAsJsonObject().getString("scope")).isEqualTo(claims.getString("scope"));
        assertThat(server.get(token, "/openadr3/programs").statusCode()).isEqualTo(200);
        assertThat(server.get(token, "/api/v1/fleets").statusCode()).as("not an API token").isEqualTo(401);
        assertThat(server.get(jwtFor(ownerKey), "/openadr3/programs").statusCode()).as("not an OpenADR token")
                .isEqualTo(403);
        // WHEN it expires
        CLOCK.advance(OPENADR_LIFETIME);
        HttpResponse<Buffer> late = server.get(token, "/openadr3/programs");
        // THEN the spec's 403 problem, saying why
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(late.bodyAsJsonObject().getString("detail")).contains("expired at");
        assertThat(late.bodyAsJsonObject().getInteger("status")).isEqualTo(403);
    }

    @Test
    void openAdrTokenShouldBeRefusedBeforeHashingWhenAnAddressSentTooManyWrongSecrets() {
        // GIVEN a registered client and as many wrong secrets as one address may send a minute
        int budget = 10; // TokenEndpoint.FAILURES_PER_WINDOW
        JsonObject creds = server.post(TestServer.ADMIN_TOKEN, "/api/v1/openadr/clients",
                new JsonObject().put("clientId", "guessed-" + UUID.randomUUID()).put("role", "BL")).bodyAsJsonObject();
        for (int i = 0; i < budget; i++) {
            HttpResponse<Buffer> wrong = openAdrToken(creds.getString("clientId"), "guess-" + i);
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client");
        }
        // WHEN even the right secret comes next
        HttpResponse<Buffer> blocked = openAdrToken(creds.getString("clientId"), creds.getString("clientSecret"));
        // THEN it waits: the contract's 400 authError with Retry-After, and no token
        assertThat(blocked.statusCode()).isEqualTo(400);
        assertThat(blocked.bodyAsJsonObject().getString("error")).isEqualTo("invalid_request");
        assertThat(blocked.bodyAsJsonObject().getString("error_description")).contains("too many wrong client credentials");
        assertThat(blocked.bodyAsJsonObject().containsKey("access_token")).isFalse();
        assertThat(Long.parseLong(blocked.getHeader("Retry-After"))).isBetween(1L, 6L);
        // WHEN the promised wait has passed
        CLOCK.advance(Duration.ofSeconds(Long.parseLong(blocked.getHeader("Retry-After"))));
        // THEN
        assertThat(openAdrToken(creds.getString("clientId"), creds.getString("clientSecret")).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<Buffer> openAdrToken(String clientId, String secret) {
        return server.client.post("/openadr3/auth/token").sendForm(MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "client_credentials").add("client_id", clientId).add("client_secret", secret)).await();
    }
}
