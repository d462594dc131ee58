package org.gridfleet.aggregator.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Locale;

/**
 * Checks every JSON request body before any validator or handler parses it: well-formed JSON in valid
 * UTF-8, at most {@value #MAX_DEPTH} levels of nesting, numbers of at most {@value #MAX_NUMBER_DIGITS}
 * characters, no duplicate keys, no NUL or lone surrogates in strings (PostgreSQL cannot store the
 * first, the JDBC driver silently turns the second into '?'). A violation is a 400 naming the field.
 * Bodies of other media types pass untouched. {@link CoreApi} puts it behind authentication for all of
 * {@code /api/v1}; a module with its own failure handler (the OpenADR VTN) must map
 * {@link GridfleetException} before mounting it.
 */
public final class JsonBodyGuard implements Handler<RoutingContext> {

    public static final int MAX_DEPTH = 32;
    public static final int MAX_NUMBER_DIGITS = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_DIGITS).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    @Override
    public void handle(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body != null && body.length() > 0 && isJson(ctx.request().getHeader("content-type"))) {
            try {
                check(body.getBytes());
            } catch (GridfleetException e) {
                ctx.fail(e);
                return;
            }
        }
        ctx.next();
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** Throws a {@link GridfleetException#badRequest} naming the first offending field. */
    static void check(byte[] json) {
        if (json.length >= 3 && json[0] == (byte) 0xEF && json[1] == (byte) 0xBB && json[2] == (byte) 0xBF) {
            throw GridfleetException.badRequest(FieldPath.ROOT, "must not start with a byte order mark (RFC 8259)");
        }
        JsonParser p;
        try {
            p = FACTORY.createParser(json);
        } catch (IOException e) {
            throw GridfleetException.badRequest(FieldPath.ROOT, "is not readable JSON");
        }
        try (p) {
            scan(p);
        } catch (StreamConstraintsException e) {
            throw GridfleetException.badRequest(path(p.getParsingContext()),
                    "is a number longer than " + MAX_NUMBER_DIGITS + " characters");
        } catch (JsonParseException e) {
            throw GridfleetException.badRequest(path(p.getParsingContext()), "is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw GridfleetException.badRequest(FieldPath.ROOT, "is not readable JSON");
        }
    }

    private static void scan(JsonParser p) throws IOException {
        int depth = 0;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            switch (t) {
                case START_OBJECT, START_ARRAY -> {
                    if (++depth > MAX_DEPTH) {
                        throw GridfleetException.badRequest(path(p.getParsingContext().getParent()),
                                "nests deeper than " + MAX_DEPTH + " levels");
                    }
                }
                case END_OBJECT, END_ARRAY -> depth--;
                case FIELD_NAME, VALUE_STRING -> checkText(p);
                default -> {
                    // numbers, booleans and null are checked by the parser itself
                }
            }
            if (depth == 0) {
                if (p.nextToken() != null) {
                    throw GridfleetException.badRequest(FieldPath.ROOT, "holds more than one JSON value");
                }
                return;
            }
        }
    }

    private static void checkText(JsonParser p) throws IOException {
        String s = p.getText();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                throw GridfleetException.badRequest(path(p.getParsingContext()), "must not contain the NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw GridfleetException.badRequest(path(p.getParsingContext()),
                        "holds a lone UTF-16 surrogate (not valid Unicode)");
            }
        }
    }

    /** The field the parser is at: the current name in an object, the current index in an array. */
    private static String path(JsonStreamContext ctx) {
        return ctx == null ? FieldPath.ROOT : FieldPath.of(ctx.pathAsPointer().toString());
    }
}
