package org.gridfleet.aggregator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.app.GridfleetServer;
import org.gridfleet.aggregator.config.ConfigLoader;
import org.gridfleet.aggregator.config.GridfleetConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCPP security profile 3 in {@code gridfleet serve} ({@code GRIDFLEET_OCPP_TLS_CLIENT_CA}): a charger connects
 * with a TLS client certificate issued by the configured CA whose subject CN is its charger id, and no password.
 * The CA, the server certificate and the chargers' certificates are made at test time with keytool.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OcppClientCertificateIT {
    private static final String ADMIN = "profile3-admin-token-0123456789";
    private static final String CHARGER = "CP3-A";

    @TempDir
    static Path dir;
    private static Keytool keytool;
    private static SelfSignedPem server;
    private static GridfleetServer gridfleet;
    /** The charger's own certificate: CA-issued, CN = its id. */
    private static PemKeyCertOptions chargerCertificate;

    @BeforeAll
    static void start() throws Exception {
        server = SelfSignedPem.create(dir);
        keytool = new Keytool(dir);
        keytool.keyPair("ca", "CN=Fleet Test CA", "bc:c");
        int databasePort;
        try (ServerSocket s = new ServerSocket(0)) {
            databasePort = s.getLocalPort();
        }
        GridfleetConfig config = new ConfigLoader(dir).load(Optional.empty(), Map.ofEntries(
                Map.entry("GRIDFLEET_OCPP_TLS_CERT", server.certPath().toString()),
                Map.entry("GRIDFLEET_OCPP_TLS_KEY", server.keyPath().toString()),
                Map.entry("GRIDFLEET_OCPP_TLS_CLIENT_CA", keytool.certificatePem("ca").toString()),
                Map.entry("GRIDFLEET_OCPP_HOST", "127.0.0.1"), Map.entry("GRIDFLEET_OCPP_PORT", "0"),
                Map.entry("GRIDFLEET_OCPP_DIRECTORY_REFRESH_MS", "200"),
                Map.entry("GRIDFLEET_HTTP_HOST", "127.0.0.1"), Map.entry("GRIDFLEET_HTTP_PORT", "0"),
                Map.entry("GRIDFLEET_ADMIN_TOKEN", ADMIN),
                Map.entry("GRIDFLEET_DB_EMBEDDED_PORT", Integer.toString(databasePort)),
                Map.entry("GRIDFLEET_HOME", dir.toString())));
        gridfleet = GridfleetServer.start(config, Clock.systemUTC(), List.of());
        chargerCertificate = issued("cp3a", "CN=" + CHARGER);
        register(CHARGER);
    }

    @AfterAll
    static void stop() {
        gridfleet.close();
    }

    @Test
    void chargerShouldConnectWithoutPasswordWhenItsCertificateFromTheCaNamesIt() throws Exception {
        // WHEN the charger presents a CA-issued certificate with CN = its id THEN the OCPP handshake succeeds
        assertThat(attempt(CHARGER, chargerCertificate)).isNull();
    }

    @Test
    void chargerShouldBeRefusedWhenItsCertificateNamesAnotherCharger() throws Exception {
        // WHEN a CA-issued certificate of another charger is used for this one THEN 401 at the handshake
        Throwable failure = attempt(CHARGER, issued("cp3b", "CN=CP3-B"));
        assertThat(failure).isInstanceOf(UpgradeRejectedException.class);
        assertThat(((UpgradeRejectedException) failure).getStatus()).isEqualTo(401);
    }

    @Test
    void tlsShouldRefuseAChargerWithoutACertificateOrWithOneTheCaDidNotIssue() throws Exception {
        // WHEN no certificate, or a self-signed one naming the charger, is presented THEN TLS itself refuses
        keytool.keyPair("rogue", "CN=" + CHARGER);
        for (Throwable failure : List.of(attempt(CHARGER, null),
                attempt(CHARGER, new PemKeyCertOptions().setCertPath(keytool.certificatePem("rogue").toString())
                        .setKeyPath(keytool.privateKeyPem("rogue").toString())))) {
            assertThat(failure).isNotNull().isNotInstanceOf(UpgradeRejectedException.class);
        }
    }

    /** A key pair for {@code dname}, its certificate signed by the test CA. */
    private static PemKeyCertOptions issued(String alias, String dname) throws Exception {
        keytool.keyPair(alias, dname);
        return new PemKeyCertOptions().setCertPath(keytool.signed(alias, "ca").toString())
                .setKeyPath(keytool.privateKeyPem(alias).toString());
    }

    /** Connects over wss to {@code /ocpp/chargerId} with {@code clientCertificate} (or none); null on success. */
    private static Throwable attempt(String chargerId, PemKeyCertOptions clientCertificate) throws Exception {
        WebSocketClientOptions options = new WebSocketClientOptions().setSsl(true).setVerifyHost(true)
                .setTrustOptions(new PemTrustOptions().addCertPath(server.certPath().toString()));
        if (clientCertificate != null) {
            options.setKeyCertOptions(clientCertificate);
        }
        WebSocketClient client = gridfleet.vertx().createWebSocketClient(options);
        try {
            return client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(gridfleet.ocppPort())
                            .setURI("/ocpp/" + chargerId).setSubProtocols(List.of("ocpp2.0.1")))
                    .compose(WebSocket::close)
                    .toCompletionStage().toCompletableFuture().handle((ok, e) -> e).get(20, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }

    /** Registers {@code chargerId} on a new site and waits until the gateway's directory has it. */
    private static void register(String chargerId) throws Exception {
        WebClient http = WebClient.create(gridfleet.vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(gridfleet.port()));
        try {
            String tenant = http.post("/api/v1/tenants").bearerTokenAuthentication(ADMIN)
                    .sendJsonObject(new JsonObject().put("name", "profile3").put("role", "fleet-owner")).await()
                    .bodyAsJsonObject().getString("id");
            String owner = http.post("/api/v1/tenants/" + tenant + "/tokens").bearerTokenAuthentication(ADMIN)
                    .sendJsonObject(new JsonObject()).await().bodyAsJsonObject().getString("token");
            String site = http.post("/api/v1/sites").bearerTokenAuthentication(owner)
                    .sendJsonObject(new JsonObject().put("name", "depot").put("limitKw", 50.0)).await()
                    .getHeader("Location");
            int status = http.post(site + "/chargers").bearerTokenAuthentication(owner)
                    .sendJsonObject(new JsonObject().put("id", chargerId).put("password", "unused-Passw0rd-1")
                            .put("maxPowerKw", 11.0).put("bidirectional", false).put("model", "SimEvse")
                            .put("dischargeCapability", "none")).await().statusCode();
            assertThat(status).isEqualTo(201);
        } finally {
            http.close();
        }
        List<Throwable> seen = new ArrayList<>();
        for (int i = 0; i < 100; i++) { // the directory reloads every 200 ms
            Throwable failure = attempt(chargerId, chargerCertificate);
            if (failure == null || !(failure instanceof UpgradeRejectedException r && r.getStatus() == 404)) {
                return;
            }
            seen.add(failure);
            Thread.sleep(100);
        }
        throw new AssertionError("charger " + chargerId + " never reached the directory: " + seen.size());
    }
}
