package org.gridfleet.aggregator.openadr.ven;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.gridfleet.aggregator.openadr.OpenAdrException;
import org.gridfleet.aggregator.openadr.grid.EventInterpreter;
import org.gridfleet.aggregator.openadr.grid.EventReportBuilder;
import org.gridfleet.aggregator.openadr.grid.GridObligation;
import org.gridfleet.aggregator.openadr.grid.GridObligationListener;
import org.gridfleet.aggregator.openadr.grid.GridTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gridfleet as a VEN at a utility's OpenADR 3.0.1 VTN: gets a client-credentials token, enrols its VEN
 * and sites (resources), polls events, hands their obligations to the listener (empty list when an event
 * disappears) and posts a report once an event's last interval has ended. Every VTN call goes through
 * {@link VtnCallGuard} (retry + circuit breaker); a VTN outage fails polls, never blocks.
 *
 * <p>Targets from the VTN: VEN_NAME equal to ours means the whole portfolio; RESOURCE_NAME our sites.
 * Events Gridfleet cannot honour are logged and kept in {@link #refusedEvents()} rather than dropped silently.
 *
 * <p>Not thread-safe: start it on a Vert.x context (e.g. inside {@code runOnContext}); its timer and HTTP callbacks
 * then run on that context only.
 */
public final class VenClient {

    private static final Logger LOG = LoggerFactory.getLogger(VenClient.class);
    /** Renew tokens this long before the VTN says they expire. */
    private static final long TOKEN_MARGIN_SECONDS = 30;

    private final Vertx vertx;
    private final Clock clock;
    private final VenClientConfig config;
    private final EventInterpreter interpreter;
    private final EventReportBuilder reports;
    private final GridObligationListener listener;
    private final VtnCallGuard guard;
    private final WebClient client;
    private final Map<String, EventState> events = new HashMap<>();
    private final Map<String, String> refused = new HashMap<>();
    private String token;
    private Instant tokenExpiry = Instant.MIN;
    private String venId;
    private long pollTimer = -1;
    private boolean roundRunning;

    private record EventState(String modified, Instant end, boolean reported) {
    }

    public VenClient(Vertx vertx, Clock clock, VenClientConfig config, EventInterpreter interpreter,
                     EventReportBuilder reports, GridObligationListener listener) {
        this.vertx = vertx;
        this.clock = clock;
        this.config = config;
        this.interpreter = interpreter;
        this.reports = reports;
        this.listener = listener;
        this.guard = new VtnCallGuard(vertx, config);
        this.client = WebClient.create(vertx);
    }

    /**
     * Enrols and polls now, then every {@code pollInterval}: a round that fails (VTN down, circuit open) is logged and
     * the next one tries again, enrolling first while not yet enrolled, so a VTN outage at start-up or later never
     * stops Gridfleet. The future is the first round's outcome, for callers that want to log it.
     */
    public Future<Void> start() {
        if (pollTimer < 0) {
            pollTimer = vertx.setPeriodic(config.pollInterval().toMillis(), t -> round());
        }
        return round();
    }

    /** One enrolment-and-poll; a round still running (retries back off) when the timer fires makes that firing skip. */
    private Future<Void> round() {
        if (roundRunning) {
            return Future.succeededFuture();
        }
        roundRunning = true;
        return (venId == null ? enrol().compose(v -> poll()) : poll()).onComplete(r -> {
            roundRunning = false;
            if (r.failed()) {
                LOG.warn("[ven: {}] {} at {} failed, retrying in {}: {}", config.venName(),
                        venId == null ? "enrolment" : "poll", config.vtnBaseUrl(), config.pollInterval(),
                        r.cause().getMessage());
            }
        });
    }

    public void stop() {
        if (pollTimer >= 0) {
            vertx.cancelTimer(pollTimer);
        }
    }

    /** Events refused since start, by event id, with the reason. */
    public Map<String, String> refusedEvents() {
        return Map.copyOf(refused);
    }

    public VtnCallGuard guard() {
        return guard;
    }

    /** Finds or creates our VEN object and one resource per site. */
    public Future<Void> enrol() {
        return call(HttpMethod.GET, "/vens?venName=" + config.venName(), null).compose(found -> {
            JsonArray vens = found.toJsonArray();
            if (!vens.isEmpty()) {
                return Future.succeededFuture(vens.getJsonObject(0));
            }
            return call(HttpMethod.POST, "/vens", new JsonObject().put("venName", config.venName()))
                    .map(Buffer::toJsonObject);
        }).compose(ven -> {
            venId = ven.getString("id");
            return call(HttpMethod.GET, "/vens/" + venId + "/resources", null);
        }).compose(existing -> {
            Set<String> have = new HashSet<>();
            existing.toJsonArray().forEach(r -> have.add(((JsonObject) r).getString("resourceName")));
            List<Future<?>> creates = new ArrayList<>();
            for (String site : config.siteIds()) {
                if (!have.contains(site)) {
                    creates.add(call(HttpMethod.POST, "/vens/" + venId + "/resources",
                            new JsonObject().put("resourceName", site)));
                }
            }
            return Future.all(creates).mapEmpty();
        });
    }

    /** Reads events once: new or changed ones become obligations, vanished ones are withdrawn, ended ones reported. */
    public Future<Void> poll() {
        return pageOfEvents(0, new JsonArray()).compose(all -> {
            Set<String> seen = new HashSet<>();
            List<Future<?>> reportsDue = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                JsonObject event = all.getJsonObject(i);
                String id = event.getString("id");
                seen.add(id);
                EventState known = events.get(id);
                if (known == null || !known.modified().equals(event.getString("modificationDateTime"))) {
                    accept(event);
                }
                EventState state = events.get(id);
                if (state != null && !state.reported() && !state.end().isAfter(clock.instant())) {
                    reportsDue.add(report(event));
                }
            }
            for (String gone : new HashSet<>(events.keySet())) {
                if (!seen.contains(gone)) {
                    events.remove(gone);
                    listener.obligationsChanged(boardId(gone), List.of());
                }
            }
            return Future.all(reportsDue).mapEmpty();
        });
    }

    private Future<JsonArray> pageOfEvents(int skip, JsonArray acc) {
        int limit = 50;
        return call(HttpMethod.GET, "/events?skip=" + skip + "&limit=" + limit, null).compose(body -> {
            JsonArray page = body.toJsonArray();
            acc.addAll(page);
            return page.size() < limit ? Future.succeededFuture(acc) : pageOfEvents(skip + limit, acc);
        });
    }

    private void accept(JsonObject event) {
        String id = event.getString("id");
        if (!addressedToUs(event.getJsonArray("targets"))) {
            return; // a 3.0.1 VTN without privacy serves every VEN's events; another VEN's are not ours to honour
        }
        try {
            List<GridObligation> obligations = interpreter.interpret(boardId(id), event, venSites());
            Instant end = obligations.stream().map(GridObligation::to).max(Instant::compareTo).orElse(Instant.MAX);
            boolean reported = events.containsKey(id) && events.get(id).reported();
            events.put(id, new EventState(event.getString("modificationDateTime"), end, reported));
            refused.remove(id);
            listener.obligationsChanged(boardId(id), obligations);
        } catch (OpenAdrException e) {
            refused.put(id, e.detail());
            LOG.warn("[ven: {}] event {} cannot be honoured: {}", config.venName(), id, e.detail());
        }
    }

    /**
     * The event's id towards the listener: the VTN's id qualified by the VTN, so it never collides with an event of
     * Gridfleet's own VTN face (or another VTN) on the same board.
     */
    private String boardId(String vtnEventId) {
        return config.vtnBaseUrl() + "/events/" + vtnEventId;
    }

    /** Untargeted, or naming our VEN or one of our sites. */
    private boolean addressedToUs(JsonArray targets) {
        if (targets == null || targets.isEmpty()) {
            return true;
        }
        for (int i = 0; i < targets.size(); i++) {
            JsonObject map = targets.getJsonObject(i);
            String type = map.getString("type");
            for (Object value : map.getJsonArray("values")) {
                boolean ours = ("VEN_NAME".equals(type) && config.venName().equals(value))
                        || (("RESOURCE_NAME".equals(type) || "POWER_SERVICE_LOCATION".equals(type))
                        && config.siteIds().contains(value));
                if (ours) {
                    return true;
                }
            }
        }
        return false;
    }

    /** VEN_NAME targets: ours means the whole portfolio; another VEN's means nothing for us. */
    private Function<String, List<GridTarget>> venSites() {
        return name -> name.equals(config.venName()) ? List.of(new GridTarget.Portfolio()) : List.of();
    }

    private Future<Void> report(JsonObject event) {
        String id = event.getString("id");
        return reports.build(event, config.venName(), venSites())
                .compose(report -> call(HttpMethod.POST, "/reports", report))
                .onSuccess(v -> events.computeIfPresent(id, (k, s) -> new EventState(s.modified(), s.end(), true)))
                .mapEmpty();
    }

    private Future<Buffer> call(HttpMethod method, String pathAndQuery, JsonObject body) {
        return guard.call(() -> token().compose(bearer -> send(method, pathAndQuery, body, bearer)));
    }

    private Future<Buffer> send(HttpMethod method, String pathAndQuery, JsonObject body, String bearer) {
        HttpRequest<Buffer> request = client.requestAbs(method, config.vtnBaseUrl() + pathAndQuery)
                .timeout(config.requestTimeout().toMillis()).putHeader("Authorization", "Bearer " + bearer);
        Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
        return sent.compose(reply -> {
            if (reply.statusCode() / 100 == 2) {
                return Future.succeededFuture(reply.body() == null ? Buffer.buffer() : reply.body());
            }
            if (reply.statusCode() == 401 || reply.statusCode() == 403) {
                tokenExpiry = Instant.MIN; // maybe revoked: fetch a fresh one next call
            }
            return Future.failedFuture(new VtnCallException(reply.statusCode(), reply.bodyAsString()));
        });
    }

    private Future<String> token() {
        if (token != null && clock.instant().isBefore(tokenExpiry)) {
            return Future.succeededFuture(token);
        }
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials")
                .add("client_id", config.clientId()).add("client_secret", config.clientSecret());
        return client.postAbs(config.vtnBaseUrl() + "/auth/token").timeout(config.requestTimeout().toMillis())
                .sendForm(form).compose(reply -> {
                    if (reply.statusCode() != 200) {
                        return Future.failedFuture(new VtnCallException(reply.statusCode(), reply.bodyAsString()));
                    }
                    JsonObject json = reply.bodyAsJsonObject();
                    token = json.getString("access_token");
                    long lifetime = json.getLong("expires_in", 3600L);
                    tokenExpiry = clock.instant().plusSeconds(Math.max(0, lifetime - TOKEN_MARGIN_SECONDS));
                    return Future.succeededFuture(token);
                });
    }
}
