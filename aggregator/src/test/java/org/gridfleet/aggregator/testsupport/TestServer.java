package org.gridfleet.aggregator.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.gridfleet.aggregator.config.AuthConfig;
import org.gridfleet.aggregator.config.DatabaseConfig;
import org.gridfleet.aggregator.config.GridfleetConfig;
import org.gridfleet.aggregator.config.HttpConfig;
import org.gridfleet.aggregator.config.TelemetryConfig;
import org.gridfleet.aggregator.http.Application;
import org.gridfleet.aggregator.http.CoreApi;
import org.gridfleet.aggregator.http.RouteModule;

/**
 * A real server on loopback for one test class: fresh schema, Vert.x with Micrometer metrics,
 * the {@link CoreApi}, an admin token, and a {@link WebClient}.
 */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    /** The JWT signing key of every test server (Base64 of 32 bytes), so none writes a key file. */
    public static final AuthConfig AUTH = new AuthConfig(
            Optional.of("dGVzdC1zaWduaW5nLWtleS0wMTIzNDU2Nzg5YWJjZGVm"), AuthConfig.DEFAULT_TOKEN_LIFETIME);
    /** Few PBKDF2 iterations keep charger registration fast in tests; production uses the default. */
    private static final int TEST_PASSWORD_ITERATIONS = 1_000;

    public final Vertx vertx;
    public final WebClient client;
    public final HikariDataSource dataSource;
    public final PrometheusMeterRegistry meters;
    private final Application application;

    private TestServer(Vertx vertx, WebClient client, HikariDataSource dataSource, PrometheusMeterRegistry meters,
                       Application application) {
        this.vertx = vertx;
        this.client = client;
        this.dataSource = dataSource;
        this.meters = meters;
        this.application = application;
    }

    public static TestServer start(Class<?> testClass, long bodyLimitBytes) {
        return start(testClass, bodyLimitBytes, Clock.systemUTC(), vertx -> List.of());
    }

    /**
     * A server that also mounts the route modules {@code extraModules} makes with the server's Vert.x (after
     * the {@link CoreApi}, as {@code GridfleetServer} does), on {@code clock}.
     */
    public static TestServer start(Class<?> testClass, Clock clock, Function<Vertx, List<RouteModule>> extraModules) {
        return start(testClass, HttpConfig.DEFAULT_BODY_LIMIT_BYTES, clock, extraModules);
    }

    private static TestServer start(Class<?> testClass, long bodyLimitBytes, Clock clock,
                                    Function<Vertx, List<RouteModule>> extraModules) {
        HikariDataSource ds = TestDatabase.freshSchema(testClass);
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(meters))
                .build();
        GridfleetConfig config = new GridfleetConfig(new HttpConfig("127.0.0.1", 0, bodyLimitBytes),
                DatabaseConfig.EMBEDDED, TelemetryConfig.DEFAULT, Path.of("unused"), Optional.of(ADMIN_TOKEN)).withAuth(AUTH);
        Application.Builder builder = Application.builder(vertx, config, ds, meters, clock)
                .mount(new CoreApi(new SecureRandom(), TEST_PASSWORD_ITERATIONS));
        extraModules.apply(vertx).forEach(builder::mount);
        Application app = builder.start().await();
        WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(app.port()));
        return new TestServer(vertx, client, ds, meters, app);
    }

    public static TestServer start(Class<?> testClass) {
        return start(testClass, HttpConfig.DEFAULT_BODY_LIMIT_BYTES);
    }

    /** The bound loopback port. */
    public int port() {
        return application.port();
    }

    public HttpResponse<Buffer> get(String token, String path) {
        return client.get(path).bearerTokenAuthentication(token).send().await();
    }

    public HttpResponse<Buffer> delete(String token, String path) {
        return client.delete(path).bearerTokenAuthentication(token).send().await();
    }

    public HttpResponse<Buffer> post(String token, String path, JsonObject body) {
        return client.post(path).bearerTokenAuthentication(token).sendJsonObject(body).await();
    }

    public HttpResponse<Buffer> put(String token, String path, JsonObject body) {
        return client.put(path).bearerTokenAuthentication(token).sendJsonObject(body).await();
    }

    /** Creates a tenant with {@code role} through the admin API and returns a fresh token for it. */
    public String tenantToken(String name, String role) {
        HttpResponse<Buffer> t = post(ADMIN_TOKEN, "/api/v1/tenants", new JsonObject().put("name", name).put("role", role));
        if (t.statusCode() != 201) {
            throw new IllegalStateException("tenant creation failed: " + t.bodyAsString());
        }
        HttpResponse<Buffer> k = post(ADMIN_TOKEN, "/api/v1/tenants/" + t.bodyAsJsonObject().getString("id") + "/tokens",
                new JsonObject());
        return k.bodyAsJsonObject().getString("token");
    }

    @Override
    public void close() {
        client.close();
        application.stop().await();
        vertx.close().await();
        dataSource.close();
    }

    // ---- sample bodies shared by the API tests

    public static JsonObject vehicleBody(String name) {
        return new JsonObject().put("name", name).put("batteryCapacityKwh", 75.0).put("chemistry", "NMC")
                .put("maxChargeKw", 11.0).put("maxDischargeKw", 11.0).put("reserveSoc", 0.3)
                .put("departurePlan", new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("day", "MONDAY").put("time", "07:30").put("targetSoc", 0.8)))
                .put("trips", new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("departure", "2026-12-01T06:00:00Z").put("targetSoc", 0.95)))
                .put("chargingPreference", "lowest-cost")
                .put("v2g", new JsonObject().put("mode", "degradation-budget").put("yearlyCapacityLossPct", 1.5))
                .put("idToken", "RFID-" + name);
    }

    public static JsonObject siteBody(String name) {
        return new JsonObject().put("name", name).put("limitKw", 200.0)
                .put("nestedLimits", new io.vertx.core.json.JsonArray().add(new JsonObject().put("name", "feeder-a")
                        .put("kind", "feeder").put("limitKw", 120.0)
                        .put("chargerIds", new io.vertx.core.json.JsonArray().add("CP-1"))));
    }

    public static JsonObject chargerBody(String id) {
        return new JsonObject().put("id", id).put("password", "s3cret-password-123").put("maxPowerKw", 22.0)
                .put("bidirectional", true).put("model", "Wallbox Quasar 2").put("dischargeCapability", "ocpp21");
    }
}
