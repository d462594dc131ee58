package org.gridfleet.aggregator.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Signs and verifies HS256 JWTs for one audience, without a database round trip. Only HS256 under this
 * audience's key is accepted: {@code alg: none}, other algorithms, other audiences, other issuers, expired
 * tokens and tokens issued in the future are refused with an {@link InvalidTokenException} saying which.
 * Time comes from the injected clock; there is no clock skew allowance because only this server signs.
 */
public final class JwtCodec {

    public static final String ISSUER = "gridfleet";
    private static final JWSAlgorithm ALGORITHM = JWSAlgorithm.HS256;

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final String audience;
    private final Clock clock;

    public JwtCodec(SigningKey key, String audience, Clock clock) {
        byte[] derived = key.derive(audience).bytes();
        try {
            this.signer = new MACSigner(derived);
            this.verifier = new MACVerifier(derived);
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 key rejected", e);
        }
        this.audience = audience;
        this.clock = clock;
    }

    /** A token for {@code subject} with the extra {@code claims}, valid from now for {@code lifetime}. */
    public String sign(String subject, Map<String, Object> claims, Duration lifetime) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
        claims.forEach(b::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(ALGORITHM).type(JOSEObjectType.JWT).build(), b.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 signing failed", e);
        }
        return jwt.serialize();
    }

    /** The verified claims of {@code token}; throws {@link InvalidTokenException} naming the first defect. */
    public JWTClaimsSet verify(String token) {
        SignedJWT jwt = signed(token);
        try {
            if (!jwt.verify(verifier)) {
                throw new InvalidTokenException("signature does not verify");
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("signature cannot be checked: " + e.getMessage());
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidTokenException("claims are not a JSON object");
        }
        Instant now = clock.instant();
        if (!ISSUER.equals(claims.getIssuer())) {
            throw new InvalidTokenException("issuer must be " + ISSUER + ", but was " + claims.getIssuer());
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw new InvalidTokenException("audience must include " + audience + ", but was " + claims.getAudience());
        }
        if (claims.getExpirationTime() == null) {
            throw new InvalidTokenException("claim exp is missing");
        }
        if (!now.isBefore(claims.getExpirationTime().toInstant())) {
            throw new InvalidTokenException("expired at " + claims.getExpirationTime().toInstant());
        }
        if (claims.getIssueTime() == null || claims.getIssueTime().toInstant().isAfter(now)) {
            throw new InvalidTokenException("claim iat is missing or in the future");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now)) {
            throw new InvalidTokenException("not valid before " + claims.getNotBeforeTime().toInstant());
        }
        if (claims.getSubject() == null) {
            throw new InvalidTokenException("claim sub is missing");
        }
        return claims;
    }

    /** True for the compact serialization's shape (three dot-separated parts); opaque API keys have no dots. */
    public static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        return first > 0 && token.indexOf('.', first + 1) > first;
    }

    private static SignedJWT signed(String token) {
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException("is not a well-formed JWT: " + e.getMessage());
        }
        if (!(parsed instanceof SignedJWT jwt)) {
            throw new InvalidTokenException("algorithm " + parsed.getHeader().getAlgorithm()
                    + " is not accepted; only " + ALGORITHM + " signed tokens are");
        }
        if (!ALGORITHM.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("algorithm " + jwt.getHeader().getAlgorithm()
                    + " is not accepted; only " + ALGORITHM + " is");
        }
        return jwt;
    }
}
