package org.gridfleet.aggregator.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 secret (at least {@value #MIN_BYTES} bytes) behind Gridfleet's signed tokens. Each audience
 * signs with its own key {@linkplain #derive derived} from this one, so an API token never verifies at the
 * OpenADR VTN and the other way round, whatever its claims say.
 */
public final class SigningKey {

    /** RFC 7518 section 3.2: an HS256 key must be at least as long as the hash output. */
    public static final int MIN_BYTES = 32;
    /** Where a generated key is kept, under {@code GRIDFLEET_HOME}, so tokens outlive a restart. */
    public static final String FILE_NAME = "auth-signing.key";

    private final byte[] secret;

    public SigningKey(byte[] secret) {
        if (secret.length < MIN_BYTES) {
            throw new IllegalArgumentException("a signing key needs at least " + MIN_BYTES + " bytes, but had "
                    + secret.length);
        }
        this.secret = secret.clone();
    }

    /** A fresh key that lives as long as this process (tests, or a server without a home directory). */
    public static SigningKey random(SecureRandom random) {
        byte[] b = new byte[MIN_BYTES];
        random.nextBytes(b);
        return new SigningKey(b);
    }

    /** Decodes a Base64 (standard or URL-safe) key as configured in {@code GRIDFLEET_AUTH_SIGNING_KEY}. */
    public static SigningKey fromBase64(String encoded) {
        String s = encoded.trim();
        try {
            return new SigningKey(s.contains("-") || s.contains("_")
                    ? Base64.getUrlDecoder().decode(s) : Base64.getDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be Base64 of at least " + MIN_BYTES + " random bytes: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The configured key when there is one; otherwise the key kept in {@code home/}{@value #FILE_NAME}, created
     * (owner read/write only) on the first start. Blocking file I/O: call it off the event loop.
     */
    public static SigningKey load(Optional<String> configured, Path home, SecureRandom random) throws IOException {
        if (configured.isPresent()) {
            return fromBase64(configured.get());
        }
        Path file = home.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            Files.createDirectories(home);
            SigningKey created = random(random);
            try {
                Files.write(file, Base64.getEncoder().encode(created.secret), StandardOpenOption.CREATE_NEW);
                restrictToOwner(file);
                return created;
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            }
        }
        return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** HMAC-SHA256 of {@code purpose} under this key: an independent key per audience. */
    public SigningKey derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return new SigningKey(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    byte[] bytes() {
        return secret.clone();
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // e.g. Windows: the file inherits the home directory's ACL
        }
    }

    @Override
    public String toString() {
        return "SigningKey[hidden]";
    }
}
