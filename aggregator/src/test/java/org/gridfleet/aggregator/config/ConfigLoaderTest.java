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

    @Test
    void loadShouldReadMarketKeysWhenFileAndEnvironmentSetThemAndKeepTodaysOfferWhenNot() throws IOException {
        // GIVEN
        Path yaml = Files.writeString(dir.resolve("markets.yaml"), "markets:\n  products: pjm-regd, fcr\n"
                + "  offer:\n    marginPerKwh: 0.004\n    throughputKwhPerKw: 0.3\n  fcr:\n    deadbandMhz: 10\n");
        // WHEN
        GridfleetConfig c = loader.load(Optional.of(yaml), Map.of("GRIDFLEET_MARKETS_MAX_OFFER_KW", "2500",
                "GRIDFLEET_MARKETS_PERFORMANCE_PRICE_PER_MW", "0.8"));
        MarketConfig unset = loader.load(Optional.empty(), Map.of()).markets();
        // THEN
        assertThat(c.markets().products()).containsExactly("pjm-regd", "fcr");
        assertThat(c.markets().marginPerKwh()).isEqualTo(0.004);
        assertThat(c.markets().throughputKwhPerKw()).isEqualTo(0.3);
        assertThat(c.markets().opportunityPerKwh()).isEqualTo(MarketConfig.DEFAULT_OPPORTUNITY_PER_KWH);
        assertThat(c.markets().fcrDeadbandMhz()).isEqualTo(10);
        assertThat(c.markets().maxOfferKw()).isEqualTo(2500);
        assertThat(c.markets().performancePricePerMw()).isEqualTo(0.8);
        assertThat(unset).isEqualTo(MarketConfig.DEFAULT);
        assertThat(unset.products()).containsExactly("pjm-regd");
        assertThat(unset.opportunityPerKwh() + unset.degradationPerKwh() * unset.throughputKwhPerKw()
                + unset.marginPerKwh()).isCloseTo(0.017, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void loadShouldNameTheMarketKeyAndValueWhenAMarketValueIsInvalid() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_MARKETS_PRODUCTS", "pjm-regd,ercot")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("markets.products")
                .hasMessageContaining("ercot");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_MARKETS_PRODUCTS", "fcr,fcr")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("markets.products")
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> loader.load(Optional.empty(),
                Map.of("GRIDFLEET_MARKETS_OFFER_MARGIN_PER_KWH", "-0.1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("markets.offer.marginPerKwh")
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> loader.load(Optional.empty(),
                Map.of("GRIDFLEET_MARKETS_OFFER_OPPORTUNITY_PER_KWH", "free")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("markets.offer.opportunityPerKwh");
        assertThatThrownBy(() -> loader.load(Optional.empty(),
                Map.of("GRIDFLEET_MARKETS_OFFER_THROUGHPUT_KWH_PER_KW", "1.5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("markets.offer.throughputKwhPerKw");
        assertThatThrownBy(() -> loader.load(Optional.empty(),
                Map.of("GRIDFLEET_MARKETS_OFFER_DEGRADATION_PER_KWH", "Infinity")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("markets.offer.degradationPerKwh");
        assertThatThrownBy(() -> loader.load(Optional.empty(),
                Map.of("GRIDFLEET_MARKETS_PERFORMANCE_PRICE_PER_MW", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("markets.performancePricePerMw");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_MARKETS_MIN_OFFER_KW", "500",
                "GRIDFLEET_MARKETS_MAX_OFFER_KW", "400")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("markets.maxOfferKw")
                .hasMessageContaining("400");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_MARKETS_PRODUCTS", "fcr",
                "GRIDFLEET_MARKETS_MAX_OFFER_KW", "800")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("markets.maxOfferKw")
                .hasMessageContaining("1000");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_MARKETS_FCR_DEADBAND_MHZ", "200")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("markets.fcr.deadbandMhz");
        assertThatThrownBy(() -> loader.load(Optional.empty(),
                Map.of("GRIDFLEET_MARKETS_FCR_FULL_ACTIVATION_MHZ", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("markets.fcr.fullActivationMhz");
    }
}
