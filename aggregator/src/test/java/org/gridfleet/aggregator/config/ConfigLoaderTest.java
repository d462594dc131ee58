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
}
