package org.gridfleet.aggregator.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.config.ConfigException;
import org.gridfleet.aggregator.config.ConfigLoader;
import org.gridfleet.aggregator.config.GridfleetConfig;
import org.gridfleet.aggregator.config.TlsFiles;
import org.gridfleet.aggregator.http.Application;
import org.gridfleet.aggregator.http.CoreApi;
import org.gridfleet.aggregator.testsupport.TestDatabase;
import org.gridfleet.aggregator.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The API over HTTPS with a PEM certificate and key from configuration (environment variables here). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsIT {

    @TempDir
    static Path dir;
    private static SelfSignedPem pem;
    private static Vertx vertx;
    private static HikariDataSource dataSource;
    private static Application app;

    @BeforeAll
    static void start() throws Exception {
        pem = SelfSignedPem.create(dir);
        GridfleetConfig loaded = new ConfigLoader(dir).load(Optional.empty(), Map.of(
                "GRIDFLEET_HTTP_TLS_CERT", pem.certPath().toString(), "GRIDFLEET_HTTP_TLS_KEY", pem.keyPath().toString(),
                "GRIDFLEET_HTTP_HOST", "127.0.0.1", "GRIDFLEET_HTTP_PORT", "0",
                "GRIDFLEET_ADMIN_TOKEN", TestServer.ADMIN_TOKEN));
        vertx = Vertx.vertx();
        dataSource = TestDatabase.freshSchema(TlsIT.class);
        app = Application.builder(vertx, loaded, dataSource, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                Clock.systemUTC()).mount(new CoreApi(new SecureRandom(), 1_000)).start().await();
    }

    @AfterAll
    static void stop() {
        app.stop().await();
        vertx.close().await();
        dataSource.close();
    }

    private static WebClient client(boolean ssl, boolean trust) {
        WebClientOptions o = new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(app.port()).setSsl(ssl)
                .setVerifyHost(true);
        if (trust) {
            o.setTrustOptions(new PemTrustOptions().addCertPath(pem.certPath().toString()));
        }
        return WebClient.create(vertx, o);
    }

    @Test
    void apiShouldAnswerOverTlsWhenCertificateAndKeyAreConfigured() {
        // WHEN
        HttpResponse<Buffer> r = client(true, true).get("/api/v1/tenants").bearerTokenAuthentication(TestServer.ADMIN_TOKEN)
                .send().await();
        // THEN
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getLong("total")).isEqualTo(1);
    }

    @Test
    void plainHttpShouldNotBeServedWhenTlsIsConfigured() {
        // WHEN / THEN: the TLS port does not speak plain HTTP, so the bearer token never travels in clear text
        assertThatThrownBy(() -> client(false, false).get("/health").timeout(5_000).send().await())
                .isInstanceOf(Exception.class);
    }

    @Test
    void clientShouldRefuseTheServerWhenItDoesNotTrustTheCertificate() {
        assertThatThrownBy(() -> client(true, false).get("/health").send().await()).hasStackTraceContaining("certificat");
    }

    @Test
    void configShouldNameTheMissingKeyWhenOnlyTheCertificateIsSet() {
        assertThatThrownBy(() -> new ConfigLoader(dir).load(Optional.empty(),
                Map.of("GRIDFLEET_HTTP_TLS_CERT", pem.certPath().toString())))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("http.tls.keyPath"));
    }

    @Test
    void configShouldNameTheFileWhenItIsNotReadable() {
        assertThatThrownBy(() -> new TlsFiles("http.tls", dir.resolve("missing.crt"), pem.keyPath()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("http.tls.certPath"));
    }
}
