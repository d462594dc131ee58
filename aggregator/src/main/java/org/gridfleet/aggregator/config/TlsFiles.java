package org.gridfleet.aggregator.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A listener's PEM server certificate (chain, leaf first) and private key (PKCS#8 or PKCS#1), checked when the
 * configuration loads so that a wrong path or file names its key instead of failing the listener later.
 *
 * @param keyPrefix    the configuration keys' prefix, {@code http.tls} or {@code ocpp.tls}, named in every error
 * @param certPath     readable PEM file with a certificate block
 * @param keyPath      readable PEM file with a private-key block
 * @param clientCaPath readable PEM file with the CA certificate(s) clients must present a certificate from
 *                     (OCPP security profile 3), or empty when clients authenticate otherwise
 */
public record TlsFiles(String keyPrefix, Path certPath, Path keyPath, Optional<Path> clientCaPath) {

    private static final String CERTIFICATE = "-----BEGIN CERTIFICATE-----";

    public TlsFiles {
        requirePem(keyPrefix + ".certPath", certPath, CERTIFICATE);
        requirePem(keyPrefix + ".keyPath", keyPath, "PRIVATE KEY-----");
        clientCaPath.ifPresent(ca -> requirePem(keyPrefix + ".clientCaPath", ca, CERTIFICATE));
    }

    /** Server certificate and key only: clients are not asked for certificates. */
    public TlsFiles(String keyPrefix, Path certPath, Path keyPath) {
        this(keyPrefix, certPath, keyPath, Optional.empty());
    }

    /** Both paths or neither: one alone is a mistake, not a request for a plain listener. */
    public static Optional<TlsFiles> of(String keyPrefix, String certPath, String keyPath) {
        return of(keyPrefix, certPath, keyPath, null);
    }

    /** As {@link #of(String, String, String)}, with client certificates from {@code clientCaPath} when set. */
    public static Optional<TlsFiles> of(String keyPrefix, String certPath, String keyPath, String clientCaPath) {
        if (certPath == null && keyPath == null) {
            if (clientCaPath != null) {
                throw new ConfigException(keyPrefix + ".clientCaPath", clientCaPath,
                        "needs " + keyPrefix + ".certPath and " + keyPrefix + ".keyPath (client certificates need TLS)");
            }
            return Optional.empty();
        }
        if (certPath == null || keyPath == null) {
            String missing = keyPrefix + (certPath == null ? ".certPath" : ".keyPath");
            throw new ConfigException(missing, "", "is required when the other TLS file is set");
        }
        return Optional.of(new TlsFiles(keyPrefix, Path.of(certPath), Path.of(keyPath),
                Optional.ofNullable(clientCaPath).map(Path::of)));
    }

    private static void requirePem(String key, Path file, String marker) {
        if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigException(key, String.valueOf(file), "must be a readable PEM file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // includes a binary (DER, PKCS#12) file, which is not ASCII
            throw new ConfigException(key, file.toString(), "must be a PEM text file (" + e + ")");
        }
        if (!text.contains(marker)) {
            throw new ConfigException(key, file.toString(), "has no PEM block ending in '" + marker + "'");
        }
    }
}
