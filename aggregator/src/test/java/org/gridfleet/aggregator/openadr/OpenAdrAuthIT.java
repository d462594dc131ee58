package org.gridfleet.aggregator.openadr;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.openadr.auth.ClientRegistrationRouter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Client registration behind the pluggable admin check, and the client-credentials token endpoint. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class OpenAdrAuthIT {

    static VtnTestServer vtn;

    @BeforeAll
    static void setUp(Vertx vertx, VertxTestContext testContext) {
        vtn = new VtnTestServer(vertx);
        vtn.start(Clock.fixed(OpenAdrVtnIT.NOW, ZoneOffset.UTC), OpenAdrVtnConfig.ofDefaults("http://localhost/openadr3"))
                .onComplete(testContext.succeedingThenComplete());
    }

    @AfterAll
    static void tearDown(VertxTestContext testContext) {
        vtn.close().onComplete(testContext.succeedingThenComplete());
    }

    private Future<HttpResponse<Buffer>> registerAs(boolean admin, JsonObject body) {
        var request = vtn.client().post(vtn.port(), "localhost", ClientRegistrationRouter.PATH);
        if (admin) {
            request.putHeader(VtnTestServer.ADMIN_HEADER, "yes");
        }
        return request.sendJsonObject(body);
    }

    private Future<HttpResponse<Buffer>> token(String clientId, String secret, String grantType) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", grantType).add("client_id", clientId)
                .add("client_secret", secret);
        return vtn.client().post(vtn.port(), "localhost", OpenAdrVtn.MOUNT_PATH + "/auth/token").sendForm(form)
                .compose(reply -> vtn.contract().response("fetchToken", reply.statusCode(), reply.getHeader("Content-Type"),
                        reply.body()).map(reply));
    }

    @Test
    void registerShouldBeRefusedWhenCallerIsNotAdminOrRoleIsUnknown(VertxTestContext testContext) {
        // WHEN a non-admin registers, and an admin sends an unknown role and a VEN without venName
        Future.all(registerAs(false, new JsonObject().put("clientId", "x").put("role", "BL")),
                        registerAs(true, new JsonObject().put("clientId", "y").put("role", "ROOT")),
                        registerAs(true, new JsonObject().put("clientId", "z").put("role", "VEN")))
                .compose(all -> vtn.store().findClient("x").map(stored -> new Object[] {all, stored}))
                .onComplete(testContext.succeeding(r -> testContext.verify(() -> {
                    io.vertx.core.CompositeFuture all = (io.vertx.core.CompositeFuture) r[0];
                    // THEN 403 from the admin check, 400 naming role and venName, and nothing is stored
                    assertThat(((HttpResponse<?>) all.resultAt(0)).statusCode()).isEqualTo(403);
                    HttpResponse<?> badRole = all.resultAt(1);
                    assertThat(badRole.statusCode()).isEqualTo(400);
                    assertThat(badRole.bodyAsJsonObject().getString("detail")).startsWith("role");
                    HttpResponse<?> noVen = all.resultAt(2);
                    assertThat(noVen.statusCode()).isEqualTo(400);
                    assertThat(noVen.bodyAsJsonObject().getString("detail")).startsWith("venName");
                    assertThat((java.util.Optional<?>) r[1]).isEmpty();
                    testContext.completeNow();
                })));
    }

    @Test
    void fetchTokenShouldIssueScopedTokenOnceAndRefuseWrongSecretAndGrant(VertxTestContext testContext) {
        // GIVEN a registered VEN client
        registerAs(true, new JsonObject().put("clientId", "ven-1").put("role", "VEN").put("venName", "v1"))
                .compose(reg -> {
                    String secret = reg.bodyAsJsonObject().getString("clientSecret");
                    // WHEN it asks for tokens with the right secret, a wrong one, and a wrong grant type
                    return Future.all(token("ven-1", secret, "client_credentials"), token("ven-1", secret + "x", "client_credentials"),
                                    token("ven-1", secret, "password"), registerAs(true, new JsonObject()
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
