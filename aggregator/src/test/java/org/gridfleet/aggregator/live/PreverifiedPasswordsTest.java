package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridfleet.aggregator.fleet.Charger;
import org.gridfleet.aggregator.fleet.ChargerCredentials;
import org.gridfleet.aggregator.fleet.PasswordHasher;
import org.junit.jupiter.api.Test;

class PreverifiedPasswordsTest {

    private static final Instant REGISTERED = Instant.parse("2026-11-01T00:00:00Z");

    /** Real PBKDF2 hashes in memory; counts the slow checks. */
    private static final class StoredHashes implements ChargerCredentials {
        final Map<String, String> hashes = new ConcurrentHashMap<>();
        final AtomicInteger checks = new AtomicInteger();
        final PasswordHasher hasher = new PasswordHasher(new SecureRandom(), 1_000);

        @Override
        public Optional<Charger> find(String ocppIdentity) {
            return Optional.empty();
        }

        @Override
        public boolean verify(String ocppIdentity, String password) {
            checks.incrementAndGet();
            String stored = hashes.get(ocppIdentity);
            return stored != null && PasswordHasher.verify(password, stored);
        }
    }

    private final StoredHashes stored = new StoredHashes();
    /** The worker pool, run by hand so the test decides when the slow check has finished. */
    private final Queue<Runnable> worker = new ArrayDeque<>();
    private final PreverifiedPasswords passwords = new PreverifiedPasswords(stored, worker::add, new SecureRandom());

    @Test
    void checkShouldRefuseFirstThenAcceptWhenPasswordWasVerifiedOffTheCallingThread() {
        // GIVEN
        stored.hashes.put("CP-1", stored.hasher.hash("right-password"));
        // WHEN
        boolean first = passwords.check("CP-1", REGISTERED, "right-password".toCharArray());
        // THEN nothing slow ran on the caller; one check is queued
        assertThat(first).isFalse();
        assertThat(stored.checks).hasValue(0);
        assertThat(worker).hasSize(1);
        // WHEN the worker ran it
        worker.poll().run();
        // THEN the next handshakes answer from memory
        assertThat(passwords.check("CP-1", REGISTERED, "right-password".toCharArray())).isTrue();
        assertThat(passwords.check("CP-1", REGISTERED, "right-password".toCharArray())).isTrue();
        assertThat(stored.checks).hasValue(1);
        assertThat(worker).isEmpty();
    }

    @Test
    void checkShouldStayRefusedWithoutNewWorkWhenTheSameWrongPasswordIsRetried() {
        // GIVEN
        stored.hashes.put("CP-1", stored.hasher.hash("right-password"));
        passwords.check("CP-1", REGISTERED, "guess".toCharArray());
        passwords.check("CP-1", REGISTERED, "guess".toCharArray());
        assertThat(worker).as("one check at a time per charger").hasSize(1);
        worker.poll().run();
        // WHEN
        boolean again = passwords.check("CP-1", REGISTERED, "guess".toCharArray());
        // THEN
        assertThat(again).isFalse();
        assertThat(worker).isEmpty();
        assertThat(stored.checks).hasValue(1);
    }

    @Test
    void checkShouldVerifyAfreshWhenTheRegistrationChanged() {
        // GIVEN a verified password
        stored.hashes.put("CP-1", stored.hasher.hash("old-password"));
        passwords.check("CP-1", REGISTERED, "old-password".toCharArray());
        worker.poll().run();
        // WHEN the charger is re-registered with a new password
        stored.hashes.put("CP-1", stored.hasher.hash("new-password"));
        Instant changed = REGISTERED.plusSeconds(60);
        boolean oldAfterChange = passwords.check("CP-1", changed, "old-password".toCharArray());
        worker.poll().run();
        // THEN the old one no longer gets in, and the new one does once verified
        assertThat(oldAfterChange).isFalse();
        assertThat(passwords.check("CP-1", changed, "old-password".toCharArray())).isFalse();
        assertThat(passwords.check("CP-1", changed, "new-password".toCharArray())).isFalse();
        worker.poll().run();
        assertThat(passwords.check("CP-1", changed, "new-password".toCharArray())).isTrue();
    }

    @Test
    void checkShouldNotAcceptAnotherChargersPasswordWhenOnlyThatOneWasVerified() {
        // GIVEN
        stored.hashes.put("CP-1", stored.hasher.hash("shared-looking"));
        passwords.check("CP-1", REGISTERED, "shared-looking".toCharArray());
        worker.poll().run();
        // WHEN
        boolean other = passwords.check("CP-2", REGISTERED, "shared-looking".toCharArray());
        worker.poll().run();
        // THEN
        assertThat(other).isFalse();
        assertThat(passwords.check("CP-2", REGISTERED, "shared-looking".toCharArray())).isFalse();
    }
}
