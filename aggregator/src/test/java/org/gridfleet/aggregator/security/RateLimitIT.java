package org.gridfleet.aggregator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.config.DatabaseConfig;
import org.gridfleet.aggregator.config.GridfleetConfig;
import org.gridfleet.aggregator.config.HttpConfig;
import org.gridfleet.aggregator.config.TelemetryConfig;
import org.gridfleet.aggregator.dispatch.SettableClock;
import org.gridfleet.aggregator.http.Application;
import org.gridfleet.aggregator.http.AuthHandler;
import org.gridfleet.aggregator.http.CoreApi;
import org.gridfleet.aggregator.testsupport.TestDatabase;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Guessing or forging tokens and minting tokens are rate limited: 429 with Retry-After, and the budget refills with time. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RateLimitIT {

    private static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-11-28T12:00:00Z"));
    private static Vertx vertx;
    private static HikariDataSource dataSource;
    private static Application app;
    private static WebClient client;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        dataSource = TestDatabase.freshSchema(RateLimitIT.class);
        GridfleetConfig config = new GridfleetConfig(new HttpConfig("127.0.0.1", 0, HttpConfig.DEFAULT_BODY_LIMIT_BYTES),
                DatabaseConfig.EMBEDDED, TelemetryConfig.DEFAULT, Path.of("unused"), Optional.of(TestServer.ADMIN_TOKEN))
                .withAuth(TestServer.AUTH);
        app = Application.builder(vertx, config, dataSource, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), CLOCK)
                .mount(new CoreApi(new SecureRandom(), 1_000)).start().await();
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(app.port()));
    }

    @AfterAll
    static void stop() {
        app.stop().await();
        vertx.close().await();
        dataSource.close();
    }

    @BeforeEach
    void refillEveryBudget() {
        CLOCK.advance(Duration.ofHours(1));
    }

    private static HttpResponse<Buffer> listTenants(String token) {
        return client.get("/api/v1/tenants").bearerTokenAuthentication(token).send().await();
    }

    @Test
    void authShouldAnswer429WithRetryAfterWhenAnAddressKeepsPresentingUnknownTokens() {
        // GIVEN
        for (int i = 0; i < AuthHandler.FAILURES_PER_WINDOW; i++) {
            assertThat(listTenants("guess-" + i).statusCode()).isEqualTo(401);
        }
        // WHEN
        HttpResponse<Buffer> guess = listTenants("one-guess-too-many");
        HttpResponse<Buffer> valid = listTenants(TestServer.ADMIN_TOKEN);
        // THEN
        assertThat(guess.statusCode()).isEqualTo(429);
        assertThat(guess.getHeader("content-type")).isEqualTo("application/problem+json");
        assertThat(guess.bodyAsJsonObject().getString("title")).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(Long.parseLong(guess.getHeader("Retry-After"))).isBetween(1L, 6L);
        assertThat(valid.statusCode()).as("the address waits, whatever it sends").isEqualTo(429);
        // WHEN the promised wait has passed
        CLOCK.advance(Duration.ofSeconds(Long.parseLong(guess.getHeader("Retry-After"))));
        // THEN
        assertThat(listTenants(TestServer.ADMIN_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenIssueShouldAnswer429WithRetryAfterWhenACallerMintsTooMany() {
        // GIVEN
        String tenant = client.post("/api/v1/tenants").bearerTokenAuthentication(TestServer.ADMIN_TOKEN)
                .sendJsonObject(new JsonObject().put("name", "minted").put("role", "ops")).await().bodyAsJsonObject()
                .getString("id");
        String path = "/api/v1/tenants/" + tenant + "/tokens";
        for (int i = 0; i < CoreApi.TOKENS_PER_WINDOW; i++) {
            assertThat(client.post(path).bearerTokenAuthentication(TestServer.ADMIN_TOKEN).send().await().statusCode())
                    .isEqualTo(201);
        }
        // WHEN
        HttpResponse<Buffer> r = client.post(path).bearerTokenAuthentication(TestServer.ADMIN_TOKEN).send().await();
        // THEN
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.getHeader("Retry-After")).isEqualTo("3");
        assertThat(listTenants(TestServer.ADMIN_TOKEN).statusCode()).as("other operations go on").isEqualTo(200);
    }

    @Test
    void authShouldAnswer429WhenAnAddressKeepsPresentingForgedJwts() {
        // GIVEN a genuine JWT with one character of its signature changed
        String jwt = client.post("/api/v1/auth/token").bearerTokenAuthentication(TestServer.ADMIN_TOKEN).send().await()
                .bodyAsJsonObject().getString("accessToken");
        String forged = jwt.substring(0, jwt.length() - 2) + (jwt.charAt(jwt.length() - 2) == 'A' ? 'B' : 'A')
                + jwt.charAt(jwt.length() - 1);
        for (int i = 0; i < AuthHandler.FAILURES_PER_WINDOW; i++) {
            assertThat(listTenants(forged).statusCode()).isEqualTo(401);
        }
        // WHEN
        HttpResponse<Buffer> r = listTenants(forged);
        // THEN
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(listTenants(jwt).statusCode()).as("the address waits, whatever it sends").isEqualTo(429);
    }
}
