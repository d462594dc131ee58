package org.gridfleet.aggregator.openadr.auth;

/**
 * A refused token request, rendered as the contract's {@code authError} (RFC 6749 section 5.2 codes).
 *
 * @see #error()
 */
public final class TokenRequestException extends RuntimeException {

    private final String error;

    public TokenRequestException(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    /** One of invalid_request, invalid_client, unsupported_grant_type, invalid_scope. */
    public String error() {
        return error;
    }
}
