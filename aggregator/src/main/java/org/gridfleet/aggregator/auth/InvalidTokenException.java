package org.gridfleet.aggregator.auth;

/** A presented JWT that Gridfleet refuses; the message says exactly why (expired, bad signature, ...). */
public final class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }
}
