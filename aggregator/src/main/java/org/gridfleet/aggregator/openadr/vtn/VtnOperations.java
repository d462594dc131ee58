package org.gridfleet.aggregator.openadr.vtn;

import io.github.resilience4j.retry.RetryConfig;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.gridfleet.aggregator.openadr.ObjectType;
import org.gridfleet.aggregator.openadr.OpenAdrException;
import org.gridfleet.aggregator.openadr.auth.OpenAdrPrincipal;
import org.gridfleet.aggregator.openadr.auth.OpenAdrTokenService;
import org.gridfleet.aggregator.openadr.grid.EventInterpreter;
import org.gridfleet.aggregator.openadr.grid.EventReportBuilder;
import org.gridfleet.aggregator.openadr.grid.GridObligationListener;
import org.gridfleet.aggregator.openadr.store.OpenAdrStore;
import org.gridfleet.aggregator.openadr.store.StoredObject;

/**
 * The handlers of the 30 object operations of the 3.0.1 contract, keyed by operationId (filled once), plus
 * the token endpoint and the bearer-token handler.
 */
public final class VtnOperations {

    /** The clientName and owner of the reports Gridfleet itself writes as the resource owner. */
    public static final String GRIDFLEET_CLIENT = "gridfleet";

    private final Map<String, Handler<RoutingContext>> byOperationId = new HashMap<>();
    private final OpenAdrStore store;
    private final Clock clock;
    private final EventReportBuilder reports;
    private final VenSiteResolver venSites;
    private final ObjectNotifier notifier;
    private final TokenEndpoint tokenEndpoint;
    private final BearerAuthHandler authHandler;
    private final EventKind events;

    public VtnOperations(Vertx vertx, OpenAdrStore store, Clock clock, OpenAdrTokenService tokens,
                         EventInterpreter interpreter, GridObligationListener listener, EventReportBuilder reports,
                         boolean allowHttpCallbacks, RetryConfig webhookRetry, Duration webhookTimeout) {
        this.store = store;
        this.clock = clock;
        this.reports = reports;
        this.venSites = new VenSiteResolver(store);
        CallerResolver callers = new CallerResolver(store);
        ObjectKind programs = new ProgramKind();
        this.events = new EventKind(store, venSites, interpreter, listener);
        ObjectKind vens = new VenKind();
        Map<ObjectType, ObjectKind> kinds = new EnumMap<>(ObjectType.class);
        kinds.put(ObjectType.PROGRAM, programs);
        kinds.put(ObjectType.EVENT, events);
        kinds.put(ObjectType.REPORT, new ReportKind(store, events));
        kinds.put(ObjectType.SUBSCRIPTION, new SubscriptionKind(store, programs, allowHttpCallbacks));
        kinds.put(ObjectType.VEN, vens);
        kinds.put(ObjectType.RESOURCE, new ResourceKind());
        this.notifier = new WebhookNotifier(vertx, store, callers, kinds, webhookRetry, webhookTimeout);

        register(new ObjectEndpoints(store, clock, programs, vens, notifier), "searchAllPrograms", "createProgram",
                "searchProgramByProgramId", "updateProgram", "deleteProgram");
        register(new ObjectEndpoints(store, clock, events, vens, notifier), "searchAllEvents", "createEvent",
                "searchEventsByID", "updateEvent", "deleteEvent");
        register(new ObjectEndpoints(store, clock, kinds.get(ObjectType.REPORT), vens, notifier), "searchAllReports",
                "createReport", "searchReportsByReportID", "updateReport", "deleteReport");
        register(new ObjectEndpoints(store, clock, kinds.get(ObjectType.SUBSCRIPTION), vens, notifier),
                "searchSubscriptions", "createSubscription", "searchSubscriptionByID", "updateSubscription",
                "deleteSubscription");
        register(new ObjectEndpoints(store, clock, vens, vens, notifier), "searchVens", "createVen", "searchVenByID",
                "updateVen", "deleteVen");
        register(new ObjectEndpoints(store, clock, kinds.get(ObjectType.RESOURCE), vens, notifier),
                "searchVenResources", "createResource", "searchVenResourceByID", "updateVenResource",
                "deleteVenResource");
        this.tokenEndpoint = new TokenEndpoint(tokens, clock);
        this.authHandler = new BearerAuthHandler(tokens, callers);
    }

    private void register(ObjectEndpoints endpoints, String list, String create, String get, String update,
                          String delete) {
        byOperationId.put(list, endpoints::list);
        byOperationId.put(create, endpoints::create);
        byOperationId.put(get, endpoints::get);
        byOperationId.put(update, endpoints::update);
        byOperationId.put(delete, endpoints::delete);
    }

    /** The handler of a contract operation, or null for operations served outside the contract router. */
    public Handler<RoutingContext> handler(String operationId) {
        return byOperationId.get(operationId);
    }

    /** Body extraction for the contract router: JSON nulls count as absent properties. */
    public io.vertx.ext.web.openapi.router.RequestExtractor requestExtractor() {
        return new NullTolerantExtractor();
    }

    public Handler<RoutingContext> tokenEndpoint() {
        return tokenEndpoint;
    }

    /** Answers an undecodable token form with the contract's authError (400) rather than a 500. */
    public Handler<RoutingContext> tokenFailureHandler() {
        return TokenEndpoint::refuseUndecodableForm;
    }

    public Handler<RoutingContext> authHandler() {
        return authHandler;
    }

    /**
     * Writes Gridfleet's own report for an event (usage, baseline and flexibility of every target) so BL
     * clients can read what was delivered; subscribers are notified as for any report.
     */
    public Future<JsonObject> publishReport(String eventId) {
        return store.find(ObjectType.EVENT, eventId).compose(event -> event.isEmpty()
                ? Future.failedFuture(OpenAdrException.notFound("event " + eventId + " does not exist"))
                : venSites.resolve(event.get().body().getJsonArray("targets"))
                        .compose(sites -> reports.build(event.get().body(), GRIDFLEET_CLIENT, sites))
                        .compose(report -> {
                            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                            String id = UUID.randomUUID().toString();
                            JsonObject body = ObjectEndpoints.provision(ObjectType.REPORT, report, id, now, now, null);
                            return store.insert(new StoredObject(ObjectType.REPORT, id, report.getString("reportName"),
                                    event.get().programId(), null, GRIDFLEET_CLIENT, now, now, body));
                        }))
                .onSuccess(stored -> notifier.notify(stored, ObjectNotifier.Operation.CREATE))
                .map(StoredObject::body);
    }

    /** Announces every stored event's obligations to the listener (at start); completes with the event count. */
    public Future<Integer> announceStoredEvents() {
        return events.announceStored();
    }

    /** The principal the auth handler put on this request. */
    public static OpenAdrPrincipal principal(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        return caller.principal();
    }
}
