package org.gridfleet.aggregator.openadr;

import java.util.Optional;

/**
 * A failure the OpenADR face answers with the contract's {@code problem} object. Carries the HTTP status,
 * a short title and a detail that names the offending field. No stack trace: these are expected
 * rejections of caller input, made in volume.
 */
public final class OpenAdrException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    private OpenAdrException(int status, String title, String detail, String field) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    private OpenAdrException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    public static OpenAdrException badRequest(String detail) {
        return new OpenAdrException(400, "Bad Request", detail);
    }

    /** A 400 whose detail starts with {@code field}; the field also travels separately for Gridfleet problems. */
    public static OpenAdrException badRequest(String field, String detail) {
        return new OpenAdrException(400, "Bad Request", detail, field);
    }

    public static OpenAdrException unauthorized(String detail) {
        return new OpenAdrException(401, "Unauthorized", detail);
    }

    public static OpenAdrException forbidden(String detail) {
        return new OpenAdrException(403, "Forbidden", detail);
    }

    public static OpenAdrException notFound(String detail) {
        return new OpenAdrException(404, "Not Found", detail);
    }

    public static OpenAdrException conflict(String detail) {
        return new OpenAdrException(409, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** The offending request field, when the rejection names one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
