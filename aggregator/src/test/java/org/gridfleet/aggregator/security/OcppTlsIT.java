package org.gridfleet.aggregator.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.PemTrustOptions;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.gridfleet.aggregator.app.GridfleetServer;
import org.gridfleet.aggregator.config.ConfigLoader;
import org.gridfleet.aggregator.config.GridfleetConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridfleet serve} with {@code GRIDFLEET_OCPP_TLS_CERT}/{@code _KEY}: the OCPP gateway answers only
 * {@code wss://} (security profile 2) with the configured certificate, generated here at test time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OcppTlsIT {

    @TempDir
    static Path dir;
    private static SelfSignedPem pem;
    private static GridfleetServer server;

    @BeforeAll
    static void start() throws Exception {
        pem = SelfSignedPem.create(dir);
        int databasePort;
        try (ServerSocket s = new ServerSocket(0)) {
            databasePort = s.getLocalPort();
        }
        GridfleetConfig config = new ConfigLoader(dir).load(Optional.empty(), Map.of(
                "GRIDFLEET_OCPP_TLS_CERT", pem.certPath().toString(), "GRIDFLEET_OCPP_TLS_KEY", pem.keyPath().toString(),
                "GRIDFLEET_OCPP_HOST", "127.0.0.1", "GRIDFLEET_OCPP_PORT", "0",
                "GRIDFLEET_HTTP_HOST", "127.0.0.1", "GRIDFLEET_HTTP_PORT", "0",
                "GRIDFLEET_DB_EMBEDDED_PORT", Integer.toString(databasePort), "GRIDFLEET_HOME", dir.toString()));
        server = GridfleetServer.start(config, Clock.systemUTC(), List.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Throwable failureOf(boolean ssl, boolean trustOurCertificate) throws Exception {
        WebSocketClientOptions options = new WebSocketClientOptions().setSsl(ssl).setVerifyHost(true);
        if (trustOurCertificate) {
            options.setTrustOptions(new PemTrustOptions().addCertPath(pem.certPath().toString()));
        }
        WebSocketClient client = server.vertx().createWebSocketClient(options);
        try {
            Future<WebSocket> attempt = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                    .setPort(server.ocppPort()).setURI("/ocpp/NO-SUCH-CP").setSubProtocols(List.of("ocpp2.0.1")));
            return attempt.toCompletionStage().toCompletableFuture().handle((ws, e) -> e).get(20, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }

    @Test
    void gatewayShouldReachTheOcppHandshakeOverTlsWhenTheClientTrustsTheConfiguredCertificate() throws Exception {
        // WHEN a wss client that trusts the configured certificate (and checks its 127.0.0.1 SAN) connects
        Throwable failure = failureOf(true, true);
        // THEN TLS succeeds and the gateway itself answers: 404 for a charger id it does not know
        assertThat(failure).isInstanceOf(UpgradeRejectedException.class);
        assertThat(((UpgradeRejectedException) failure).getStatus()).isEqualTo(404);
    }

    @Test
    void gatewayShouldRefuseTheTlsHandshakeWhenTheClientDoesNotTrustTheCertificate() throws Exception {
        // WHEN a wss client with only the default trust store connects THEN the TLS handshake fails
        Throwable failure = failureOf(true, false);
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.add(t);
        }
        assertThat(chain).hasAtLeastOneElementOfType(SSLHandshakeException.class);
    }

    @Test
    void gatewayShouldNotSpeakPlainWebSocketsWhenTlsIsConfigured() throws Exception {
        // WHEN a plain ws client connects to the TLS port THEN it never gets an HTTP answer from the gateway
        Throwable failure = failureOf(false, false);
        assertThat(failure).isNotNull().isNotInstanceOf(UpgradeRejectedException.class);
    }
}
