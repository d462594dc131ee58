package org.gridfleet.aggregator.openadr;

import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gridfleet.aggregator.openadr.auth.ClientRegistrationRouter;
import org.gridfleet.aggregator.openadr.auth.OpenAdrTokenService;
import org.gridfleet.aggregator.openadr.auth.TokenConfig;
import org.gridfleet.aggregator.openadr.grid.FlexibilityReading;
import org.gridfleet.aggregator.openadr.grid.GridObligation;
import org.gridfleet.aggregator.openadr.store.JdbcOpenAdrStore;
import org.gridfleet.aggregator.openadr.store.OpenAdrStore;

/**
 * A real VTN on a loopback port over a fresh embedded-PostgreSQL schema, with a stand-in admin check
 * (header {@code X-Test-Admin: yes}) and a listener that records obligations. Every response a test reads
 * through {@link #call} is validated against the official contract.
 */
public final class VtnTestServer {

    public static final String ADMIN_HEADER = "X-Test-Admin";

    private final Vertx vertx;
    private final HikariDataSource dataSource;
    private final OpenAdrStore store;
    private final List<ObligationCall> obligations = new CopyOnWriteArrayList<>();
    private final WebClient client;
    /** What the stand-in flexibility source reports for every target and window. */
    public static final FlexibilityReading READING =
            new FlexibilityReading(55.0, 55.0, 90.0, 130.0, 25.0, 700.0, 0.6, 160.0, 120.0);

    private HttpServer server;
    private OpenAdrVtn vtn;
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

    public VtnTestServer(Vertx vertx) {
        this.vertx = vertx;
        this.dataSource = OpenAdrTestDatabase.freshSchema();
        this.store = new JdbcOpenAdrStore(vertx, dataSource);
        this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost"));
    }

    public Future<VtnTestServer> start(Clock clock, OpenAdrVtnConfig config) {
        OpenAdrTokenService tokens = new OpenAdrTokenService(vertx, store, clock,
                new TokenConfig(Duration.ofMinutes(30), 1000));
        Handler<RoutingContext> adminCheck = ctx -> {
            if ("yes".equals(ctx.request().getHeader(ADMIN_HEADER))) {
                ctx.next();
            } else {
                ctx.response().setStatusCode(403).end();
            }
        };
        vtn = new OpenAdrVtn(vertx, store, clock, tokens,
                (eventId, list) -> obligations.add(new ObligationCall(eventId, list)),
                (target, from, to) -> Future.succeededFuture(READING), config);
        return ContractCheck.load(vertx).compose(check -> {
            contract = check;
            return vtn.createRouter();
        }).compose(vtnRouter -> {
            Router root = Router.router(vertx);
            root.route(OpenAdrVtn.MOUNT_PATH + "/*").subRouter(vtnRouter);
            root.route().subRouter(new ClientRegistrationRouter(vertx, tokens, adminCheck).createRouter());
            return vertx.createHttpServer().requestHandler(root).listen(0);
        }).map(s -> {
            server = s;
            return this;
        });
    }

    public int port() {
        return server.actualPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port() + OpenAdrVtn.MOUNT_PATH;
    }

    public OpenAdrVtn vtn() {
        return vtn;
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

    public WebClient client() {
        return client;
    }

    /** Registers a client through the admin API and returns its secret. */
    public Future<String> register(String clientId, String role, String venName) {
        JsonObject registration = new JsonObject().put("clientId", clientId).put("role", role);
        if (venName != null) {
            registration.put("venName", venName);
        }
        return client.post(port(), "localhost", ClientRegistrationRouter.PATH).putHeader(ADMIN_HEADER, "yes")
                .sendJsonObject(registration)
                .compose(reply -> reply.statusCode() == 201
                        ? Future.succeededFuture(reply.bodyAsJsonObject().getString("clientSecret"))
                        : Future.failedFuture("registration failed: " + reply.statusCode() + " " + reply.bodyAsString()));
    }

    /** Registers a client through the admin API and returns an access token from /auth/token. */
    public Future<String> tokenFor(String clientId, String role, String venName) {
        return register(clientId, role, venName)
                .compose(secret -> {
                    io.vertx.core.MultiMap form = io.vertx.core.MultiMap.caseInsensitiveMultiMap()
                            .add("grant_type", "client_credentials").add("client_id", clientId)
                            .add("client_secret", secret);
                    return client.post(port(), "localhost", OpenAdrVtn.MOUNT_PATH + "/auth/token").sendForm(form);
                })
                .compose(reply -> checked("fetchToken", reply))
                .map(reply -> reply.json().getString("access_token"));
    }

    /** Sends a request and validates the reply against the contract's declaration for the operation. */
    public Future<Reply> call(HttpMethod method, String path, String operationId, String token, Object body) {
        var request = client.request(method, port(), "localhost", OpenAdrVtn.MOUNT_PATH + path);
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

    private Future<Reply> checked(String operationId, HttpResponse<Buffer> reply) {
        Buffer body = reply.body() == null ? Buffer.buffer() : reply.body();
        return contract.response(operationId, reply.statusCode(), reply.getHeader("Content-Type"), body)
                .recover(e -> Future.failedFuture(new AssertionError("response of " + operationId + " ("
                        + reply.statusCode() + " " + body + ") violates the OpenADR 3.0.1 contract: " + e.getMessage(), e)))
                .map(v -> new Reply(reply.statusCode(), body));
    }

    public Future<Void> close() {
        return (server == null ? Future.<Void>succeededFuture() : server.close())
                .onComplete(v -> dataSource.close());
    }
}
