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

/** {@code ocpp.maxMessageBytes}: the gateway's inbound OCPP-J message limit. */
class OcppMessageLimitConfigTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Path.of("/home/alice"));

    @Test
    void loadShouldKeepTheGatewayDefaultOf64KibWhenTheKeyIsNotSet() {
        // WHEN
        GridfleetConfig c = loader.load(Optional.empty(), Map.of());
        // THEN
        assertThat(c.ocpp().maxMessageBytes()).isEqualTo(64 * 1024);
        assertThat(c.ocpp().serverConfig().maxMessageBytes()).isEqualTo(64 * 1024);
    }

    @Test
    void loadShouldPassTheLimitToTheGatewayWhenTheYamlFileSetsIt() throws IOException {
        // GIVEN
        Path yaml = Files.writeString(dir.resolve("g.yaml"), "ocpp:\n  maxMessageBytes: 131072\n");
        // WHEN
        GridfleetConfig c = loader.load(Optional.of(yaml), Map.of());
        // THEN
        assertThat(c.ocpp().maxMessageBytes()).isEqualTo(131_072);
        assertThat(c.ocpp().serverConfig().maxMessageBytes()).isEqualTo(131_072);
    }

    @Test
    void loadShouldLetTheEnvironmentOverrideTheFileWhenBothSetTheLimit() throws IOException {
        // GIVEN
        Path yaml = Files.writeString(dir.resolve("g.yaml"), "ocpp:\n  maxMessageBytes: 131072\n");
        // WHEN
        GridfleetConfig c = loader.load(Optional.of(yaml), Map.of("GRIDFLEET_OCPP_MAX_MESSAGE_BYTES", "2048"));
        // THEN
        assertThat(c.ocpp().maxMessageBytes()).isEqualTo(2048);
    }

    @Test
    void loadShouldNameTheKeyAndValueWhenTheLimitIsTooSmallTooLargeOrNotANumber() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_OCPP_MAX_MESSAGE_BYTES", "1023")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ocpp.maxMessageBytes").hasMessageContaining("1023")
                .hasMessageContaining("1024..16777216");
        assertThatThrownBy(() -> loader.load(Optional.empty(),
                Map.of("GRIDFLEET_OCPP_MAX_MESSAGE_BYTES", "16777217")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ocpp.maxMessageBytes").hasMessageContaining("16777217");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_OCPP_MAX_MESSAGE_BYTES", "64k")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ocpp.maxMessageBytes").hasMessageContaining("64k");
    }

    @Test
    void serverConfigShouldCarryTheCallTimeoutAlongsideTheLimitWhenBothAreSet() {
        // WHEN
        GridfleetConfig c = loader.load(Optional.empty(), Map.of("GRIDFLEET_OCPP_MAX_MESSAGE_BYTES", "4096",
                "GRIDFLEET_OCPP_CALL_TIMEOUT_MS", "7000"));
        // THEN
        assertThat(c.ocpp().serverConfig().maxMessageBytes()).isEqualTo(4096);
        assertThat(c.ocpp().serverConfig().callTimeout()).hasMillis(7000);
    }
}
