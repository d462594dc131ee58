package org.gridfleet.aggregator.openadr;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import io.vertx.openapi.validation.RequestValidator;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sits between a VEN client and a VTN on loopback: validates every request against the official 3.0.1
 * contract (the token form against its {@code clientCredentialRequest} schema), records violations, and
 * forwards the request to the VTN's {@code /openadr3} mount.
 */
final class ValidatingProxy {

    private final Vertx vertx;
    private final OpenAPIContract contract;
    private final RequestValidator validator;
    private final Validator tokenForm;
    private final WebClient client;
    private final int vtnPort;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private HttpServer server;

    ValidatingProxy(Vertx vertx, OpenAPIContract contract, int vtnPort) {
        this.vertx = vertx;
        this.contract = contract;
        this.validator = RequestValidator.create(vertx, contract);
        this.client = WebClient.create(vertx);
        this.vtnPort = vtnPort;
        JsonObject schema = contract.getRawContract().getJsonObject("components").getJsonObject("schemas")
                .getJsonObject("clientCredentialRequest");
        this.tokenForm = Validator.create(JsonSchema.of(schema),
                new JsonSchemaOptions().setDraft(Draft.DRAFT4).setBaseUri("https://gridfleet.test/"));
    }

    Future<ValidatingProxy> start() {
        return vertx.createHttpServer().requestHandler(this::handle).listen(0).map(s -> {
            server = s;
            return this;
        });
    }

    int port() {
        return server.actualPort();
    }

    List<String> violations() {
        return violations;
    }

    /** operationIds seen, in order. */
    List<String> operations() {
        return operations;
    }

    Future<Void> close() {
        return server.close();
    }

    private void handle(HttpServerRequest request) {
        if ("/auth/token".equals(request.path())) {
            request.body().onSuccess(body -> {
                operations.add("fetchToken");
                JsonObject form = new JsonObject();
                for (String pair : body.toString().split("&")) {
                    String[] kv = pair.split("=", 2);
                    form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
                OutputUnit result = tokenForm.validate(form);
                if (!result.getValid()) {
                    violations.add("fetchToken: " + result.getErrors());
                }
                forward(request, body);
            });
            return;
        }
        Operation operation = find(request);
        if (operation == null) {
            violations.add("no operation for " + request.method() + " " + request.path());
            request.response().setStatusCode(404).end();
            return;
        }
        operations.add(operation.getOperationId());
        validator.validate(request, operation.getOperationId()).onComplete(ar -> {
            if (ar.failed()) {
                violations.add(operation.getOperationId() + ": " + ar.cause().getMessage());
                request.response().setStatusCode(400).end();
                return;
            }
            Object body = ar.result().getBody() == null ? null : ar.result().getBody().get();
            forward(request, body == null ? null : Buffer.buffer(body.toString()));
        });
    }

    private Operation find(HttpServerRequest request) {
        for (Path path : contract.getPaths()) {
            String regex = path.getName().replaceAll("\\{[^}]+}", "[^/]+");
            if (request.path().matches(regex)) {
                for (Operation operation : path.getOperations()) {
                    if (operation.getHttpMethod().equals(request.method())) {
                        return operation;
                    }
                }
            }
        }
        return null;
    }

    private void forward(HttpServerRequest request, Buffer body) {
        HttpRequest<Buffer> out = client.request(request.method(), vtnPort, VtnTestServer.HOST,
                OpenAdrVtn.MOUNT_PATH + request.uri());
        MultiMap headers = request.headers();
        for (String name : List.of("Authorization", "Content-Type")) {
            if (headers.get(name) != null) {
                out.putHeader(name, headers.get(name));
            }
        }
        (body == null ? out.send() : out.sendBuffer(body)).onComplete(ar -> {
            if (ar.failed()) {
                request.response().setStatusCode(502).end();
                return;
            }
            var reply = ar.result();
            request.response().setStatusCode(reply.statusCode());
            if (reply.getHeader("Content-Type") != null) {
                request.response().putHeader("Content-Type", reply.getHeader("Content-Type"));
            }
            request.response().end(reply.body() == null ? Buffer.buffer() : reply.body());
        });
    }
}
