package org.gridfleet.aggregator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HealthMetricsIT {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(HealthMetricsIT.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<Buffer> get(String path) {
        return server.client.get(path).send().await();
    }

    @Test
    void healthShouldAnswerUpWithoutTokenWhenDatabaseAnswers() {
        // WHEN
        HttpResponse<Buffer> live = get("/health/live");
        HttpResponse<Buffer> ready = get("/health/ready");
        HttpResponse<Buffer> both = get("/health");
        // THEN
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.bodyAsJsonObject().getJsonObject("checks").getString("database")).isEqualTo("UP");
        assertThat(both.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    }

    @Test
    void metricsShouldExposeHttpServerAndGridfleetMetricsInPrometheusFormat() {
        // GIVEN one API call and one readiness check to count
        get("/health/ready");
        server.get(TestServer.ADMIN_TOKEN, "/api/v1/tenants");
        // WHEN
        HttpResponse<Buffer> r = get("/metrics");
        // THEN
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).startsWith("text/plain");
        assertThat(r.bodyAsString()).contains("vertx_http_server_requests_total").contains("gridfleet_database_up 1.0");
    }

    @Test
    void openApiShouldServeTheContractListingEveryApiPath() {
        // WHEN
        HttpResponse<Buffer> r = get("/openapi.yaml");
        // THEN
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsString()).contains("openapi: 3.1.0", "/api/v1/fleets/{fleetId}/vehicles/{vehicleId}:",
                "/api/v1/sites/{siteId}/chargers/{chargerId}:", "/api/v1/tenants/{tenantId}/tokens:");
    }

    @Test
    void unknownPathShouldAnswerProblem404() {
        // WHEN
        HttpResponse<Buffer> r = get("/nowhere");
        // THEN
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.getHeader("content-type")).isEqualTo("application/problem+json");
    }
}
