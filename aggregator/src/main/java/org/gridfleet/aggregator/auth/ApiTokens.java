package org.gridfleet.aggregator.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.gridfleet.aggregator.tenant.Principal;
import org.gridfleet.aggregator.tenant.Role;

/**
 * Short-lived signed access tokens for {@code /api/v1}: a caller trades its long-lived API key for one at
 * {@code POST /api/v1/auth/token}. The claims carry the tenant ({@value #TENANT_CLAIM}), the role
 * ({@value #ROLE_CLAIM}) and, as subject, the id of the API key it was issued for (so the audit log still
 * tells the tenant's keys apart); verifying needs no database. A deleted API key's tokens stay valid until
 * they expire, which is why the lifetime is short.
 */
public final class ApiTokens {

    public static final String AUDIENCE = "gridfleet-api";
    public static final String TENANT_CLAIM = "tenant";
    public static final String ROLE_CLAIM = "role";
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);

    /** A token and when it stops being accepted. */
    public record Issued(String accessToken, Instant expiresAt, Duration lifetime) {
    }

    private final JwtCodec codec;
    private final Duration lifetime;
    private final Clock clock;

    public ApiTokens(SigningKey key, Duration lifetime, Clock clock) {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be > 0, but was " + lifetime);
        }
        this.codec = new JwtCodec(key, AUDIENCE, clock);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Issued issue(Principal caller) {
        Instant expires = clock.instant().plus(lifetime);
        String token = codec.sign(caller.tokenId().toString(),
                Map.of(TENANT_CLAIM, caller.tenantId().toString(), ROLE_CLAIM, caller.role().wireName()), lifetime);
        return new Issued(token, expires, lifetime);
    }

    /** The caller a token speaks for; throws {@link InvalidTokenException} saying why it is refused. */
    public Principal verify(String token) {
        JWTClaimsSet claims = codec.verify(token);
        UUID keyId = uuid("sub", claims.getSubject());
        UUID tenant = uuid(TENANT_CLAIM, string(claims, TENANT_CLAIM));
        String roleName = string(claims, ROLE_CLAIM);
        Role role = Role.fromWire(roleName)
                .orElseThrow(() -> new InvalidTokenException("claim role " + roleName + " is not a known role"));
        return new Principal(tenant, role, keyId);
    }

    private static String string(JWTClaimsSet claims, String name) {
        try {
            String value = claims.getStringClaim(name);
            if (value == null) {
                throw new InvalidTokenException("claim " + name + " is missing");
            }
            return value;
        } catch (ParseException e) {
            throw new InvalidTokenException("claim " + name + " must be a string");
        }
    }

    private static UUID uuid(String claim, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("claim " + claim + " must be a UUID");
        }
    }
}
