package org.gridfleet.aggregator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ocpp.tls.certPath} / {@code ocpp.tls.keyPath}: wss for the OCPP gateway (security profile 2). */
class OcppTlsConfigTest {

    @TempDir
    Path dir;
    private Path cert;
    private Path key;
    private final ConfigLoader loader = new ConfigLoader(Path.of("/home/alice"));

    @BeforeEach
    void pemFiles() throws IOException {
        cert = Files.writeString(dir.resolve("ocpp.crt"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        key = Files.writeString(dir.resolve("ocpp.key"), "-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n");
    }

    private GridfleetConfig loadEnv(String certPath, String keyPath) {
        return loader.load(Optional.empty(), Map.of("GRIDFLEET_OCPP_TLS_CERT", certPath, "GRIDFLEET_OCPP_TLS_KEY", keyPath));
    }

    @Test
    void loadShouldConfigureOcppTlsWhenBothPemFilesAreGivenInTheEnvironment() {
        // WHEN
        GridfleetConfig c = loadEnv(cert.toString(), key.toString());
        // THEN
        assertThat(c.ocpp().tls()).contains(new TlsFiles("ocpp.tls", cert, key));
        assertThat(c.http().tls()).isEmpty();
    }

    @Test
    void loadShouldReadOcppTlsFromTheYamlFileWhenNestedUnderOcpp() throws IOException {
        // GIVEN
        Path yaml = Files.writeString(dir.resolve("g.yaml"),
                "ocpp:\n  tls:\n    certPath: " + cert + "\n    keyPath: " + key + "\n");
        // WHEN
        GridfleetConfig c = loader.load(Optional.of(yaml), Map.of());
        // THEN
        assertThat(c.ocpp().tls()).contains(new TlsFiles("ocpp.tls", cert, key));
    }

    @Test
    void loadShouldLeaveOcppOnPlainWebSocketsWhenNoTlsKeyIsSet() {
        assertThat(loader.load(Optional.empty(), Map.of()).ocpp().tls()).isEmpty();
    }

    @Test
    void loadShouldNameTheMissingKeyWhenOnlyOneTlsFileIsSet() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_OCPP_TLS_CERT", cert.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ocpp.tls.keyPath")
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("ocpp.tls.keyPath");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("GRIDFLEET_OCPP_TLS_KEY", key.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ocpp.tls.certPath");
    }

    @Test
    void loadShouldNameTheKeyAndPathWhenACertificateFileDoesNotExist() {
        String missing = dir.resolve("nope.crt").toString();
        assertThatThrownBy(() -> loadEnv(missing, key.toString()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ocpp.tls.certPath").hasMessageContaining(missing);
    }

    @Test
    void loadShouldNameTheKeyWhenTheKeyFileHoldsACertificateInsteadOfAPrivateKey() {
        assertThatThrownBy(() -> loadEnv(cert.toString(), cert.toString()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ocpp.tls.keyPath")
                .hasMessageContaining("PRIVATE KEY");
    }

    @Test
    void loadShouldNameTheKeyWhenTheCertificateIsABinaryFile() throws IOException {
        Path der = Files.write(dir.resolve("ocpp.der"), new byte[] {0x30, (byte) 0x82, (byte) 0xff, (byte) 0xee});
        assertThatThrownBy(() -> loadEnv(der.toString(), key.toString()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ocpp.tls.certPath")
                .hasMessageContaining("PEM");
    }
}
