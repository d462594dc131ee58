package org.gridfleet.aggregator.openadr.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gridfleet.aggregator.openadr.OpenAdrException;
import org.gridfleet.aggregator.openadr.store.ClientRecord;
import org.gridfleet.aggregator.openadr.store.OpenAdrStore;

/**
 * Registers OAuth2 clients and issues and checks opaque bearer tokens. Secrets are PBKDF2-hashed, tokens
 * stored as SHA-256 digests with an expiry; the hashing runs on a worker thread, not the event loop.
 */
public final class OpenAdrTokenService {

    private static final Pattern CLIENT_ID = Pattern.compile("^[A-Za-z0-9_.-]{1,128}$");
    private static final int SALT_BYTES = 16;
    private static final int SECRET_BYTES = 32;

    private final Vertx vertx;
    private final OpenAdrStore store;
    private final Clock clock;
    private final TokenConfig config;
    private final SecureRandom random = new SecureRandom();

    public OpenAdrTokenService(Vertx vertx, OpenAdrStore store, Clock clock, TokenConfig config) {
        this.vertx = vertx;
        this.store = store;
        this.clock = clock;
        this.config = config;
    }

    /** A freshly issued credential; the secret is never retrievable again. */
    public record ClientCredentials(String clientId, String clientSecret) {
    }

    /** An access token and its lifetime in seconds. */
    public record IssuedToken(String accessToken, long expiresInSeconds, String scope) {
    }

    /** Registers a client; fails with a 400 problem on a bad id/venName and 409 when the id is taken. */
    public Future<ClientCredentials> register(String clientId, ClientRole role, String venName) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            return Future.failedFuture(OpenAdrException.badRequest("clientId",
                    "clientId must match " + CLIENT_ID.pattern() + ", but was " + clientId));
        }
        if (role == ClientRole.VEN && (venName == null || venName.isBlank() || venName.length() > 128)) {
            return Future.failedFuture(OpenAdrException.badRequest("venName", "venName (1..128 characters) is required for role VEN"));
        }
        if (role == ClientRole.BL && venName != null) {
            return Future.failedFuture(OpenAdrException.badRequest("venName", "venName must be absent for role BL"));
        }
        String secret = randomToken(SECRET_BYTES);
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return vertx.<byte[]>executeBlocking(() -> SecretHasher.pbkdf2(secret, salt, config.pbkdf2Iterations()), false)
                .compose(hash -> store.insertClient(new ClientRecord(clientId, role, venName, salt, hash,
                        config.pbkdf2Iterations(), clock.instant())))
                .map(v -> new ClientCredentials(clientId, secret));
    }

    /** Client-credentials grant: checks the secret and issues a token. */
    public Future<IssuedToken> issue(String clientId, String clientSecret) {
        return store.findClient(clientId).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(new TokenRequestException("invalid_client", "unknown client_id or wrong secret"));
            }
            ClientRecord client = found.get();
            return vertx.<Boolean>executeBlocking(() -> SecretHasher.matches(clientSecret, client.secretSalt(),
                    client.iterations(), client.secretHash()), false).compose(ok -> {
                if (!ok) {
                    return Future.failedFuture(new TokenRequestException("invalid_client", "unknown client_id or wrong secret"));
                }
                String token = randomToken(SECRET_BYTES);
                Instant expires = clock.instant().plus(config.tokenLifetime());
                return store.insertToken(SecretHasher.sha256(token), clientId, expires)
                        .map(v -> new IssuedToken(token, config.tokenLifetime().toSeconds(), client.role().scopeString()));
            });
        });
    }

    /** The principal behind a bearer token, or empty when unknown or expired. */
    public Future<Optional<OpenAdrPrincipal>> authenticate(String bearerToken) {
        return store.findTokenClient(SecretHasher.sha256(bearerToken), clock.instant())
                .map(client -> client.map(c -> new OpenAdrPrincipal(c.clientId(), c.role(), c.venName())));
    }

    private String randomToken(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
