package org.gridfleet.aggregator.openadr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gridfleet.aggregator.config.ConfigException;
import org.gridfleet.aggregator.openadr.auth.TokenConfig;
import org.gridfleet.aggregator.openadr.grid.ShedLevels;
import org.gridfleet.aggregator.openadr.ven.VenClientConfig;
import org.junit.jupiter.api.Test;

class OpenAdrConfigTest {

    @Test
    void fromEnvShouldUseDefaultsWhenNothingIsSet() {
        OpenAdrConfig config = OpenAdrConfig.fromEnv(Map.of(), 8080);
        assertThat(config.vtn().publicBaseUrl()).isEqualTo("http://localhost:8080/openadr3");
        assertThat(config.vtn().allowHttpCallbacks()).isFalse();
        assertThat(config.vtn().shedLevels()).isEqualTo(ShedLevels.ofDefaults());
        assertThat(config.tokens()).isEqualTo(TokenConfig.ofDefaults());
        assertThat(config.ven()).as("no VEN client unless a utility's VTN is configured").isEmpty();
    }

    @Test
    void fromEnvShouldConfigureTheVenClientWhenTheUtilityVtnIsSet() {
        // WHEN the utility's VTN, credentials, name, two sites and a poll interval are set
        OpenAdrConfig config = OpenAdrConfig.fromEnv(Map.of(
                OpenAdrConfig.VEN_VTN_URL, "https://vtn.utility.example/openadr3",
                OpenAdrConfig.VEN_CLIENT_ID, "gf", OpenAdrConfig.VEN_CLIENT_SECRET, "s3cret",
                OpenAdrConfig.VEN_NAME, "depot-ven", OpenAdrConfig.VEN_SITES, "site-a, site-b",
                OpenAdrConfig.VEN_POLL_INTERVAL, "PT15S"), 8080);
        // THEN the VEN client takes them all
        VenClientConfig ven = config.ven().orElseThrow();
        assertThat(ven.vtnBaseUrl()).isEqualTo("https://vtn.utility.example/openadr3");
        assertThat(ven.clientId()).isEqualTo("gf");
        assertThat(ven.clientSecret()).isEqualTo("s3cret");
        assertThat(ven.venName()).isEqualTo("depot-ven");
        assertThat(ven.siteIds()).containsExactly("site-a", "site-b");
        assertThat(ven.pollInterval()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void fromEnvShouldNameTheMissingKeyWhenTheVenHasNoSecretOrABadInterval() {
        assertThatThrownBy(() -> OpenAdrConfig.fromEnv(Map.of(OpenAdrConfig.VEN_VTN_URL, "https://vtn.example",
                OpenAdrConfig.VEN_CLIENT_ID, "gf"), 8080))
                .isInstanceOf(ConfigException.class).hasMessageContaining(OpenAdrConfig.VEN_CLIENT_SECRET);
        assertThatThrownBy(() -> OpenAdrConfig.fromEnv(Map.of(OpenAdrConfig.VEN_VTN_URL, "https://vtn.example",
                OpenAdrConfig.VEN_CLIENT_ID, "gf", OpenAdrConfig.VEN_CLIENT_SECRET, "s",
                OpenAdrConfig.VEN_POLL_INTERVAL, "-PT1S"), 8080))
                .isInstanceOf(ConfigException.class).hasMessageContaining(OpenAdrConfig.VEN_POLL_INTERVAL);
        assertThatThrownBy(() -> OpenAdrConfig.fromEnv(Map.of(OpenAdrConfig.VEN_VTN_URL, "vtn.example",
                OpenAdrConfig.VEN_CLIENT_ID, "gf", OpenAdrConfig.VEN_CLIENT_SECRET, "s"), 8080))
                .isInstanceOf(ConfigException.class).hasMessageContaining(OpenAdrConfig.VEN_VTN_URL);
    }

    @Test
    void fromEnvShouldTakeEveryKeyWhenSet() {
        OpenAdrConfig config = OpenAdrConfig.fromEnv(Map.of(
                OpenAdrConfig.PUBLIC_URL, "https://grid.example/openadr3",
                OpenAdrConfig.TOKEN_LIFETIME, "PT15M",
                OpenAdrConfig.SHED_LEVELS, "0, 0.1,0.2 ,0.3"), 8080);
        assertThat(config.vtn().publicBaseUrl()).isEqualTo("https://grid.example/openadr3");
        assertThat(config.tokens().tokenLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.vtn().shedLevels()).isEqualTo(new ShedLevels(List.of(0.0, 0.1, 0.2, 0.3)));
    }

    @Test
    void fromEnvShouldNameKeyAndValueWhenAValueIsUnusable() {
        assertThatThrownBy(() -> OpenAdrConfig.fromEnv(Map.of(OpenAdrConfig.PUBLIC_URL, "grid.example"), 8080))
                .isInstanceOf(ConfigException.class).hasMessageContaining(OpenAdrConfig.PUBLIC_URL)
                .hasMessageContaining("'grid.example'");
        assertThatThrownBy(() -> OpenAdrConfig.fromEnv(Map.of(OpenAdrConfig.TOKEN_LIFETIME, "PT0S"), 8080))
                .isInstanceOf(ConfigException.class).hasMessageContaining(OpenAdrConfig.TOKEN_LIFETIME);
        assertThatThrownBy(() -> OpenAdrConfig.fromEnv(Map.of(OpenAdrConfig.TOKEN_LIFETIME, "1 hour"), 8080))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'1 hour'");
        assertThatThrownBy(() -> OpenAdrConfig.fromEnv(Map.of(OpenAdrConfig.SHED_LEVELS, "0,0.5,0.25,1"), 8080))
                .isInstanceOf(ConfigException.class).hasMessageContaining(OpenAdrConfig.SHED_LEVELS);
        assertThatThrownBy(() -> OpenAdrConfig.fromEnv(Map.of(OpenAdrConfig.SHED_LEVELS, "0,x,1,1"), 8080))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'0,x,1,1'");
    }
}
