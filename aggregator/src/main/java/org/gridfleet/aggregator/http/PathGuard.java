package org.gridfleet.aggregator.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request lines the router must never see: broken percent-escapes in the path or query (the
 * router would fail outside any failure handler, or a handler with a 500), escapes that are not UTF-8,
 * NUL, and {@code .}/{@code ..} path segments in any spelling (they would silently retarget the request
 * at a parent resource, e.g. a DELETE of {@code /sites/S/chargers/..} at the site). Answers 400
 * problem+json naming {@code path} or the query parameter.
 */
public final class PathGuard implements Handler<HttpServerRequest> {

    private static final String BROKEN = "holds a broken percent-escape or bytes that are not UTF-8";

    private final Handler<HttpServerRequest> next;

    public PathGuard(Handler<HttpServerRequest> next) {
        this.next = next;
    }

    @Override
    public void handle(HttpServerRequest request) {
        GridfleetException e = refusal(request.path(), request.query());
        if (e == null) {
            next.handle(request);
        } else {
            request.response().setStatusCode(400).putHeader("content-type", ProblemHandler.CONTENT_TYPE)
                    .end(ProblemHandler.body(e, request.path()).encode());
        }
    }

    /** Why the request must not be routed (naming {@code path} or the query parameter), or null. */
    static GridfleetException refusal(String path, String query) {
        String problem = problem(path);
        if (problem != null) {
            return GridfleetException.badRequest("path", problem);
        }
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&", -1)) {
            String[] nameValue = pair.split("=", 2);
            String name;
            try {
                name = decode(nameValue[0]);
            } catch (IllegalArgumentException | CharacterCodingException ex) {
                return GridfleetException.badRequest("query", BROKEN);
            }
            try {
                if (nameValue.length == 2 && decode(nameValue[1]).indexOf('\0') >= 0) {
                    return GridfleetException.badRequest(name, "must not contain NUL");
                }
            } catch (IllegalArgumentException | CharacterCodingException ex) {
                return GridfleetException.badRequest(name, BROKEN);
            }
        }
        return null;
    }

    /** What is wrong with the raw {@code path}, or null when it may be routed. */
    static String problem(String path) {
        if (path == null || !path.startsWith("/")) {
            return "must start with /";
        }
        for (String segment : path.substring(1).split("/", -1)) {
            String decoded;
            try {
                decoded = decode(segment);
            } catch (IllegalArgumentException | CharacterCodingException e) {
                return BROKEN;
            }
            if (decoded.indexOf('\0') >= 0) {
                return "must not contain NUL";
            }
            if (decoded.equals(".") || decoded.equals("..")) {
                return "must not contain '.' or '..' segments";
            }
        }
        return null;
    }

    private static String decode(String segment) throws CharacterCodingException {
        int bad = segment.indexOf('%');
        while (bad >= 0) {
            if (bad + 2 >= segment.length() || Character.digit(segment.charAt(bad + 1), 16) < 0
                    || Character.digit(segment.charAt(bad + 2), 16) < 0) {
                throw new IllegalArgumentException("broken escape at " + bad);
            }
            bad = segment.indexOf('%', bad + 3);
        }
        // '+' is a literal in paths; decodeComponent would read it as a space
        String bytes = QueryStringDecoder.decodeComponent(segment.replace("+", "%2B"), StandardCharsets.ISO_8859_1);
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.getBytes(StandardCharsets.ISO_8859_1))).toString();
    }
}
