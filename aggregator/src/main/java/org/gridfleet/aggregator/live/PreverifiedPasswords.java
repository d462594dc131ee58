package org.gridfleet.aggregator.live;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gridfleet.aggregator.fleet.ChargerCredentials;

/**
 * Charger password checks that never block the event loop. The stored hash is PBKDF2 (tens of milliseconds
 * a check, by design), and the gateway asks synchronously during the WebSocket handshake. So a password is
 * verified once against the database on a worker thread, and the verdict is kept as a keyed HMAC of
 * (charger id, password), which answers later handshakes in microseconds.
 *
 * <p>The first handshake with a password not seen before is refused (401) while its check runs; the charger's
 * ordinary reconnect then finds the verdict. A verdict belongs to one registration of the charger (its
 * {@code updatedAt}): a changed registration, e.g. a new password, is verified afresh. At most one check per
 * charger runs at a time, and a refused password is remembered, so wrong passwords cannot queue PBKDF2 work.
 */
public final class PreverifiedPasswords {

    private record Verdict(Instant registration, byte[] digest) {
        boolean covers(Instant currentRegistration, byte[] candidate) {
            return registration.equals(currentRegistration) && MessageDigest.isEqual(digest, candidate);
        }
    }

    private final ChargerCredentials credentials;
    private final Executor blocking;
    private final SecretKeySpec key;
    private final Map<String, Verdict> accepted = new ConcurrentHashMap<>();
    private final Map<String, Verdict> refused = new ConcurrentHashMap<>();
    private final Set<String> checking = ConcurrentHashMap.newKeySet();

    /**
     * @param credentials the blocking PBKDF2 check against the database
     * @param blocking    where that check runs (a worker pool, never an event loop)
     */
    public PreverifiedPasswords(ChargerCredentials credentials, Executor blocking, SecureRandom random) {
        this.credentials = credentials;
        this.blocking = blocking;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * @param registration the charger's registration version ({@code updatedAt}) the caller knows now
     * @return true only for a password already verified for this registration; otherwise false, after starting
     *     its verification when none is running for the charger
     */
    public boolean check(String chargerId, Instant registration, char[] password) {
        byte[] digest = digest(chargerId, password);
        Verdict ok = accepted.get(chargerId);
        if (ok != null && ok.covers(registration, digest)) {
            return true;
        }
        Verdict bad = refused.get(chargerId);
        if (bad != null && bad.covers(registration, digest)) {
            return false;
        }
        if (checking.add(chargerId)) {
            String candidate = new String(password);
            blocking.execute(() -> verify(chargerId, registration, candidate, digest));
        }
        return false;
    }

    private void verify(String chargerId, Instant registration, String password, byte[] digest) {
        try {
            Verdict verdict = new Verdict(registration, digest);
            if (credentials.verify(chargerId, password)) {
                accepted.put(chargerId, verdict);
                refused.remove(chargerId);
            } else {
                refused.put(chargerId, verdict);
            }
        } finally {
            checking.remove(chargerId);
        }
    }

    private byte[] digest(String chargerId, char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(chargerId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(bytes.duplicate());
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
