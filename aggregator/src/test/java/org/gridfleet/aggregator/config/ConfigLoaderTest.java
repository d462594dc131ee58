package org.gridfleet.aggregator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Path.of("/home/alice"));

    @Test
    void loadShouldReturnDefaultsWhenNothingIsConfigured() {
        // WHEN
        GridfleetConfig c = loader.load(Optional.empty(), Map.of());
        // THEN
        assertThat(c.http().port()).isEqualTo(HttpConfig.DEFAULT_PORT);
        assertThat(c.database().url()).isEmpty();
        assertThat(c.home()).isEqualTo(Path.of("/home/alice/.gridfleet"));
        assertThat(c.adminToken()).isEmpty();
    }

    @Test
    void loadShouldLetEnvironmentOverrideFileWhenBothSetAKey() throws IOException {
        // GIVEN
        Path yaml = Files.writeString(dir.resolve("g.yaml"), "http:\n  port: 9000\n  host: 127.0.0.1\ntelemetry:\n  batchSize: 50\n");
        // WHEN
        GridfleetConfig c = loader.load(Optional.of(yaml), Map.of("GRIDFLEET_HTTP_PORT", "9100",
                "GRIDFLEET_DB_URL", "jdbc:postgresql://db:5432/gf", "GRIDFLEET_HOME", "/var/lib/gf"));
        // THEN
        assertThat(c.http().port()).isEqualTo(9100);
        assertThat(c.http().host()).isEqualTo("127.0.0.1");
        assertThat(c.telemetry().batchSize()).isEqualTo(50);
        assertThat(c.database().url()).contains("jdbc:postgresql://db:5432/gf");
        assertThat(c.home()).isEqualTo(Path.of("/var/lib/gf"));
    }

    @Test
    void loadShouldNameKeyAndValueWhenValueIsInvalid() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_HTTP_PORT", "eighty")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.port").hasMessageContaining("eighty");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_HTTP_PORT", "70000")))
                .hasMessageContaining("http.port").hasMessageContaining("70000");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_DB_URL", "mysql://x")))
                .hasMessageContaining("database.url");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_ADMIN_TOKEN", "short")))
                .hasMessageContaining("adminToken");
    }

    @Test
    void loadShouldRejectUnknownKeyWhenFileHasTypo() throws IOException {
        // GIVEN
        Path yaml = Files.writeString(dir.resolve("typo.yaml"), "http:\n  prot: 9000\n");
        // THEN
        assertThatThrownBy(() -> loader.load(Optional.of(yaml), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.prot");
    }
    @Test
    void loadShouldReadOcppAndControlKeysWhenFileAndEnvironmentSetThem() throws IOException {
        // GIVEN
        Path yaml = Files.writeString(dir.resolve("live.yaml"),
                "ocpp:\n  port: 9887\n  host: 127.0.0.1\ncontrol:\n  tickMs: 2000\n  importPricePerKwh: 0.31\n");
        // WHEN
        GridfleetConfig c = loader.load(Optional.of(yaml), Map.of("GRIDFLEET_OCPP_PORT", "9900",
                "GRIDFLEET_OCPP_DIRECTORY_REFRESH_MS", "1500", "GRIDFLEET_CONTROL_DEFAULT_DWELL_MINUTES", "600"));
        // THEN
        assertThat(c.ocpp().port()).isEqualTo(9900);
        assertThat(c.ocpp().host()).isEqualTo("127.0.0.1");
        assertThat(c.ocpp().directoryRefreshMs()).isEqualTo(1500);
        assertThat(c.ocpp().callTimeoutMs()).isEqualTo(OcppConfig.DEFAULT_CALL_TIMEOUT_MS);
        assertThat(c.control().tickMs()).isEqualTo(2000);
        assertThat(c.control().importPricePerKwh()).isEqualTo(0.31);
        assertThat(c.control().exportPricePerKwh()).isEqualTo(ControlConfig.DEFAULT_EXPORT_PRICE_PER_KWH);
        assertThat(c.control().defaultDwellMinutes()).isEqualTo(600);
    }

    @Test
    void loadShouldDefaultOcppPortAndTickWhenNothingIsConfigured() {
        // WHEN
        GridfleetConfig c = loader.load(Optional.empty(), Map.of());
        // THEN
        assertThat(c.ocpp()).isEqualTo(OcppConfig.DEFAULT);
        assertThat(c.ocpp().port()).isEqualTo(8887);
        assertThat(c.control()).isEqualTo(ControlConfig.DEFAULT);
        assertThat(c.control().tick()).hasSeconds(5);
    }

    @Test
    void loadShouldNameKeyAndValueWhenOcppOrControlValueIsInvalid() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_OCPP_PORT", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ocpp.port").hasMessageContaining("-1");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_CONTROL_TICK_MS", "10")))
                .hasMessageContaining("control.tickMs").hasMessageContaining("10");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_CONTROL_IMPORT_PRICE_PER_KWH", "cheap")))
                .hasMessageContaining("control.importPricePerKwh").hasMessageContaining("cheap");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_CONTROL_EXPORT_PRICE_PER_KWH", "NaN")))
                .hasMessageContaining("control.exportPricePerKwh");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_OCPP_CALL_TIMEOUT_MS", "5")))
                .hasMessageContaining("ocpp.callTimeoutMs");
    }

    @Test
    void loadShouldReadAuthKeysWhenSetAndDefaultToAGeneratedKeyAndFifteenMinutesWhenNot() {
        // GIVEN
        String key = "dGVzdC1zaWduaW5nLWtleS0wMTIzNDU2Nzg5YWJjZGVm";
        // WHEN
        GridfleetConfig set = loader.load(Optional.empty(), Map.of("GRIDFLEET_AUTH_SIGNING_KEY", key,
                "GRIDFLEET_AUTH_TOKEN_LIFETIME", "PT5M"));
        GridfleetConfig unset = loader.load(Optional.empty(), Map.of());
        // THEN
        assertThat(set.auth().signingKey()).contains(key);
        assertThat(set.auth().tokenLifetime()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(set.auth().toString()).doesNotContain(key);
        assertThat(unset.auth().signingKey()).isEmpty();
        assertThat(unset.auth().tokenLifetime()).isEqualTo(java.time.Duration.ofMinutes(15));
    }

    @Test
    void loadShouldNameTheKeyButHideTheValueWhenTheSigningKeyIsShortOrTheLifetimeIsBad() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_AUTH_SIGNING_KEY", "c2hvcnQ=")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auth.signingKey")
                .hasMessageContaining("at least 32 bytes").hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_AUTH_SIGNING_KEY", "not base64!")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auth.signingKey");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_AUTH_TOKEN_LIFETIME", "15 minutes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auth.tokenLifetime");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_AUTH_TOKEN_LIFETIME", "-PT1M")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auth.tokenLifetime");
    }
}
