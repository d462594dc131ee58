package org.gridfleet.aggregator.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request paths the router must never see: broken percent-escapes (the router would fail
 * outside any failure handler), escapes that are not UTF-8, NUL, and {@code .}/{@code ..} segments
 * in any spelling (they would silently retarget the request at a parent resource, e.g. a DELETE
 * of {@code /sites/S/chargers/..} at the site). Answers 400 problem+json naming {@code path}.
 */
public final class PathGuard implements Handler<HttpServerRequest> {

    private final Handler<HttpServerRequest> next;

    public PathGuard(Handler<HttpServerRequest> next) {
        this.next = next;
    }

    @Override
    public void handle(HttpServerRequest request) {
        String problem = problem(request.path());
        if (problem == null) {
            next.handle(request);
        } else {
            GridfleetException e = GridfleetException.badRequest("path", problem);
            request.response().setStatusCode(400).putHeader("content-type", ProblemHandler.CONTENT_TYPE)
                    .end(ProblemHandler.body(e, request.path()).encode());
        }
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
                return "holds a broken percent-escape or bytes that are not UTF-8";
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
