package org.gridfleet.market.live;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridfleet.market.Product;
import org.gridfleet.market.ProductKind;

/**
 * HTTP endpoint receiving live signal samples: {@code POST /signals/{productId}} with
 *
 * <pre>{"samples": [{"at": "2026-01-15T22:00:02Z", "value": -0.31}, ...]}</pre>
 *
 * or, as a stream, a WebSocket on {@code /signals/{productId}/stream} carrying one such JSON batch per text
 * message; each message is answered with {@code {"accepted": n}} or a problem object (the socket stays open).
 * Samples of a product must arrive in strictly increasing time. A request is validated as a whole before any
 * sample reaches the {@link SignalSink}: on bad input nothing is delivered and the reply is
 * {@code application/problem+json} naming the field (400 malformed, 404 unknown product, 409 out of order,
 * 413 body too large); 204 when every sample was accepted.
 *
 * <p>Value ranges: regulation signals within ±{@value #MAX_ABS_REGULATION_SIGNAL} (raw PJM files stray slightly
 * beyond ±1), frequencies within [{@value #MIN_FREQUENCY_HZ}, {@value #MAX_FREQUENCY_HZ}] Hz. Deploy one instance:
 * the last accepted time per product lives in this verticle, on its event loop.
 */
public final class MarketSignalFeed extends VerticleBase {

    /** Largest accepted body, bytes. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    public static final double MAX_ABS_REGULATION_SIGNAL = 1.1;
    public static final double MIN_FREQUENCY_HZ = 45;
    public static final double MAX_FREQUENCY_HZ = 65;
    private static final String PREFIX = "/signals/";
    private static final String STREAM_SUFFIX = "/stream";

    private final Map<String, Product> products = new HashMap<>();
    private final SignalSink sink;
    private final String host;
    private final int port;
    private final Map<String, Instant> lastAccepted = new HashMap<>();
    private HttpServer server;

    /**
     * @param products the products whose signals this feed accepts
     * @param sink where accepted samples go
     * @param host interface to bind (e.g. {@code 127.0.0.1})
     * @param port port to bind, 0 for any free port
     */
    public MarketSignalFeed(List<Product> products, SignalSink sink, String host, int port) {
        for (Product p : products) {
            this.products.put(p.id(), p);
        }
        this.sink = Objects.requireNonNull(sink, "sink");
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
    }

    @Override
    public Future<?> start() {
        if (products.isEmpty()) {
            return Future.failedFuture(new IllegalStateException("a signal feed needs at least one product"));
        }
        return vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketMessageSize(MAX_BODY_BYTES))
                .requestHandler(this::handle).webSocketHandler(this::stream).listen(port, host)
                .onSuccess(s -> server = s);
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** The bound port, once started. */
    public int actualPort() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest req) {
        String path = req.path();
        if (!path.startsWith(PREFIX)) {
            problem(req, 404, "not-found", "no resource at " + path);
            return;
        }
        if (req.method() != HttpMethod.POST) {
            problem(req, 405, "method-not-allowed", "only POST is accepted on " + path);
            return;
        }
        Product product = products.get(path.substring(PREFIX.length()));
        if (product == null) {
            problem(req, 404, "unknown-product", "no product '" + path.substring(PREFIX.length()) + "'");
            return;
        }
        // Read with a running cap so an oversized or chunked body is refused without buffering it whole.
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        req.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > MAX_BODY_BYTES) {
                refused[0] = true;
                problem(req, 413, "body-too-large", "body must be at most " + MAX_BODY_BYTES + " bytes");
            } else {
                body.appendBuffer(chunk);
            }
        });
        req.exceptionHandler(e -> refused[0] = true);
        req.endHandler(v -> {
            if (!refused[0]) {
                accept(req, product, body);
            }
        });
    }

    private void accept(HttpServerRequest req, Product product, Buffer body) {
        Problem p = deliver(product, body).problem();
        if (p != null) {
            p.send(req);
        } else {
            req.response().setStatusCode(204).end();
        }
    }

    private void stream(ServerWebSocket ws) {
        String path = ws.path();
        Product product = path.startsWith(PREFIX) && path.endsWith(STREAM_SUFFIX)
                ? products.get(path.substring(PREFIX.length(), path.length() - STREAM_SUFFIX.length())) : null;
        if (product == null) {
            ws.close((short) 1008, "no signal stream at " + path);
            return;
        }
        ws.textMessageHandler(text -> {
            Outcome o = deliver(product, Buffer.buffer(text));
            ws.writeTextMessage(o.problem() != null ? o.problem().json().encode()
                    : new JsonObject().put("accepted", o.accepted()).encode());
        });
    }

    /** Validates a whole batch, then hands every sample to the sink. */
    private Outcome deliver(Product product, Buffer body) {
        List<Instant> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        try {
            parse(product, body, times, values);
        } catch (IllegalArgumentException e) {
            return Outcome.refused(new Problem(400, "invalid-sample", e.getMessage()));
        }
        Instant last = lastAccepted.get(product.id());
        for (int i = 0; i < times.size(); i++) {
            Instant previous = i == 0 ? last : times.get(i - 1);
            if (previous != null && !times.get(i).isAfter(previous)) {
                return Outcome.refused(new Problem(409, "out-of-order", "samples[" + i + "].at " + times.get(i)
                        + " is not after the previous sample at " + previous));
            }
        }
        for (int i = 0; i < times.size(); i++) {
            sink.accept(product.id(), times.get(i), values.get(i));
        }
        if (!times.isEmpty()) {
            lastAccepted.put(product.id(), times.get(times.size() - 1));
        }
        return new Outcome(times.size(), null);
    }

    private static void parse(Product product, Buffer body, List<Instant> times, List<Double> values) {
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("body must be a JSON object with a 'samples' array");
        }
        Object raw = json.getValue("samples");
        if (!(raw instanceof JsonArray samples)) {
            throw new IllegalArgumentException("samples must be an array");
        }
        for (int i = 0; i < samples.size(); i++) {
            if (!(samples.getValue(i) instanceof JsonObject sample)) {
                throw new IllegalArgumentException("samples[" + i + "] must be an object");
            }
            if (!(sample.getValue("at") instanceof String at)) {
                throw new IllegalArgumentException("samples[" + i + "].at must be an ISO-8601 instant string");
            }
            if (!(sample.getValue("value") instanceof Number number)) {
                throw new IllegalArgumentException("samples[" + i + "].value must be a number");
            }
            try {
                times.add(Instant.parse(at));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("samples[" + i + "].at '" + at + "' is not an ISO-8601 instant");
            }
            double value = number.doubleValue();
            requireInRange(product, i, value);
            values.add(value);
        }
    }

    private static void requireInRange(Product product, int i, double value) {
        boolean ok = product.kind() == ProductKind.FREQUENCY_CONTAINMENT
                ? value >= MIN_FREQUENCY_HZ && value <= MAX_FREQUENCY_HZ
                : Math.abs(value) <= MAX_ABS_REGULATION_SIGNAL;
        if (!Double.isFinite(value) || !ok) {
            throw new IllegalArgumentException("samples[" + i + "].value " + value + " is out of range for "
                    + product.kind() + " product " + product.id());
        }
    }

    private static void problem(HttpServerRequest req, int status, String type, String detail) {
        new Problem(status, type, detail).send(req);
    }

    /** How a batch ended: the number of samples accepted, or the problem that refused all of them. */
    private record Outcome(int accepted, Problem problem) {

        static Outcome refused(Problem problem) {
            return new Outcome(0, problem);
        }
    }

    /** An RFC 9457 problem: HTTP status, a stable type and a detail naming the field. */
    private record Problem(int status, String type, String detail) {

        JsonObject json() {
            return new JsonObject().put("type", "urn:gridfleet:problem:" + type).put("status", status)
                    .put("detail", detail);
        }

        void send(HttpServerRequest req) {
            req.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                    .end(json().encode());
        }
    }
}
