package org.gridfleet.aggregator.openadr;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gridfleet.aggregator.openadr.auth.TokenConfig;
import org.gridfleet.aggregator.openadr.grid.FlexibilityReading;
import org.gridfleet.aggregator.openadr.grid.GridObligation;
import org.gridfleet.aggregator.openadr.store.JdbcOpenAdrStore;
import org.gridfleet.aggregator.openadr.store.OpenAdrStore;
import org.gridfleet.aggregator.testsupport.TestServer;

/**
 * The real Gridfleet server ({@link TestServer}) with the {@link OpenAdrModule} mounted, a listener that records
 * obligations and a stand-in flexibility source; clients are registered with the Gridfleet admin token. Every
 * response a test reads through {@link #call} is validated against the official contract.
 */
public final class VtnTestServer {

    /** The loopback address the server binds. */
    public static final String HOST = "127.0.0.1";
    /** What the stand-in flexibility source reports for every target and window. */
    public static final FlexibilityReading READING =
            new FlexibilityReading(55.0, 55.0, 90.0, 130.0, 25.0, 700.0, 0.6, 160.0, 120.0);
    /** Few PBKDF2 iterations keep client registration fast; the token lifetime the tests expect. */
    private static final TokenConfig TOKENS = new TokenConfig(Duration.ofMinutes(30), 1000);

    private final List<ObligationCall> obligations = new CopyOnWriteArrayList<>();
    private TestServer server;
    private OpenAdrModule module;
    private OpenAdrStore store;
    private ContractCheck contract;

    /** One listener call. */
    public record ObligationCall(String eventId, List<GridObligation> obligations) {
    }

    /** A response already checked against the contract. */
    public record Reply(int status, Buffer body) {
        public JsonObject json() {
            return body.toJsonObject();
        }

        public io.vertx.core.json.JsonArray array() {
            return body.toJsonArray();
        }
    }

    /** Starts the server (blocking: call it from the test thread, not an event loop). */
    public Future<VtnTestServer> start(Clock clock, OpenAdrVtnConfig config) {
        try {
            server = TestServer.start(VtnTestServer.class, clock, vertx -> {
                module = OpenAdrModule.load(vertx, new OpenAdrConfig(config, TOKENS),
                        (eventId, list) -> obligations.add(new ObligationCall(eventId, list)),
                        (target, from, to) -> Future.succeededFuture(READING)).await();
                return module.routeModules();
            });
            store = new JdbcOpenAdrStore(server.vertx, server.dataSource);
            contract = ContractCheck.load(server.vertx).await();
            return Future.succeededFuture(this);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /** The underlying Gridfleet test server (tenants, tokens, plain API calls). */
    public TestServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return "http://" + HOST + ":" + port() + OpenAdrVtn.MOUNT_PATH;
    }

    /** The mounted module: {@code publishReport} and friends. */
    public OpenAdrModule module() {
        return module;
    }

    public OpenAdrStore store() {
        return store;
    }

    public List<ObligationCall> obligations() {
        return obligations;
    }

    public ContractCheck contract() {
        return contract;
    }

    /** A client on the server's Vert.x whose default host and port are this server. */
    public WebClient client() {
        return server.client;
    }

    /** Registers a client through {@code POST /api/v1/openadr/clients} with the admin token; returns its secret. */
    public Future<String> register(String clientId, String role, String venName) {
        JsonObject registration = new JsonObject().put("clientId", clientId).put("role", role);
        if (venName != null) {
            registration.put("venName", venName);
        }
        return client().post(OpenAdrModule.CLIENTS_PATH).bearerTokenAuthentication(TestServer.ADMIN_TOKEN)
                .sendJsonObject(registration)
                .compose(reply -> reply.statusCode() == 201
                        ? Future.succeededFuture(reply.bodyAsJsonObject().getString("clientSecret"))
                        : Future.failedFuture("registration failed: " + reply.statusCode() + " " + reply.bodyAsString()));
    }

    /** Registers a client through the admin API and returns an access token from /auth/token. */
    public Future<String> tokenFor(String clientId, String role, String venName) {
        return register(clientId, role, venName)
                .compose(secret -> fetchToken(clientId, secret, "client_credentials"))
                .compose(reply -> checked("fetchToken", reply))
                .map(reply -> reply.json().getString("access_token"));
    }

    /** {@code POST /openadr3/auth/token} with the client-credentials form; the reply is not yet checked. */
    public Future<HttpResponse<Buffer>> fetchToken(String clientId, String secret, String grantType) {
        io.vertx.core.MultiMap form = io.vertx.core.MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", grantType).add("client_id", clientId).add("client_secret", secret);
        return client().post(OpenAdrVtn.MOUNT_PATH + "/auth/token").sendForm(form);
    }

    /** Sends a request and validates the reply against the contract's declaration for the operation. */
    public Future<Reply> call(HttpMethod method, String path, String operationId, String token, Object body) {
        var request = client().request(method, OpenAdrVtn.MOUNT_PATH + path);
        if (token != null) {
            request.putHeader("Authorization", "Bearer " + token);
        }
        Future<HttpResponse<Buffer>> sent;
        if (body == null) {
            sent = request.send();
        } else if (body instanceof Buffer raw) {
            sent = request.putHeader("Content-Type", "application/json").sendBuffer(raw);
        } else {
            sent = request.sendJson(body);
        }
        return sent.compose(reply -> checked(operationId, reply));
    }

    /** Validates a reply against the contract's declaration for the operation. */
    public Future<Reply> checked(String operationId, HttpResponse<Buffer> reply) {
        Buffer body = reply.body() == null ? Buffer.buffer() : reply.body();
        return contract.response(operationId, reply.statusCode(), reply.getHeader("Content-Type"), body)
                .recover(e -> Future.failedFuture(new AssertionError("response of " + operationId + " ("
                        + reply.statusCode() + " " + body + ") violates the OpenADR 3.0.1 contract: " + e.getMessage(), e)))
                .map(v -> new Reply(reply.statusCode(), body));
    }

    /** Stops the server off the caller's thread: tests also close from Future callbacks on an event loop. */
    public Future<Void> close() {
        return server == null ? Future.succeededFuture()
                : Future.fromCompletionStage(CompletableFuture.runAsync(server::close));
    }
}
