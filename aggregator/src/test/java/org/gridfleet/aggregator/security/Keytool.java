package org.gridfleet.aggregator.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The JDK's {@code keytool} on PKCS#12 stores in a test directory, and the PEM files an operator would configure
 * (keytool cannot export a private key, so keys are read from the store and written as PKCS#8).
 */
final class Keytool {

    private static final String PASSWORD = "changeit";
    private final Path dir;

    Keytool(Path dir) {
        this.dir = dir;
    }

    /** An EC P-256 key pair under {@code alias} in its own store, self-signed for {@code dname}. */
    void keyPair(String alias, String dname, String... extensions) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", dname, "-validity", "2"));
        for (String ext : extensions) {
            args.add("-ext");
            args.add(ext);
        }
        run(alias, args);
    }

    /** Has {@code issuer} sign {@code alias}'s certificate and writes the signed PEM certificate. */
    Path signed(String alias, String issuer) throws IOException, InterruptedException {
        Path request = dir.resolve(alias + ".csr");
        Path cert = dir.resolve(alias + ".crt");
        run(alias, List.of("-certreq", "-alias", alias, "-file", request.toString()));
        run(issuer, List.of("-gencert", "-alias", issuer, "-infile", request.toString(), "-outfile", cert.toString(),
                "-rfc", "-validity", "2"));
        return cert;
    }

    /** The PEM certificate of {@code alias} as its store holds it (self-signed unless replaced). */
    Path certificatePem(String alias) throws IOException, GeneralSecurityException {
        return Files.writeString(dir.resolve(alias + ".crt"), pem("CERTIFICATE", store(alias).getCertificate(alias)
                .getEncoded()));
    }

    /** The PKCS#8 PEM private key of {@code alias}. */
    Path privateKeyPem(String alias) throws IOException, GeneralSecurityException {
        return Files.writeString(dir.resolve(alias + ".key"),
                pem("PRIVATE KEY", store(alias).getKey(alias, PASSWORD.toCharArray()).getEncoded()));
    }

    private KeyStore store(String alias) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(alias + ".p12"))) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    private void run(String storeAlias, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(args);
        command.addAll(List.of("-storetype", "PKCS12", "-keystore", dir.resolve(storeAlias + ".p12").toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool " + args.get(0) + " failed: " + output);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
