package org.gridfleet.aggregator.openadr.vtn;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import org.gridfleet.aggregator.openadr.ObjectType;
import org.gridfleet.aggregator.openadr.OpenAdrException;
import org.gridfleet.aggregator.openadr.store.OpenAdrStore;
import org.gridfleet.aggregator.openadr.store.StoredObject;

/**
 * Subscriptions: any client writes its own, for a program it can see; callbacks must be https unless the
 * VTN is configured to allow plain http (loopback tests).
 */
final class SubscriptionKind implements ObjectKind {

    private final OpenAdrStore store;
    private final ObjectKind programs;
    private final boolean allowHttpCallbacks;

    SubscriptionKind(OpenAdrStore store, ObjectKind programs, boolean allowHttpCallbacks) {
        this.store = store;
        this.programs = programs;
        this.allowHttpCallbacks = allowHttpCallbacks;
    }

    @Override
    public ObjectType type() {
        return ObjectType.SUBSCRIPTION;
    }

    @Override
    public String idParam() {
        return "subscriptionID";
    }

    @Override
    public Future<Prepared> prepare(Caller caller, String id, JsonObject body, StoredObject existing, String venId) {
        JsonArray operations = body.getJsonArray("objectOperations");
        for (int i = 0; i < operations.size(); i++) {
            String url = operations.getJsonObject(i).getString("callbackUrl");
            String field = "objectOperations[" + i + "].callbackUrl";
            try {
                String scheme = new URI(url).getScheme();
                if (!"https".equals(scheme) && !(allowHttpCallbacks && "http".equals(scheme))) {
                    return Future.failedFuture(OpenAdrException.badRequest(field + ": must be an https URL, but was " + url));
                }
            } catch (URISyntaxException e) {
                return Future.failedFuture(OpenAdrException.badRequest(field + ": not a URL: " + url));
            }
        }
        String programId = body.getString("programID");
        return store.find(ObjectType.PROGRAM, programId).compose(program -> {
            if (program.isEmpty() || !programs.readable(caller, program.get())) {
                return Future.failedFuture(OpenAdrException.badRequest("programID: program " + programId + " does not exist"));
            }
            return Future.succeededFuture(Prepared.of(null, programId));
        });
    }

    @Override
    public boolean readable(Caller caller, StoredObject object) {
        return caller.isBl() || ObjectKind.ownedBy(caller, object);
    }

    @Override
    public boolean writable(Caller caller, StoredObject object) {
        return ObjectKind.ownedBy(caller, object);
    }

    @Override
    public boolean matches(StoredObject object, MultiMap query) {
        String clientName = query.get("clientName");
        if (clientName != null && !clientName.equals(object.body().getString("clientName"))) {
            return false;
        }
        if (!query.getAll("objects").isEmpty()) {
            JsonArray ops = object.body().getJsonArray("objectOperations");
            boolean any = false;
            for (int i = 0; i < ops.size() && !any; i++) {
                any = ops.getJsonObject(i).getJsonArray("objects").stream()
                        .anyMatch(o -> query.getAll("objects").contains(String.valueOf(o)));
            }
            if (!any) {
                return false;
            }
        }
        return ObjectKind.matchesTargets(object.body(), query);
    }

    @Override
    public String programFilter(MultiMap query) {
        return query.get("programID");
    }
}
