package org.gridfleet.aggregator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path home;

    private static String token(SigningKey key, String audience) {
        return new JwtCodec(key, audience, CLOCK).sign("s", Map.of(), Duration.ofMinutes(1));
    }

    @Test
    void loadShouldCreateAnOwnerOnlyKeyFileOnceAndReuseItWhenNoKeyIsConfigured() throws IOException {
        // GIVEN
        SigningKey first = SigningKey.load(Optional.empty(), home, random);
        // WHEN
        SigningKey second = SigningKey.load(Optional.empty(), home, random);
        // THEN
        Path file = home.resolve(SigningKey.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(second.bytes()).isEqualTo(first.bytes());
        new JwtCodec(second, "api", CLOCK).verify(token(first, "api"));
    }

    @Test
    void loadShouldUseTheConfiguredKeyAndWriteNothingWhenOneIsConfigured() throws IOException {
        // GIVEN
        byte[] raw = new byte[SigningKey.MIN_BYTES];
        random.nextBytes(raw);
        // WHEN
        SigningKey key = SigningKey.load(Optional.of(Base64.getEncoder().encodeToString(raw)), home, random);
        // THEN
        assertThat(key.bytes()).isEqualTo(raw);
        assertThat(home.resolve(SigningKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void constructorShouldRejectAKeyWhenItIsShorterThan256Bits() {
        assertThatThrownBy(() -> new SigningKey(new byte[SigningKey.MIN_BYTES - 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> SigningKey.fromBase64("c2hvcnQ="))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void codecShouldRefuseATokenWhenItWasSignedForAnotherAudience() {
        // GIVEN one server key, two audiences
        SigningKey key = SigningKey.random(random);
        String forOpenAdr = token(key, "openadr3");
        // WHEN / THEN
        assertThatThrownBy(() -> new JwtCodec(key, "gridfleet-api", CLOCK).verify(forOpenAdr))
                .isInstanceOf(InvalidTokenException.class).hasMessage("signature does not verify");
        assertThat(new JwtCodec(key, "openadr3", CLOCK).verify(forOpenAdr).getSubject()).isEqualTo("s");
    }

    @Test
    void codecShouldRefuseATokenWhenItIsIssuedInTheFutureOrExpired() {
        // GIVEN
        SigningKey key = SigningKey.random(random);
        String token = token(key, "api");
        // WHEN / THEN
        assertThatThrownBy(() -> new JwtCodec(key, "api", Clock.offset(CLOCK, Duration.ofSeconds(-1))).verify(token))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("iat");
        assertThatThrownBy(() -> new JwtCodec(key, "api", Clock.offset(CLOCK, Duration.ofMinutes(1))).verify(token))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("expired at 2026-11-28T12:01:00Z");
    }
}
