package org.gridfleet.aggregator.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Issues and hashes API tokens. Tokens are 256 random bits, so a plain SHA-256 is enough to store
 * them (no dictionary to attack); the token itself is shown once and never stored.
 */
public final class TokenHasher {

    private static final int TOKEN_BYTES = 32;
    private final SecureRandom random;

    public TokenHasher(SecureRandom random) {
        this.random = random;
    }

    /** A new random token, {@code gf_} followed by 43 Base64url characters. */
    public String newToken() {
        byte[] b = new byte[TOKEN_BYTES];
        random.nextBytes(b);
        return "gf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
