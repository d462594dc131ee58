package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.gridfleet.aggregator.app.GridfleetServer;
import org.gridfleet.aggregator.config.ControlConfig;
import org.gridfleet.aggregator.config.DatabaseConfig;
import org.gridfleet.aggregator.config.GridfleetConfig;
import org.gridfleet.aggregator.config.MarketConfig;
import org.gridfleet.aggregator.config.HttpConfig;
import org.gridfleet.aggregator.config.OcppConfig;
import org.gridfleet.aggregator.config.TelemetryConfig;
import org.gridfleet.aggregator.openadr.OpenAdrModule;

/**
 * A real {@code gridfleet serve} for the live ITs: its own embedded PostgreSQL, HTTP and OCPP on loopback, a
 * 250-ms control tick, an admin token, and the chargers' TxProfile setpoints as the stations saw them.
 */
final class ServeFixture implements AutoCloseable {

    static final String ADMIN = "live-admin-token-0123456789";
    static final String PASSWORD = "charger-Passw0rd-1";

    final GridfleetServer server;
    final WebClient http;
    final int databasePort;
    private final Map<String, Double> latestKw = new HashMap<>();
    private double highestTotalKw;

    private ServeFixture(GridfleetServer server, int databasePort) {
        this.server = server;
        this.databasePort = databasePort;
        this.http = WebClient.create(server.vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(server.port()));
    }

    static ServeFixture start(Clock clock) throws Exception {
        return start(clock, MarketConfig.DEFAULT);
    }

    /** A server whose market desk trades and prices as {@code markets} says. */
    static ServeFixture start(Clock clock, MarketConfig markets) throws Exception {
        int databasePort = freePort();
        return start(clock, markets, new DatabaseConfig(Optional.empty(), DatabaseConfig.DEFAULT_USER, "", 4,
                databasePort), databasePort);
    }

    /** A server on the PostgreSQL at {@code localhost:databasePort} (a test's own, which it may stop). */
    static ServeFixture onDatabase(Clock clock, int databasePort) throws Exception {
        return start(clock, MarketConfig.DEFAULT, new DatabaseConfig(Optional.of("jdbc:postgresql://localhost:"
                + databasePort + "/postgres"), DatabaseConfig.DEFAULT_USER, "", 4, freePort()), databasePort);
    }

    private static ServeFixture start(Clock clock, MarketConfig markets, DatabaseConfig database, int databasePort)
            throws Exception {
        GridfleetConfig config = new GridfleetConfig(new HttpConfig("127.0.0.1", 0, HttpConfig.DEFAULT_BODY_LIMIT_BYTES),
                database,
                new TelemetryConfig(10_000, 100, 50), Files.createTempDirectory("gridfleet-live-it"), Optional.of(ADMIN),
                new OcppConfig("127.0.0.1", 0, 5_000, 200), ControlConfig.DEFAULT.withTickMs(250))
                .withMarkets(markets);
        return new ServeFixture(GridfleetServer.start(config, clock, List.of()), databasePort);
    }

    /** Connects, boots and returns a station whose TxProfiles land in {@link #setpointsKw()}. */
    SimulatedCharger station(String chargerId) throws Exception {
        SimulatedCharger cp = SimulatedCharger.connect(server.vertx(), server.ocppPort(), chargerId, PASSWORD,
                Duration.ofSeconds(30), this::observe);
        cp.boot();
        return cp;
    }

    /** The latest TxProfile power per charger id, kW. */
    synchronized Map<String, Double> setpointsKw() {
        return new HashMap<>(latestKw);
    }

    /** The sum of the latest setpoints, kW. */
    synchronized double totalKw() {
        return latestKw.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The highest sum of setpoints in force at any moment so far, kW. */
    synchronized double highestTotalKw() {
        return highestTotalKw;
    }

    private synchronized void observe(String chargerId, double kw) {
        latestKw.put(chargerId, kw);
        highestTotalKw = Math.max(highestTotalKw, totalKw());
    }

    /** A new tenant with {@code role} and a fresh API token for it. */
    String tenantToken(String name, String role) {
        String tenant = post(ADMIN, "/api/v1/tenants", new JsonObject().put("name", name).put("role", role))
                .bodyAsJsonObject().getString("id");
        return post(ADMIN, "/api/v1/tenants/" + tenant + "/tokens", new JsonObject()).bodyAsJsonObject()
                .getString("token");
    }

    HttpResponse<Buffer> get(String token, String path) {
        return http.get(path).bearerTokenAuthentication(token).send().await();
    }

    HttpResponse<Buffer> post(String token, String path, JsonObject body) {
        return http.post(path).bearerTokenAuthentication(token).sendJsonObject(body).await();
    }

    /** Registers a BL client through the admin API and trades its secret for an OpenADR access token. */
    String openAdrToken(String clientId) {
        HttpResponse<Buffer> registered = post(ADMIN, OpenAdrModule.CLIENTS_PATH,
                new JsonObject().put("clientId", clientId).put("role", "BL"));
        assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
        HttpResponse<Buffer> token = http.post("/openadr3/auth/token").sendForm(MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "client_credentials").add("client_id", clientId)
                .add("client_secret", registered.bodyAsJsonObject().getString("clientSecret"))).await();
        assertThat(token.statusCode()).as(token.bodyAsString()).isEqualTo(200);
        return token.bodyAsJsonObject().getString("access_token");
    }

    HttpResponse<Buffer> delete(String token, String path) {
        return http.delete(path).bearerTokenAuthentication(token).send().await();
    }

    /** Asserts 201 and answers the Location. */
    static String created(HttpResponse<Buffer> r) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
        return r.getHeader("Location");
    }

    /** Polls {@code condition} every 100 ms for up to 60 s. */
    void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError(what + ": not within 60 s; setpoints seen: " + setpointsKw());
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        http.close();
        server.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
