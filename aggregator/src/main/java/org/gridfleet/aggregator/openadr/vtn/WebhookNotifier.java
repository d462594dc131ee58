package org.gridfleet.aggregator.openadr.vtn;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.Map;
import org.gridfleet.aggregator.openadr.ObjectType;
import org.gridfleet.aggregator.openadr.auth.OpenAdrPrincipal;
import org.gridfleet.aggregator.openadr.store.OpenAdrStore;
import org.gridfleet.aggregator.openadr.store.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers subscription notifications: POSTs the 3.0.1 {@code notification} object to each matching
 * callbackUrl with the subscription's bearerToken. A subscriber only hears about objects it could read.
 * Failed deliveries are retried with Resilience4j back-off on Vert.x timers; nothing blocks and a dead
 * callback never affects the request that caused the write.
 */
final class WebhookNotifier implements ObjectNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);

    private final Vertx vertx;
    private final OpenAdrStore store;
    private final CallerResolver callers;
    private final Map<ObjectType, ObjectKind> kinds;
    private final WebClient client;
    private final Retry retry;
    private final Duration timeout;

    WebhookNotifier(Vertx vertx, OpenAdrStore store, CallerResolver callers, Map<ObjectType, ObjectKind> kinds,
                    RetryConfig retryConfig, Duration timeout) {
        this.vertx = vertx;
        this.store = store;
        this.callers = callers;
        this.kinds = Map.copyOf(kinds);
        this.client = WebClient.create(vertx);
        this.retry = Retry.of("gridfleet-openadr-webhook", retryConfig);
        this.timeout = timeout;
    }

    @Override
    public void notify(StoredObject object, Operation operation) {
        store.list(ObjectType.SUBSCRIPTION, null, null).onSuccess(subscriptions -> {
            for (StoredObject subscription : subscriptions) {
                if (concernsProgram(subscription, object)) {
                    deliverIfVisible(subscription, object, operation);
                }
            }
        }).onFailure(e -> LOG.warn("[object: {}] cannot list subscriptions for notification", object.id(), e));
    }

    private static boolean concernsProgram(StoredObject subscription, StoredObject object) {
        String programId = subscription.programId();
        return switch (object.type()) {
            case PROGRAM -> programId.equals(object.id());
            case EVENT, REPORT, SUBSCRIPTION -> programId.equals(object.programId());
            case VEN, RESOURCE -> true;
        };
    }

    private void deliverIfVisible(StoredObject subscription, StoredObject object, Operation operation) {
        store.findClient(subscription.ownerClient())
                .compose(client -> client.isEmpty() ? Future.succeededFuture(null)
                        : callers.resolve(new OpenAdrPrincipal(client.get().clientId(), client.get().role(),
                        client.get().venName())))
                .onSuccess(caller -> {
                    if (caller == null || !kinds.get(object.type()).readable(caller, object)) {
                        return;
                    }
                    JsonArray operations = subscription.body().getJsonArray("objectOperations");
                    for (int i = 0; i < operations.size(); i++) {
                        JsonObject op = operations.getJsonObject(i);
                        if (op.getJsonArray("objects").contains(object.type().name()) && names(op, operation)) {
                            JsonObject notification = new JsonObject().put("objectType", object.type().name())
                                    .put("operation", operation.httpVerb()).put("object", object.body());
                            attempt(op.getString("callbackUrl"), op.getString("bearerToken"), notification,
                                    retry.asyncContext());
                        }
                    }
                });
    }

    /** 3.0.1 subscriptions spell operations as CRUD, its notifications as HTTP verbs: accept both. */
    private static boolean names(JsonObject objectOperation, Operation operation) {
        JsonArray ops = objectOperation.getJsonArray("operations");
        return ops.contains(operation.name()) || ops.contains(operation.httpVerb());
    }

    private void attempt(String url, String bearerToken, JsonObject notification, Retry.AsyncContext<Void> context) {
        HttpRequest<?> request = client.postAbs(url).timeout(timeout.toMillis());
        if (bearerToken != null) {
            request.putHeader("Authorization", "Bearer " + bearerToken);
        }
        request.sendJsonObject(notification).onComplete(ar -> {
            if (ar.succeeded() && ar.result().statusCode() / 100 == 2) {
                context.onComplete();
                return;
            }
            Throwable failure = ar.failed() ? ar.cause()
                    : new IllegalStateException("callback answered HTTP " + ar.result().statusCode());
            long delayMs = context.onError(failure);
            if (delayMs < 0) {
                LOG.warn("[callback: {}] notification dropped after retries: {}", url, failure.getMessage());
            } else {
                vertx.setTimer(Math.max(1, delayMs), t -> attempt(url, bearerToken, notification, context));
            }
        });
    }
}
