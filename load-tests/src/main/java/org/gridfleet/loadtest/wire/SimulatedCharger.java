package org.gridfleet.loadtest.wire;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One charger with its EV, speaking OCPP-J over its own WebSocket. After an accepted boot it reports the
 * connector occupied, starts a transaction, sends the EV's needs (2.x) and meter values every interval, and
 * applies the profiles it receives to the EV. Keeps one CALL of its own in flight (OCPP-J synchronicity); the
 * others queue. Everything runs on the charger's own event-loop context.
 *
 * <pre>
 * IDLE --connect--> CONNECTING --open--> BOOTING --Accepted--> BOOTED --transaction started--> IN_SESSION
 * any --socket closed--> IDLE
 * </pre>
 */
public final class SimulatedCharger {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedCharger.class);
  /** Meter values are skipped while this many CALLs already wait (a stalled server must not grow the queue). */
  private static final int MAX_QUEUED_CALLS = 4;
  /** Encoded answer payload per central-system action (the answers are the same in every version). */
  private static final Map<String, Optional<String>> ENCODED_ANSWERS = new ConcurrentHashMap<>();

  /** Where the charger is in its lifecycle. */
  public enum State { IDLE, CONNECTING, BOOTING, BOOTED, IN_SESSION }

  private final FleetWiring fleet;
  private final int index;
  private final String chargerId;
  private final Subprotocol subprotocol;
  private final ChargerDialect dialect;
  private final SimulatedEv ev;
  private final Context context;
  private final Deque<Pending> queue = new ArrayDeque<>();
  private volatile State state = State.IDLE;
  private WebSocket socket;
  private Pending inFlight;
  private long messageSeq;
  private int sessionCount;
  private String transactionId;
  private int seqNo;
  private boolean transactionProfile;
  private int lastRound;
  private long meterTimer = -1;
  private long heartbeatTimer = -1;
  private Promise<Void> inSession = Promise.promise();

  private record Pending(OutboundCall call, Consumer<JsonObject> onResult, String messageId, long sentNanos,
      long timeoutTimer) {
    Pending sent(String id, long nanos, long timer) {
      return new Pending(call, onResult, id, nanos, timer);
    }
  }

  /** @param context the event loop this charger's socket, timers and EV live on */
  SimulatedCharger(FleetWiring fleet, Context context, int index, EvProfile ev) {
    this.fleet = fleet;
    this.index = index;
    this.chargerId = fleet.config().chargerId(index);
    this.subprotocol = fleet.config().mix().versionOf(index);
    this.dialect = ChargerDialect.of(subprotocol);
    this.ev = new SimulatedEv(ev, System.nanoTime());
    this.context = context;
  }

  /** Connects, boots and starts a session; completes when in session, fails when the handshake fails. */
  Future<Void> connect() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      if (state != State.IDLE) {
        done.fail("charger " + chargerId + " is " + state);
        return;
      }
      state = State.CONNECTING;
      inSession = Promise.promise();
      inSession.future().onComplete(done);
      // A handshake or boot that never completes must not hold the fleet's connect slot forever.
      Promise<Void> attempt = inSession;
      fleet.vertx().setTimer(2 * fleet.config().callTimeout().toMillis(), t -> abandon(attempt));
      fleet.client().connect(connectOptions()).onComplete(ar -> {
        if (ar.failed()) {
          fleet.metrics().connectFailures.increment();
          state = State.IDLE;
          inSession.tryFail(ar.cause());
        } else {
          opened(ar.result());
        }
      });
    });
    return done.future();
  }

  private void abandon(Promise<Void> attempt) {
    if (attempt == inSession && attempt.tryFail("not in session within twice the call timeout")) {
      fleet.metrics().connectFailures.increment();
      if (socket != null) {
        socket.close();
      }
    }
  }

  /** Closes the socket as a network drop would; the gateway sees the connection go. */
  Future<Void> drop() {
    Promise<Void> closed = Promise.promise();
    context.runOnContext(v -> {
      if (socket == null) {
        closed.complete();
      } else {
        WebSocket ws = socket;
        ws.close().onComplete(ar -> {
          closed(ws);
          closed.complete();
        });
      }
    });
    return closed.future();
  }

  private WebSocketConnectOptions connectOptions() {
    String credentials = chargerId + ":" + fleet.config().password();
    String path = fleet.config().ocppUrl().getPath().replaceAll("/$", "") + "/" + chargerId;
    return new WebSocketConnectOptions()
        .setHost(fleet.config().ocppUrl().getHost())
        .setPort(fleet.config().ocppUrl().getPort())
        .setURI(path)
        .addSubProtocol(subprotocol.wireName())
        .addHeader("Authorization",
            "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  private void opened(WebSocket ws) {
    socket = ws;
    state = State.BOOTING;
    fleet.metrics().connectionsOpen.incrementAndGet();
    ws.textMessageHandler(this::onText);
    ws.closeHandler(v -> closed(ws));
    ws.exceptionHandler(e -> LOG.debug("[chargerId: {}] socket error: {}", chargerId, e.toString()));
    boot();
  }

  private void boot() {
    call(dialect.boot("Sim-" + subprotocol.wireName()), answer -> {
      String status = answer.getString("status");
      if ("Accepted".equals(status)) {
        fleet.metrics().bootsAccepted.increment();
        state = State.BOOTED;
        startSession(answer.getInteger("interval", 300));
      } else if ("Pending".equals(status)) {
        fleet.vertx().setTimer(Math.max(1, answer.getInteger("interval", 10)) * 1000L, t -> boot());
      } else {
        inSession.tryFail("boot " + status);
      }
    });
  }

  private void startSession(int heartbeatSeconds) {
    call(dialect.connectorOccupied(fleet.clock().instant()), answer -> { });
    String proposedId = chargerId + "-" + (++sessionCount);
    call(dialect.startTransaction(proposedId, "EV-" + chargerId, reading()), answer -> {
      transactionId = dialect.transactionIdFrom(answer, proposedId);
      seqNo = 1;
      state = State.IN_SESSION;
      fleet.metrics().sessionsActive.incrementAndGet();
      dialect.chargingNeeds(ev.profile(), ev.soc(), fleet.clock().instant()).ifPresent(c -> call(c, a -> { }));
      long period = fleet.config().meterInterval().toMillis();
      // Spread the fleet's meter values over the interval instead of sending them in bursts.
      long offset = 1 + Math.floorMod(index * 7919L, period);
      meterTimer = fleet.vertx().setPeriodic(offset, period, t -> sendMeterValues());
      heartbeatTimer = fleet.vertx().setPeriodic(heartbeatSeconds * 1000L, t -> call(dialect.heartbeat(), a -> { }));
      inSession.tryComplete();
    });
  }

  private void sendMeterValues() {
    if (state != State.IN_SESSION || queue.size() >= MAX_QUEUED_CALLS) {
      return;
    }
    call(dialect.meterValues(transactionId, seqNo++, reading()),
        answer -> fleet.metrics().meterValuesAcked.increment());
  }

  private MeterReading reading() {
    ev.advance(System.nanoTime());
    return new MeterReading(fleet.clock().instant(), ev.soc(), ev.powerKw(), ev.commandedKw(), ev.importKwh(),
        ev.exportKwh());
  }

  /** Idempotent per socket: a late close event of an old socket must not touch a newer connection. */
  private void closed(WebSocket ws) {
    if (socket != ws) {
      return;
    }
    fleet.metrics().connectionsOpen.decrementAndGet();
    if (state == State.IN_SESSION) {
      fleet.metrics().sessionsActive.decrementAndGet();
    }
    state = State.IDLE;
    socket = null;
    fleet.vertx().cancelTimer(meterTimer);
    fleet.vertx().cancelTimer(heartbeatTimer);
    if (inFlight != null) {
      fleet.vertx().cancelTimer(inFlight.timeoutTimer());
      inFlight = null;
    }
    queue.clear();
    transactionProfile = false;
    inSession.tryFail("connection closed");
  }

  private void call(OutboundCall call, Consumer<JsonObject> onResult) {
    queue.addLast(new Pending(call, onResult, null, 0, -1));
    pump();
  }

  private void pump() {
    if (inFlight != null || socket == null || queue.isEmpty()) {
      return;
    }
    Pending next = queue.pollFirst();
    String id = Long.toString(++messageSeq);
    long timer = fleet.vertx().setTimer(fleet.config().callTimeout().toMillis(), t -> timedOut(id));
    inFlight = next.sent(id, System.nanoTime(), timer);
    write(new JsonArray().add(2).add(id).add(next.call().action()).add(next.call().payload()));
  }

  private void timedOut(String id) {
    if (inFlight != null && id.equals(inFlight.messageId())) {
      fleet.metrics().callTimeouts.increment();
      inFlight = null;
      pump();
    }
  }

  private void write(JsonArray frame) {
    fleet.metrics().framesSent.increment();
    socket.writeTextMessage(frame.encode());
  }

  private void onText(String text) {
    fleet.metrics().framesReceived.increment();
    ServerCall call = ServerCall.parse(text); // a fan-out's frames, read without a JSON tree
    if (call != null) {
      onServerCall(call);
      return;
    }
    JsonArray frame;
    try {
      frame = new JsonArray(text);
    } catch (DecodeException e) {
      LOG.warn("[chargerId: {}] not a JSON frame: {}", chargerId, text);
      return;
    }
    switch (frame.getInteger(0)) {
      case 2 -> {
        ServerCall other = ServerCall.of(frame);
        if (other == null) {
          LOG.warn("[chargerId: {}] malformed CALL {}", chargerId, text);
        } else {
          onServerCall(other);
        }
      }
      case 3 -> onAnswer(frame.getString(1), frame.getJsonObject(2));
      case 4 -> onCallError(frame);
      default -> LOG.warn("[chargerId: {}] unexpected frame {}", chargerId, text);
    }
  }

  private void onAnswer(String id, JsonObject payload) {
    if (inFlight == null || !id.equals(inFlight.messageId())) {
      return; // answer after our timeout
    }
    Pending done = inFlight;
    inFlight = null;
    fleet.vertx().cancelTimer(done.timeoutTimer());
    fleet.metrics().roundTrip(done.call().action(), (System.nanoTime() - done.sentNanos()) / 1000);
    done.onResult().accept(payload);
    pump();
  }

  private void onCallError(JsonArray frame) {
    fleet.metrics().callErrors.increment();
    if (inFlight != null && frame.getString(1).equals(inFlight.messageId())) {
      LOG.warn("[chargerId: {}] CALLERROR for {}: {}", chargerId, inFlight.call().action(), frame.encode());
      fleet.vertx().cancelTimer(inFlight.timeoutTimer());
      inFlight = null;
      pump();
    }
  }

  private void onServerCall(ServerCall call) {
    dialect.command(call).ifPresent(this::apply);
    String id = call.messageId();
    Optional<String> answer = ENCODED_ANSWERS.computeIfAbsent(call.action(),
        a -> dialect.answer(a).map(JsonObject::encode));
    if (answer.isEmpty()) {
      write(new JsonArray().add(4).add(id).add("NotImplemented")
          .add("simulator does not handle " + call.action()).add(new JsonObject()));
    } else {
      // the answers are constants: splice the encoded payload instead of building and encoding a tree per frame
      fleet.metrics().framesSent.increment();
      socket.writeTextMessage("[3," + jsonString(id) + "," + answer.get() + "]");
    }
  }

  /** A message id as a JSON string; ids are plain ASCII in practice, anything else goes through the encoder. */
  private static String jsonString(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || c > 0x7e) {
        return Json.encode(id);
      }
    }
    return "\"" + id + "\"";
  }

  /** A TxDefaultProfile only caps charging until a transaction profile takes over. */
  private void apply(ChargerCommand command) {
    long now = System.nanoTime();
    if (command.fallback()) {
      if (!transactionProfile) {
        ev.command(Math.max(0, Math.min(command.kw(), ev.profile().maxChargeKw())), now);
      }
      return;
    }
    transactionProfile = true;
    fleet.metrics().controlsReceived.increment();
    lastRound = fleet.tracker().delivered(lastRound);
    ev.command(command.kw(), now);
  }

  public String chargerId() {
    return chargerId;
  }

  public Subprotocol subprotocol() {
    return subprotocol;
  }

  /** The EV behind this charger. */
  public EvProfile evProfile() {
    return ev.profile();
  }

  public State state() {
    return state;
  }

  /** The EV's power now, kW (+ charge), integrated up to this moment on the charger's own loop. */
  public Future<Double> powerKwNow() {
    Promise<Double> power = Promise.promise();
    context.runOnContext(v -> {
      ev.advance(System.nanoTime());
      power.complete(ev.powerKw());
    });
    return power.future();
  }
}
