package org.gridfleet.aggregator.openadr.vtn;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.ValidatedRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.gridfleet.aggregator.openadr.ObjectType;
import org.gridfleet.aggregator.openadr.OpenAdrException;
import org.gridfleet.aggregator.openadr.store.OpenAdrStore;
import org.gridfleet.aggregator.openadr.store.StoredObject;

/**
 * The common CRUD flow of every OpenADR object type: privacy filtering, server-provisioned fields
 * (id, createdDateTime, modificationDateTime, objectType, which a VTN ignores on input), stable paging,
 * and a notification after each committed write. Objects a caller may not read answer 404, as if absent.
 */
final class ObjectEndpoints {

    /** The contract's maximum {@code limit}. */
    static final int MAX_LIMIT = 50;

    private final OpenAdrStore store;
    private final Clock clock;
    private final ObjectKind kind;
    private final ObjectKind vens;
    private final ObjectNotifier notifier;

    ObjectEndpoints(OpenAdrStore store, Clock clock, ObjectKind kind, ObjectKind vens, ObjectNotifier notifier) {
        this.store = store;
        this.clock = clock;
        this.kind = kind;
        this.vens = vens;
        this.notifier = notifier;
    }

    void list(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        int skip = intParam(ctx, "skip", 0);
        int limit = intParam(ctx, "limit", MAX_LIMIT);
        owningVen(ctx, caller)
                .compose(venId -> store.list(kind.type(), kind.programFilter(ctx.queryParams()), venId))
                .onSuccess(all -> {
                    JsonArray page = new JsonArray();
                    all.stream().filter(o -> kind.readable(caller, o) && kind.matches(o, ctx.queryParams()))
                            .skip(skip).limit(limit).forEach(o -> page.add(o.body()));
                    ctx.json(page);
                })
                .onFailure(ctx::fail);
    }

    void get(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        owningVen(ctx, caller).compose(venId -> findReadable(ctx, caller, venId))
                .onSuccess(o -> ctx.json(o.body()))
                .onFailure(ctx::fail);
    }

    void create(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        JsonObject body = validatedBody(ctx);
        String id = UUID.randomUUID().toString();
        owningVen(ctx, caller)
                .compose(venId -> kind.prepare(caller, id, body, null, venId))
                .compose(prepared -> {
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                    JsonObject stored = provision(body, id, now, now, prepared.venId());
                    return store.insert(new StoredObject(kind.type(), id, prepared.name(), prepared.programId(),
                            prepared.venId(), caller.principal().clientId(), now, now, stored))
                            .onSuccess(prepared.onCommitted()::accept);
                })
                .onSuccess(o -> {
                    ctx.response().setStatusCode(201);
                    ctx.json(o.body());
                    notifier.notify(o, ObjectNotifier.Operation.CREATE);
                })
                .onFailure(ctx::fail);
    }

    void update(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        JsonObject body = validatedBody(ctx);
        owningVen(ctx, caller).compose(venId -> findReadable(ctx, caller, venId).compose(existing -> {
            if (!kind.writable(caller, existing)) {
                return Future.failedFuture(OpenAdrException.forbidden("this client may not change "
                        + kind.type().name().toLowerCase() + " " + existing.id()));
            }
            return kind.prepare(caller, existing.id(), body, existing, venId).compose(prepared -> {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                JsonObject stored = provision(body, existing.id(), existing.created(), now, prepared.venId());
                return store.update(new StoredObject(kind.type(), existing.id(), prepared.name(), prepared.programId(),
                        prepared.venId(), existing.ownerClient(), existing.created(), now, stored))
                        .onSuccess(prepared.onCommitted()::accept);
            });
        })).onSuccess(o -> {
            ctx.json(o.body());
            notifier.notify(o, ObjectNotifier.Operation.UPDATE);
        }).onFailure(ctx::fail);
    }

    void delete(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        owningVen(ctx, caller).compose(venId -> findReadable(ctx, caller, venId)).compose(existing -> {
            if (!kind.writable(caller, existing)) {
                return Future.failedFuture(OpenAdrException.forbidden("this client may not delete "
                        + kind.type().name().toLowerCase() + " " + existing.id()));
            }
            return store.delete(kind.type(), existing.id()).compose(deleted -> deleted.<Future<StoredObject>>map(
                    Future::succeededFuture).orElseGet(() -> Future.failedFuture(notFound(existing.id()))));
        }).onSuccess(o -> {
            kind.deleted(o);
            ctx.json(o.body());
            notifier.notify(o, ObjectNotifier.Operation.DELETE);
        }).onFailure(ctx::fail);
    }

    private Future<StoredObject> findReadable(RoutingContext ctx, Caller caller, String venId) {
        String id = ctx.pathParam(kind.idParam());
        return store.find(kind.type(), id).compose(found -> {
            if (found.isEmpty() || !kind.readable(caller, found.get())
                    || (venId != null && !venId.equals(found.get().venId()))) {
                return Future.failedFuture(notFound(id));
            }
            return Future.succeededFuture(found.get());
        });
    }

    /** For {@code /vens/{venID}/resources}: the VEN must exist and be visible to the caller; else null. */
    private Future<String> owningVen(RoutingContext ctx, Caller caller) {
        String venId = ctx.pathParam("venID");
        if (venId == null || kind == vens) {
            return Future.succeededFuture(null);
        }
        return store.find(vens.type(), venId).compose(ven -> ven.isPresent() && vens.readable(caller, ven.get())
                ? Future.succeededFuture(venId)
                : Future.failedFuture(OpenAdrException.notFound("ven " + venId + " does not exist")));
    }

    private JsonObject provision(JsonObject body, String id, Instant created, Instant modified, String venId) {
        return provision(kind.type(), body, id, created, modified, venId);
    }

    /** The body with the VTN-provisioned fields set (any client-sent values are ignored, as the spec says). */
    static JsonObject provision(ObjectType type, JsonObject body, String id, Instant created, Instant modified,
                                String venId) {
        JsonObject out = body.copy().put("id", id).put("createdDateTime", created.toString())
                .put("modificationDateTime", modified.toString()).put("objectType", type.name());
        if (venId != null) {
            out.put("venID", venId);
        }
        return out;
    }

    private OpenAdrException notFound(String id) {
        return OpenAdrException.notFound(kind.type().name().toLowerCase() + " " + id + " does not exist");
    }

    /** The body as validated (JSON nulls already dropped by {@link NullTolerantExtractor}). */
    private static JsonObject validatedBody(RoutingContext ctx) {
        ValidatedRequest validated = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
        return validated.getBody().getJsonObject();
    }

    private static int intParam(RoutingContext ctx, String name, int fallback) {
        String raw = ctx.queryParams().get(name);
        return raw == null ? fallback : Integer.parseInt(raw);
    }
}
