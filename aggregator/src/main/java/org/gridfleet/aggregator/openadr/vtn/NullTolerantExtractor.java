package org.gridfleet.aggregator.openadr.vtn;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import java.util.ArrayList;

/**
 * Treats a JSON {@code null} property in a request body as absent before validation. The 3.0.1 contract
 * marks most optional fields {@code nullable: true, default: null} and clients (e.g. Python ones) send
 * {@code "targets": null}, but the validator does not honour OpenAPI 3.0 {@code nullable}. Nulls inside
 * {@code values} arrays are left alone: only object properties are dropped.
 */
final class NullTolerantExtractor implements RequestExtractor {

    private final RequestExtractor delegate = RequestExtractor.withBodyHandler();

    @Override
    public Future<ValidatableRequest> extractValidatableRequest(RoutingContext ctx, Operation operation) {
        return delegate.extractValidatableRequest(ctx, operation).map(request -> {
            if (request.getBody() == null || !(request.getBody().get() instanceof Buffer raw)) {
                return request;
            }
            JsonObject body;
            try {
                body = raw.toJsonObject();
            } catch (DecodeException | ClassCastException e) {
                return request; // not a JSON object: the validator reports it
            }
            Buffer cleaned = withoutNullProperties(body).toBuffer();
            return new ValidatableRequestImpl(request.getHeaders(), request.getCookies(), request.getPathParameters(),
                    request.getQuery(), new RequestParameterImpl(cleaned), request.getContentType());
        });
    }

    static JsonObject withoutNullProperties(JsonObject object) {
        JsonObject out = new JsonObject();
        for (String key : object.fieldNames()) {
            Object value = object.getValue(key);
            if (value != null) {
                out.put(key, clean(value));
            }
        }
        return out;
    }

    private static Object clean(Object value) {
        if (value instanceof JsonObject object) {
            return withoutNullProperties(object);
        }
        if (value instanceof JsonArray array) {
            ArrayList<Object> items = new ArrayList<>(array.size());
            array.forEach(item -> items.add(item == null ? null : clean(item)));
            return new JsonArray(items);
        }
        return value;
    }
}
