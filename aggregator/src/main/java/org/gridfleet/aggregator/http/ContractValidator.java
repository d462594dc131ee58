package org.gridfleet.aggregator.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
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
 * runs; a violation becomes a 400 naming the offending field. Requests to paths the contract does
 * not describe pass through (they end in 404/405 further on).
 */
public final class ContractValidator implements Handler<RoutingContext> {

    public static final String RESOURCE = "openapi/gridfleet.yaml";

    private final OpenAPIContract contract;
    private final RequestValidator validator;
    private final RequestExtractor extractor = RequestExtractor.withBodyHandler();

    private ContractValidator(OpenAPIContract contract, RequestValidator validator) {
        this.contract = contract;
        this.validator = validator;
    }

    public static Future<ContractValidator> load(Vertx vertx) {
        return OpenAPIContract.from(vertx, RESOURCE)
                .map(c -> new ContractValidator(c, RequestValidator.create(vertx, c)));
    }

    @Override
    public void handle(RoutingContext ctx) {
        Operation op = contract.findOperation(ctx.request().path(), ctx.request().method());
        if (op == null) {
            ctx.next();
            return;
        }
        extractor.extractValidatableRequest(ctx, op)
                .compose(req -> validator.validate(req, op.getOperationId()))
                .onSuccess(v -> ctx.next())
                .onFailure(e -> ctx.fail(translate(e)));
    }

    static Throwable translate(Throwable e) {
        if (e instanceof SchemaValidationException sve) {
            return GridfleetException.badRequest(field(sve.getOutputUnit()), sve.getMessage());
        }
        if (e instanceof ValidatorException ve) {
            return GridfleetException.badRequest("request", ve.getMessage());
        }
        return e;
    }

    /** The deepest instance location of the first error, as {@code a.b[2].c}; {@code body} for the root. */
    private static String field(OutputUnit unit) {
        OutputUnit u = unit;
        while (u.getErrors() != null && !u.getErrors().isEmpty()) {
            u = u.getErrors().get(0);
        }
        String loc = u.getInstanceLocation();
        if (loc == null || loc.isEmpty() || loc.equals("#") || loc.equals("/")) {
            return "body";
        }
        String path = loc.startsWith("#") ? loc.substring(1) : loc;
        StringBuilder sb = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(part).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(part);
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }
}
