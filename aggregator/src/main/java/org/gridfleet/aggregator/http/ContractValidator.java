package org.gridfleet.aggregator.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;

/**
 * Validates each request against the served contract ({@value #RESOURCE}) before any handler
 * runs; a violation, or a body sent to an operation that takes none, becomes a 400 naming the offending field. Requests to paths the contract does
 * not describe pass through (they end in 404/405 further on).
 */
public final class ContractValidator implements Handler<RoutingContext> {

    public static final String RESOURCE = "openapi/gridfleet.yaml";

    private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
            new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    private static final java.util.Set<String> VALIDATABLE_MEDIA_TYPES = java.util.Set.of("application/json", "text/plain");

    private static final java.util.regex.Pattern PARAMETER =
            java.util.regex.Pattern.compile("(?:query|path|header|cookie) parameter ([A-Za-z0-9_]+)");

    private final OpenAPIContract contract;
    private final RequestValidator validator;
    private final RequestExtractor extractor = RequestExtractor.withBodyHandler();

    private ContractValidator(OpenAPIContract contract, RequestValidator validator) {
        this.contract = contract;
        this.validator = validator;
    }

    /**
     * Loads the served contract. vertx-openapi 5.0 refuses response media types it cannot
     * validate (problem+json, yaml); responses are not validated here, so those entries are
     * removed from the in-memory copy the validator sees. Requests are unaffected.
     */
    public static Future<ContractValidator> load(Vertx vertx, byte[] yaml) {
        JsonObject doc;
        try {
            doc = new JsonObject(YAML.readValue(yaml, java.util.Map.class));
        } catch (java.io.IOException e) {
            return Future.failedFuture(e);
        }
        stripResponseMediaTypes(doc);
        return OpenAPIContract.from(vertx, doc)
                .map(c -> new ContractValidator(c, RequestValidator.create(vertx, c)));
    }

    private static void stripResponseMediaTypes(JsonObject doc) {
        JsonObject paths = doc.getJsonObject("paths", new JsonObject());
        for (String p : paths.fieldNames()) {
            JsonObject path = paths.getJsonObject(p);
            for (String method : path.fieldNames()) {
                if (path.getValue(method) instanceof JsonObject op && op.getValue("responses") instanceof JsonObject rs) {
                    for (String code : rs.fieldNames()) {
                        if (rs.getValue(code) instanceof JsonObject r && r.getValue("content") instanceof JsonObject content) {
                            content.fieldNames().removeIf(mt -> !VALIDATABLE_MEDIA_TYPES.contains(mt));
                        }
                    }
                }
            }
        }
        JsonObject responses = doc.getJsonObject("components", new JsonObject()).getJsonObject("responses", new JsonObject());
        for (String name : responses.fieldNames()) {
            if (responses.getJsonObject(name).getValue("content") instanceof JsonObject content) {
                content.fieldNames().removeIf(mt -> !VALIDATABLE_MEDIA_TYPES.contains(mt));
            }
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        Operation op = contract.findOperation(ctx.request().path(), ctx.request().method());
        if (op == null) {
            ctx.next();
            return;
        }
        if (op.getRequestBody() == null && ctx.body().length() > 0) {
            // a body the handler would ignore means the client meant something else; refuse it before acting
            ctx.fail(GridfleetException.badRequest("body", "must be empty: " + op.getOperationId() + " takes no body"));
            return;
        }
        extractor.extractValidatableRequest(ctx, op)
                .compose(req -> validator.validate(req, op.getOperationId()))
                .onSuccess(v -> ctx.next())
                .onFailure(e -> ctx.fail(translate(e)));
    }

    static Throwable translate(Throwable e) {
        if (e instanceof ValidatorException ve) {
            // vertx-openapi names a failing parameter only in its message ("... parameter limit ...")
            java.util.regex.Matcher m = PARAMETER.matcher(String.valueOf(ve.getMessage()));
            if (m.find()) {
                return GridfleetException.badRequest(m.group(1), ve.getMessage());
            }
            if (ve instanceof SchemaValidationException sve) {
                return GridfleetException.badRequest(field(sve.getOutputUnit()), sve.getMessage());
            }
            return GridfleetException.badRequest("request", ve.getMessage());
        }
        return e;
    }

    private static String deepestLocation(OutputUnit unit) {
        String best = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation();
        if (unit.getErrors() != null) {
            for (OutputUnit child : unit.getErrors()) {
                String loc = deepestLocation(child);
                if (loc.length() > best.length()) {
                    best = loc;
                }
            }
        }
        return best;
    }

    /** The deepest instance location among all errors, as {@code a.b[2].c}; {@code body} for the root. */
    private static String field(OutputUnit unit) {
        return FieldPath.of(deepestLocation(unit));
    }
}
