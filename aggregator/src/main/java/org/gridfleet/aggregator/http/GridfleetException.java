package org.gridfleet.aggregator.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one error family of the aggregator. Each {@link Code} has a stable name and an HTTP status;
 * {@link ProblemHandler} maps it once to {@code application/problem+json}.
 */
public final class GridfleetException extends RuntimeException {

    /** Stable error codes; the wire shows them as {@code https://gridfleet.org/problems/<slug>}. */
    public enum Code {
        BAD_REQUEST(400, "bad-request"),
        UNAUTHORIZED(401, "unauthorized"),
        FORBIDDEN(403, "forbidden"),
        NOT_FOUND(404, "not-found"),
        METHOD_NOT_ALLOWED(405, "method-not-allowed"),
        CONFLICT(409, "conflict"),
        PAYLOAD_TOO_LARGE(413, "payload-too-large"),
        TOO_MANY_REQUESTS(429, "too-many-requests"),
        UNAVAILABLE(503, "unavailable");

        private final int httpStatus;
        private final String slug;

        Code(int httpStatus, String slug) {
            this.httpStatus = httpStatus;
            this.slug = slug;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public String slug() {
            return slug;
        }
    }

    private final Code code;
    private final Optional<String> field;
    private final Optional<Duration> retryAfter;

    private GridfleetException(Code code, String message, Optional<String> field, Throwable cause) {
        this(code, message, field, cause, Optional.empty());
    }

    private GridfleetException(Code code, String message, Optional<String> field, Throwable cause,
                               Optional<Duration> retryAfter) {
        super(message, cause);
        this.code = Objects.requireNonNull(code);
        this.field = field;
        this.retryAfter = retryAfter;
    }

    /** A request value that is missing or wrong; {@code field} is its JSON pointer-like path, e.g. {@code reserveSoc}. */
    public static GridfleetException badRequest(String field, String message) {
        return new GridfleetException(Code.BAD_REQUEST, field + ": " + message, Optional.of(field), null);
    }

    public static GridfleetException notFound(String what) {
        return new GridfleetException(Code.NOT_FOUND, what + " not found", Optional.empty(), null);
    }

    public static GridfleetException conflict(String message) {
        return new GridfleetException(Code.CONFLICT, message, Optional.empty(), null);
    }

    public static GridfleetException unauthorized(String message) {
        return new GridfleetException(Code.UNAUTHORIZED, message, Optional.empty(), null);
    }

    public static GridfleetException forbidden(String message) {
        return new GridfleetException(Code.FORBIDDEN, message, Optional.empty(), null);
    }

    public static GridfleetException methodNotAllowed(String message) {
        return new GridfleetException(Code.METHOD_NOT_ALLOWED, message, Optional.empty(), null);
    }

    public static GridfleetException payloadTooLarge(String message) {
        return new GridfleetException(Code.PAYLOAD_TOO_LARGE, message, Optional.empty(), null);
    }

    /** Too many attempts; the answer carries {@code Retry-After} with {@code retryAfter} rounded up to whole seconds. */
    public static GridfleetException tooManyRequests(String message, Duration retryAfter) {
        return new GridfleetException(Code.TOO_MANY_REQUESTS, message, Optional.empty(), null, Optional.of(retryAfter));
    }

    public static GridfleetException unavailable(String message, Throwable cause) {
        return new GridfleetException(Code.UNAVAILABLE, message, Optional.empty(), cause);
    }

    public Code code() {
        return code;
    }

    /** How long the client should wait, for {@link Code#TOO_MANY_REQUESTS}. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** The offending request field, for {@link Code#BAD_REQUEST}. */
    public Optional<String> field() {
        return field;
    }
}
