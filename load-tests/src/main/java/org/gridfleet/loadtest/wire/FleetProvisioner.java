package org.gridfleet.loadtest.wire;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Registers a simulated fleet in a running Gridfleet through its fleet API ({@code /api/v1}, see
 * aggregator's openapi/gridfleet.yaml), as an operator would: with the admin token it creates a fleet-owner
 * tenant and that tenant's token; as the tenant, sites of {@code chargersPerSite} chargers, the chargers (OCPP
 * identity, password, discharge capability by version) and one opted-in vehicle per charger whose idToken is
 * the one the simulated EV presents. A charger id already taken (409) counts as provisioned (its vehicle is
 * not created again), so a re-run against the same database works.
 */
public final class FleetProvisioner {
  private static final int IN_FLIGHT = 16;

  private final HttpClient http;
  private final URI apiUrl;
  private final Context context;

  public FleetProvisioner(Vertx vertx, URI apiUrl) {
    this.context = vertx.getOrCreateContext();
    this.http = vertx.createHttpClient();
    this.apiUrl = apiUrl;
  }

  /** Provisions every charger of {@code fleet}; blocks; returns how many chargers are registered. */
  public int provision(ChargerFleetSimulator fleet, String adminToken, int chargersPerSite, double maxPowerKw)
      throws InterruptedException {
    String tenant = create(adminToken, "/api/v1/tenants",
        new JsonObject().put("name", fleet.config().idPrefix() + "tenant").put("role", "fleet-owner"));
    String token = post(adminToken, "/api/v1/tenants/" + tenant + "/tokens", new JsonObject())
        .getString("token");
    String fleetId = create(token, "/api/v1/fleets", new JsonObject().put("name", fleet.config().idPrefix() + "fleet"));
    List<SimulatedCharger> chargers = fleet.chargers();
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<Boolean>> done = new ArrayList<>();
    for (int from = 0; from < chargers.size(); from += chargersPerSite) {
      int to = Math.min(chargers.size(), from + chargersPerSite);
      String site = create(token, "/api/v1/sites", new JsonObject()
          .put("name", fleet.config().idPrefix() + "site-" + from / chargersPerSite).put("limitKw", maxPowerKw * (to - from)));
      for (SimulatedCharger c : chargers.subList(from, to)) {
        inFlight.acquire();
        CompletableFuture<Boolean> one = register(token, site, fleetId, c, fleet.config().password(), maxPowerKw)
            .toCompletionStage().toCompletableFuture();
        one.whenComplete((ok, e) -> inFlight.release());
        done.add(one);
      }
    }
    return (int) done.stream()
        .filter(f -> f.orTimeout(30, TimeUnit.SECONDS).handle((ok, e) -> e == null && ok).join()).count();
  }

  private Future<Boolean> register(String token, String site, String fleetId, SimulatedCharger c, String password,
      double maxPowerKw) {
    JsonObject charger = new JsonObject().put("id", c.chargerId()).put("password", password)
        .put("maxPowerKw", maxPowerKw).put("bidirectional", true).put("model", "Sim-" + c.subprotocol().wireName())
        .put("dischargeCapability", switch (c.subprotocol()) {
          case OCPP_2_1 -> "ocpp21";
          case OCPP_2_0_1 -> "ocpp201-vendor";
          case OCPP_1_6 -> "ocpp16-vendor";
        });
    EvProfile ev = c.evProfile();
    JsonObject vehicle = new JsonObject().put("name", "EV-" + c.chargerId())
        .put("batteryCapacityKwh", ev.batteryKwh()).put("chemistry", "NMC")
        .put("maxChargeKw", ev.maxChargeKw()).put("maxDischargeKw", ev.maxDischargeKw())
        .put("reserveSoc", ev.reserveSoc()).put("idToken", "EV-" + c.chargerId())
        .put("trips", new io.vertx.core.json.JsonArray().add(new JsonObject()
            .put("departure", ev.departure().toString()).put("targetSoc", ev.targetSoc())))
        .put("v2g", new JsonObject().put("mode", "degradation-budget").put("yearlyCapacityLossPct", 2));
    return send(token, "/api/v1/sites/" + site + "/chargers", charger)
        // An already registered charger (409) has its vehicle from the earlier run.
        .compose(r -> r.isEmpty() ? Future.succeededFuture(r)
            : send(token, "/api/v1/fleets/" + fleetId + "/vehicles", vehicle))
        .map(r -> true);
  }

  private String create(String token, String path, JsonObject body) {
    return post(token, path, body).getString("id");
  }

  private JsonObject post(String token, String path, JsonObject body) {
    return send(token, path, body).toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
  }

  /** POSTs a JSON body; 201 answers the created object, 409 an empty one; anything else fails. */
  private Future<JsonObject> send(String token, String path, JsonObject body) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(apiUrl.getHost())
        .setPort(apiUrl.getPort()).setURI(apiUrl.getPath().replaceAll("/$", "") + path)
        .putHeader("Authorization", "Bearer " + token).putHeader("content-type", "application/json");
    // Every request starts on one context: requests started from a plain thread each get a fresh context, and
    // about one provisioning run in forty then left a pooled request unanswered for good (Vert.x 5.0.7).
    Promise<JsonObject> answered = Promise.promise();
    context.runOnContext(v -> http.request(options)
        .compose(req -> req.send(body.toBuffer()))
        .compose(resp -> resp.body().compose(b -> answer(path, resp, b)))
        .onComplete(answered));
    return answered.future();
  }

  private static Future<JsonObject> answer(String path, HttpClientResponse resp, Buffer body) {
    if (resp.statusCode() == 201 || resp.statusCode() == 200) {
      return Future.succeededFuture(body.length() == 0 ? new JsonObject() : body.toJsonObject());
    }
    if (resp.statusCode() == 409) {
      return Future.succeededFuture(new JsonObject());
    }
    return Future.failedFuture("POST " + path + " answered " + resp.statusCode() + ": " + body);
  }

  public void close() {
    http.close();
  }
}
