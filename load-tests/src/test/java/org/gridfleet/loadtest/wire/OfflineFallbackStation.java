package org.gridfleet.loadtest.wire;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One OCPP 2.1 station with its EV, for the kill -9 test. Online it charges at its transaction profile (TxProfile
 * or the dynamic setpoint that updates it), capped by its TxDefaultProfile until a TxProfile arrives. When the
 * connection goes, it keeps the TxProfile for the profile's {@code maxOfflineDuration} and then runs on its
 * TxDefaultProfile, the offline fallback (OCPP 2.1 K01 / Q: a profile is not used after that long offline); a
 * TxProfile sent with {@code invalidAfterOfflineDuration} stays invalid after such an outage, otherwise it applies
 * again once the station is back online. It
 * retries the connection with the OCPP back-off (RetryBackOffWaitMinimum 500 ms plus a random part of up to
 * RetryBackOffRandomRange 5 s, seeded by the charger id, so the fleet does not come back in lockstep); each new
 * connection boots (the gateway requires it) and resumes the same
 * transaction with a TransactionEvent Updated. Meter values every second report the power it charges at.
 *
 * <pre>
 * OFFLINE --connected, boot accepted--> ONLINE --socket closed--> OFFLINE (TxProfile until maxOfflineDuration,
 *                                                                          then TxDefaultProfile)
 * </pre>
 *
 * Everything runs on the station's own event-loop context; the test thread reads through synchronized getters.
 */
final class OfflineFallbackStation {
  private static final long RETRY_MIN_MS = 500;
  private static final long RETRY_RANDOM_RANGE_MS = 5_000;
  private static final Duration METER_INTERVAL = Duration.ofSeconds(1);

  private final Vertx vertx;
  private final Context context;
  private final WebSocketClient client;
  private final int port;
  private final String chargerId;
  private final String password;
  private final String idToken;
  private final EvProfile ev;
  private final Clock clock;
  private final ChargerDialect dialect = ChargerDialect.of(Subprotocol.OCPP_2_1);
  private final Map<String, Promise<JsonObject>> waiting = new HashMap<>();
  private final SplittableRandom backOff;
  private WebSocket socket;
  private long messageSeq;
  private int seqNo;
  private boolean transactionStarted;
  private boolean callInFlight;
  private double importKwh;
  private Instant lastAdvance;
  // read by the test thread
  private double txProfileKw = Double.NaN;
  private double fallbackKw = Double.NaN;
  private Duration maxOffline = Duration.ZERO;
  private Instant offlineSince;
  /** OCPP 2.1 invalidAfterOfflineDuration of the TxProfile: past maxOfflineDuration it never applies again. */
  private boolean txProfileInvalidAfterOffline;
  private int connections;
  private int controlsThisConnection;
  private int meterValuesAcked;
  private boolean stopped;
  private long meterTimer = -1;

  OfflineFallbackStation(Vertx vertx, int port, String chargerId, String password, String idToken, EvProfile ev,
      Clock clock) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.client = vertx.createWebSocketClient();
    this.port = port;
    this.chargerId = chargerId;
    this.password = password;
    this.idToken = idToken;
    this.ev = ev;
    this.clock = clock;
    this.backOff = new SplittableRandom(chargerId.hashCode());
    this.lastAdvance = clock.instant();
    this.offlineSince = clock.instant();
  }

  /** Starts connecting (and reconnecting whenever the connection goes). */
  void start() {
    context.runOnContext(v -> {
      connect();
      meterTimer = vertx.setPeriodic(METER_INTERVAL.toMillis(), t -> meter());
    });
  }

  private void connect() {
    if (isStopped()) {
      return;
    }
    String credentials = chargerId + ":" + password;
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/ocpp/" + chargerId).addSubProtocol(Subprotocol.OCPP_2_1.wireName())
        .addHeader("Authorization", "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    client.connect(options).onComplete(ar -> {
      if (ar.failed()) {
        vertx.setTimer(RETRY_MIN_MS + backOff.nextLong(RETRY_RANDOM_RANGE_MS), t -> connect());
      } else {
        opened(ar.result());
      }
    });
  }

  private void opened(WebSocket ws) {
    socket = ws;
    ws.textMessageHandler(this::onText);
    ws.closeHandler(v -> closed(ws));
    call(dialect.boot("Sim-ocpp2.1"))
        .compose(boot -> "Accepted".equals(boot.getString("status")) ? Future.succeededFuture()
            : Future.failedFuture("boot " + boot.getString("status")))
        .compose(v -> {
          synchronized (this) {
            connections++;
            controlsThisConnection = 0;
            if (txProfileInvalidAfterOffline && onFallback(clock.instant())) {
              txProfileKw = Double.NaN; // offline past maxOfflineDuration: the TxProfile is gone for good
            }
            offlineSince = null;
          }
          return call(dialect.connectorOccupied(clock.instant()));
        })
        .compose(v -> transactionStarted ? resume() : begin())
        .onFailure(e -> ws.close());
  }

  private Future<JsonObject> begin() {
    return call(dialect.startTransaction("tx-" + chargerId, idToken, reading())).compose(v -> {
      countAck();
      transactionStarted = true;
      seqNo = 1;
      return call(dialect.chargingNeeds(ev, ev.initialSoc(), clock.instant()).orElseThrow());
    });
  }

  /**
   * A station whose transaction outlived the connection carries on with it, as OCPP 2.x stations do: its events
   * name the transaction id alone (the EVSE and the idToken go only in a transaction's first event), so the central
   * system must remember the session across its own restart to match it to the vehicle again.
   */
  private Future<JsonObject> resume() {
    return call(dialect.meterValues("tx-" + chargerId, seqNo++, reading())).onSuccess(a -> countAck());
  }

  private void closed(WebSocket ws) {
    if (socket != ws) {
      return;
    }
    socket = null;
    callInFlight = false;
    waiting.values().forEach(p -> p.tryFail("connection closed"));
    waiting.clear();
    advance();
    synchronized (this) {
      offlineSince = clock.instant();
    }
    vertx.setTimer(RETRY_MIN_MS + backOff.nextLong(RETRY_RANDOM_RANGE_MS), t -> connect());
  }

  private void meter() {
    advance();
    if (socket == null || !transactionStarted || callInFlight) {
      return;
    }
    call(dialect.meterValues("tx-" + chargerId, seqNo++, reading())).onSuccess(a -> countAck());
  }

  private synchronized void countAck() {
    meterValuesAcked++;
  }

  private MeterReading reading() {
    double kw = powerKw(clock.instant());
    double soc = Math.min(1, ev.initialSoc() + importKwh / ev.batteryKwh());
    return new MeterReading(clock.instant(), soc, kw, kw, importKwh, 0);
  }

  private void advance() {
    Instant now = clock.instant();
    importKwh += powerKw(now) * Duration.between(lastAdvance, now).toMillis() / 3_600_000.0;
    lastAdvance = now;
  }

  private Future<JsonObject> call(OutboundCall call) {
    if (socket == null) {
      return Future.failedFuture("offline");
    }
    String id = chargerId + "-" + (++messageSeq);
    Promise<JsonObject> answer = Promise.promise();
    waiting.put(id, answer);
    callInFlight = true;
    socket.writeTextMessage(new JsonArray().add(2).add(id).add(call.action()).add(call.payload()).encode());
    return answer.future().onComplete(ar -> callInFlight = false);
  }

  private void onText(String text) {
    JsonArray frame = new JsonArray(text);
    if (frame.getInteger(0) == 2) {
      onServerCall(frame.getString(1), frame.getString(2), frame.getJsonObject(3));
      return;
    }
    Promise<JsonObject> answer = waiting.remove(frame.getString(1));
    if (answer != null) {
      if (frame.getInteger(0) == 3) {
        answer.complete(frame.getJsonObject(2));
      } else {
        answer.fail(frame.encode());
      }
    }
  }

  private void onServerCall(String id, String action, JsonObject payload) {
    advance();
    dialect.command(new ServerCall(id, action, payload.encode())).ifPresent(command -> apply(command, payload));
    JsonObject answer = dialect.answer(action).orElse(null);
    if (answer == null) {
      socket.writeTextMessage(new JsonArray().add(4).add(id).add("NotImplemented").add("")
          .add(new JsonObject()).encode());
    } else {
      socket.writeTextMessage(new JsonArray().add(3).add(id).add(answer).encode());
    }
  }

  private synchronized void apply(ChargerCommand command, JsonObject payload) {
    if (command.fallback()) {
      fallbackKw = command.kw();
      return;
    }
    JsonObject profile = payload.getJsonObject("chargingProfile");
    if (profile != null && profile.getInteger("maxOfflineDuration") != null) {
      maxOffline = Duration.ofSeconds(profile.getInteger("maxOfflineDuration"));
    }
    if (profile != null) {
      txProfileInvalidAfterOffline = profile.getBoolean("invalidAfterOfflineDuration", false);
    }
    txProfileKw = command.kw();
    controlsThisConnection++;
  }

  /** The power the station charges at, kW, at {@code now}: its TxProfile, else its TxDefaultProfile. */
  synchronized double powerKw(Instant now) {
    double kw = onFallback(now) || Double.isNaN(txProfileKw) ? fallbackKw : txProfileKw;
    return Double.isNaN(kw) ? 0 : Math.max(0, Math.min(ev.maxChargeKw(), kw));
  }

  /** Offline for longer than the TxProfile's maxOfflineDuration: the TxDefaultProfile governs. */
  synchronized boolean onFallback(Instant now) {
    return offlineSince != null && !Duration.between(offlineSince, now).minus(maxOffline).isNegative();
  }

  synchronized boolean online() {
    return offlineSince == null;
  }

  /** Whether a TxProfile or dynamic setpoint arrived on the current connection. */
  synchronized boolean controlledSinceConnect() {
    return offlineSince == null && controlsThisConnection > 0;
  }

  synchronized int connections() {
    return connections;
  }

  synchronized double fallbackKw() {
    return fallbackKw;
  }

  synchronized double txProfileKw() {
    return txProfileKw;
  }

  synchronized Duration maxOffline() {
    return maxOffline;
  }

  /** TransactionEvents (each with one meter value) the central system acknowledged. */
  synchronized int meterValuesAcked() {
    return meterValuesAcked;
  }

  String chargerId() {
    return chargerId;
  }

  private synchronized boolean isStopped() {
    return stopped;
  }

  /** Stops reconnecting and closes the connection. */
  void stop() {
    synchronized (this) {
      stopped = true;
    }
    context.runOnContext(v -> {
      vertx.cancelTimer(meterTimer);
      if (socket != null) {
        socket.close();
      }
    });
  }
}
