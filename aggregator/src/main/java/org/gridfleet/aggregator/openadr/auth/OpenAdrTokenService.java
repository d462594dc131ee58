package org.gridfleet.aggregator.openadr.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gridfleet.aggregator.auth.InvalidTokenException;
import org.gridfleet.aggregator.auth.JwtCodec;
import org.gridfleet.aggregator.auth.SigningKey;
import org.gridfleet.aggregator.openadr.OpenAdrException;
import org.gridfleet.aggregator.openadr.store.ClientRecord;
import org.gridfleet.aggregator.openadr.store.OpenAdrStore;

/**
 * Registers OAuth2 clients and issues and checks their access tokens. Secrets are PBKDF2-hashed (on a worker
 * thread, not the event loop). Access tokens are HS256 JWTs for the {@value #AUDIENCE} audience carrying the
 * client ({@code sub}), its role ({@value #ROLE_CLAIM}), its VEN ({@value #VEN_CLAIM}) and the spec's scopes
 * ({@value #SCOPE_CLAIM}, space-separated as in RFC 8693); checking one needs no database.
 */
public final class OpenAdrTokenService {

    public static final String AUDIENCE = "openadr3";
    public static final String ROLE_CLAIM = "role";
    public static final String VEN_CLAIM = "ven";
    public static final String SCOPE_CLAIM = "scope";
    private static final Pattern CLIENT_ID = Pattern.compile("^[A-Za-z0-9_.-]{1,128}$");
    private static final int SALT_BYTES = 16;
    private static final int SECRET_BYTES = 32;

    private final Vertx vertx;
    private final OpenAdrStore store;
    private final Clock clock;
    private final TokenConfig config;
    private final JwtCodec jwt;
    private final SecureRandom random = new SecureRandom();

    /** @param signingKey the server's key; tokens are signed with the key derived for {@value #AUDIENCE} */
    public OpenAdrTokenService(Vertx vertx, OpenAdrStore store, Clock clock, TokenConfig config, SigningKey signingKey) {
        this.vertx = vertx;
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.jwt = new JwtCodec(signingKey, AUDIENCE, clock);
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
                Map<String, Object> claims = new HashMap<>();
                claims.put(ROLE_CLAIM, client.role().name());
                claims.put(SCOPE_CLAIM, client.role().scopeString());
                if (client.venName() != null) {
                    claims.put(VEN_CLAIM, client.venName());
                }
                String token = jwt.sign(clientId, claims, config.tokenLifetime());
                return Future.succeededFuture(new IssuedToken(token, config.tokenLifetime().toSeconds(),
                        client.role().scopeString()));
            });
        });
    }

    /**
     * The principal behind a bearer token. A token that is not one of ours (expired, wrong signature,
     * {@code alg: none}, tampered claims, an API token) fails with a 403 problem saying why: the 3.0.1 contract
     * declares 403, not 401, for its protected operations.
     */
    public Future<Optional<OpenAdrPrincipal>> authenticate(String bearerToken) {
        try {
            JWTClaimsSet claims = jwt.verify(bearerToken);
            ClientRole role = ClientRole.valueOf(claims.getStringClaim(ROLE_CLAIM));
            return Future.succeededFuture(Optional.of(
                    new OpenAdrPrincipal(claims.getSubject(), role, claims.getStringClaim(VEN_CLAIM))));
        } catch (InvalidTokenException e) {
            return Future.failedFuture(OpenAdrException.forbidden("Authorization: access token refused: " + e.getMessage()));
        } catch (ParseException | RuntimeException e) {
            // only reachable with our own signature over claims we never write: refuse rather than guess
            return Future.failedFuture(OpenAdrException.forbidden("Authorization: access token claims are not usable"));
        }
    }

    private String randomToken(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
