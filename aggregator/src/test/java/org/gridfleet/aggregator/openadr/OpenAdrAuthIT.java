package org.gridfleet.aggregator.openadr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Client registration in the Gridfleet API behind the admin token, and the client-credentials token endpoint. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class OpenAdrAuthIT {

    private static final String ADMIN = TestServer.ADMIN_TOKEN;
    static VtnTestServer vtn;

    @BeforeAll
    static void setUp(Vertx vertx, VertxTestContext testContext) {
        vtn = new VtnTestServer();
        vtn.start(Clock.fixed(OpenAdrVtnIT.NOW, ZoneOffset.UTC), OpenAdrVtnConfig.ofDefaults("http://localhost/openadr3"))
                .onComplete(testContext.succeedingThenComplete());
    }

    @AfterAll
    static void tearDown(VertxTestContext testContext) {
        vtn.close().onComplete(testContext.succeedingThenComplete());
    }

    private Future<HttpResponse<Buffer>> registerAs(String bearerToken, JsonObject body) {
        var request = vtn.client().post(OpenAdrModule.CLIENTS_PATH);
        if (bearerToken != null) {
            request.bearerTokenAuthentication(bearerToken);
        }
        return request.sendJsonObject(body);
    }

    private Future<HttpResponse<Buffer>> token(String clientId, String secret, String grantType) {
        return vtn.fetchToken(clientId, secret, grantType)
                .compose(reply -> vtn.contract().response("fetchToken", reply.statusCode(), reply.getHeader("Content-Type"),
                        reply.body()).map(reply));
    }

    @Test
    void registerShouldBeRefusedWhenCallerIsNotAdminOrBodyIsWrong(VertxTestContext testContext) {
        String fleetOwner = vtn.server().tenantToken("acme", "fleet-owner");
        // WHEN an anonymous caller and a fleet owner register, and an admin sends an unknown role and a VEN without venName
        Future.all(List.of(registerAs(null, new JsonObject().put("clientId", "w").put("role", "BL")),
                        registerAs(fleetOwner, new JsonObject().put("clientId", "x").put("role", "BL")),
                        registerAs(ADMIN, new JsonObject().put("clientId", "y").put("role", "ROOT")),
                        registerAs(ADMIN, new JsonObject().put("clientId", "z").put("role", "VEN"))))
                .compose(all -> Future.all(List.of(vtn.store().findClient("w"), vtn.store().findClient("x"),
                                vtn.store().findClient("y"), vtn.store().findClient("z")))
                        .map(stored -> new Object[] {all, stored}))
                .onComplete(testContext.succeeding(r -> testContext.verify(() -> {
                    io.vertx.core.CompositeFuture all = (io.vertx.core.CompositeFuture) r[0];
                    // THEN 401 and 403 as Gridfleet problems, 400 naming role and venName
                    assertThat(((HttpResponse<?>) all.resultAt(0)).statusCode()).isEqualTo(401);
                    HttpResponse<?> notAdmin = all.resultAt(1);
                    assertThat(notAdmin.statusCode()).isEqualTo(403);
                    assertThat(notAdmin.getHeader("Content-Type")).isEqualTo("application/problem+json");
                    HttpResponse<?> badRole = all.resultAt(2);
                    assertThat(badRole.statusCode()).isEqualTo(400);
                    assertThat(badRole.bodyAsJsonObject().getString("field")).isEqualTo("role");
                    HttpResponse<?> noVen = all.resultAt(3);
                    assertThat(noVen.statusCode()).isEqualTo(400);
                    assertThat(noVen.bodyAsJsonObject().getString("field")).isEqualTo("venName");
                    // AND nothing is stored
                    io.vertx.core.CompositeFuture stored = (io.vertx.core.CompositeFuture) r[1];
                    for (int i = 0; i < 4; i++) {
                        assertThat((java.util.Optional<?>) stored.resultAt(i)).isEmpty();
                    }
                    testContext.completeNow();
                })));
    }

    @Test
    void fetchTokenShouldIssueScopedTokenOnceAndRefuseWrongSecretAndGrant(VertxTestContext testContext) {
        // GIVEN a registered VEN client
        registerAs(ADMIN, new JsonObject().put("clientId", "ven-1").put("role", "VEN").put("venName", "v1"))
                .compose(reg -> {
                    String secret = reg.bodyAsJsonObject().getString("clientSecret");
                    // WHEN it asks for tokens with the right secret, a wrong one, and a wrong grant type
                    return Future.all(token("ven-1", secret, "client_credentials"), token("ven-1", secret + "x", "client_credentials"),
                                    token("ven-1", secret, "password"), registerAs(ADMIN, new JsonObject()
                                            .put("clientId", "ven-1").put("role", "VEN").put("venName", "v1")))
                            .compose(all -> vtn.store().findClient("ven-1").map(c -> new Object[] {all, secret, c.orElseThrow()}));
                })
                .onComplete(testContext.succeeding(r -> testContext.verify(() -> {
                    io.vertx.core.CompositeFuture all = (io.vertx.core.CompositeFuture) r[0];
                    // THEN the good request gets a Bearer token with VEN scopes and a lifetime
                    JsonObject ok = ((HttpResponse<?>) all.resultAt(0)).bodyAsJsonObject();
                    assertThat(ok.getString("token_type")).isEqualTo("Bearer");
                    assertThat(ok.getLong("expires_in")).isEqualTo(1800L);
                    assertThat(ok.getString("scope")).contains("write_reports").doesNotContain("write_events");
                    // AND the bad ones get authError codes, a re-registration is a conflict
                    assertThat(((HttpResponse<?>) all.resultAt(1)).bodyAsJsonObject().getString("error")).isEqualTo("invalid_client");
                    assertThat(((HttpResponse<?>) all.resultAt(2)).bodyAsJsonObject().getString("error"))
                            .isEqualTo("unsupported_grant_type");
                    assertThat(((HttpResponse<?>) all.resultAt(3)).statusCode()).isEqualTo(409);
                    // AND the secret is stored only as a hash
                    org.gridfleet.aggregator.openadr.store.ClientRecord stored =
                            (org.gridfleet.aggregator.openadr.store.ClientRecord) r[2];
                    assertThat(new String(stored.secretHash(), java.nio.charset.StandardCharsets.ISO_8859_1))
                            .doesNotContain((String) r[1]);
                    assertThat(stored.secretHash()).hasSize(32);
                    testContext.completeNow();
                })));
    }
}
