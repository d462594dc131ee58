package org.gridfleet.aggregator.openadr.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** PBKDF2-HMAC-SHA256 for client secrets, from the JDK (access tokens are signed JWTs, never stored). */
public final class SecretHasher {

    /** OWASP 2023 guidance for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final int KEY_BITS = 256;

    private SecretHasher() {
    }

    public static byte[] pbkdf2(String secret, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, KEY_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison of a presented secret with the stored hash. */
    public static boolean matches(String secret, byte[] salt, int iterations, byte[] expectedHash) {
        return MessageDigest.isEqual(pbkdf2(secret, salt, iterations), expectedHash);
    }
}
