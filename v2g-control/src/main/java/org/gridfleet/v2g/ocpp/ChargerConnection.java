package org.gridfleet.v2g.ocpp;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.gridfleet.v2g.charger.ChargerRecord;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.DispatchResult.Status;
import org.gridfleet.v2g.charger.EvseRef;

/**
 * One charger's WebSocket. All state is touched only on the event loop that owns the socket
 * ({@link #context}). Exactly one outbound CALL is in flight; control values wait in a per-EVSE
 * "latest wins" slot and other calls in a FIFO.
 *
 * <p>Lifecycle: CONNECTED → (Boot) ACCEPTED | PENDING | REJECTED; PENDING → ACCEPTED; any → CLOSED.
 */
public final class ChargerConnection {

  /** Connection lifecycle. */
  enum State { CONNECTED, PENDING, ACCEPTED, REJECTED, CLOSED }

  private static final AtomicLong IDS = new AtomicLong();

  final ChargerRecord charger;
  final OcppVersion version;
  final GatewayServices services;
  final OcppServerConfig config;
  final Context context;
  private final ServerWebSocket socket;
  private final OcppSchemas schemas;
  private final OutboundCheck outbound;
  private final ProvenShapes inbound;
  private final ProvenShapes answersOut;
  private final KnownAnswers answers;
  private final GatewayMetrics metrics;
  private final OcppAdapter adapter;
  private final EvseState[] evses;
  private final ArrayDeque<Queued> queue = new ArrayDeque<>();
  final MeterParser meter = new MeterParser();
  State state = State.CONNECTED;

  private InFlight inFlight;
  private int nextControlEvse;

  private record Queued(OutboundRequest request, Consumer<Reply> onReply) {}

  private record InFlight(String messageId, OutboundRequest request, Consumer<Reply> onReply, long sentNanos) {}

  /** The answer to an outbound CALL: a validated payload, or an error/timeout status. */
  record Reply(JsonObject payload, Status failure, String detail) {}

  ChargerConnection(Vertx vertx, ServerWebSocket socket, ChargerRecord charger, OcppVersion version,
      OcppSchemas schemas, OutboundCheck outbound, ProvenShapes inbound, ProvenShapes answersOut, KnownAnswers answers,
      GatewayServices services, OcppServerConfig config, GatewayMetrics metrics) {
    this.context = vertx.getOrCreateContext();
    this.socket = socket;
    this.charger = charger;
    this.version = version;
    this.schemas = schemas;
    this.outbound = outbound;
    this.inbound = inbound;
    this.answersOut = answersOut;
    this.answers = answers;
    this.metrics = metrics;
    this.services = services;
    this.config = config;
    this.adapter = OcppAdapter.forVersion(version);
    this.evses = new EvseState[charger.evseCount()];
    for (int i = 0; i < evses.length; i++) {
      evses[i] = new EvseState(new EvseRef(charger.chargerId(), i + 1));
    }
  }

  public String chargerId() {
    return charger.chargerId();
  }

  public OcppVersion version() {
    return version;
  }

  /** EVSE state, or an OCPP error naming the bad id. */
  EvseState evse(int evseId) {
    if (evseId < 1 || evseId > evses.length) {
      throw new OcppException(OcppErrorCode.PropertyConstraintViolation,
          "evseId " + evseId + " does not exist on " + charger.chargerId() + " (1.." + evses.length + ")");
    }
    return evses[evseId - 1];
  }

  // ---------------------------------------------------------------- inbound

  void onText(String text) {
    if (inFlight != null) {
      JsonObject known = answers.recall(version, inFlight.request().action(), inFlight.messageId(), text);
      if (known != null) {
        finish(takeInFlight(inFlight.messageId()), new Reply(known, null, ""));
        return;
      }
    }
    OcppFrame frame;
    try {
      frame = OcppFrameDecoder.decode(text, version);
    } catch (OcppFrameDecoder.FrameException e) {
      if (e.answerable) {
        sendCallError(e.messageId, e.code, e.getMessage(), false);
      }
      return;
    }
    if (frame instanceof OcppFrame.Call call) {
      onCall(call, text);
    } else if (frame instanceof OcppFrame.CallResult result) {
      onCallResult(result, text);
    } else if (frame instanceof OcppFrame.CallError error) {
      onCallError(error);
    } else if (frame instanceof OcppFrame.Send send) {
      onSend(send);
    }
  }

  private void onCall(OcppFrame.Call call, String text) {
    countInbound(call.action());
    String responseText;
    try {
      // meter values repeat their last proven shape but for values checked alone; anything else in full
      String payloadText = ProvenShapes.payloadOf(text);
      if (inbound.check(version, call.action(), call.payload(), payloadText)) {
        metrics.provenInFull(GatewayMetrics.Direction.IN);
      }
      if (state != State.ACCEPTED && !"BootNotification".equals(call.action())) {
        throw new OcppException(OcppErrorCode.SecurityError,
            "BootNotification not accepted yet; " + call.action() + " refused");
      }
      JsonObject response = adapter.onCall(this, call.action(), call.payload());
      responseText = response.encode();
      answersOut.check(version, call.action(), response, responseText);
    } catch (OcppException e) {
      sendCallError(call.messageId(), e.code(), e.getMessage(), false);
      return;
    }
    socket.writeTextMessage(OcppFrame.callResult(call.messageId(), responseText));
  }

  private void onSend(OcppFrame.Send send) {
    // SEND is never answered; an invalid one is dropped.
    if (countInbound(send.action())) {
      try {
        schemas.checkRequest(version, send.action(), send.payload());
      } catch (OcppException ignored) {
        // unconfirmed message: nothing to answer, nothing to change
      }
    }
  }

  private void onCallResult(OcppFrame.CallResult result, String text) {
    InFlight call = takeInFlight(result.messageId());
    if (call == null) {
      return;
    }
    try {
      schemas.checkResponse(version, call.request().action(), result.payload());
    } catch (OcppException e) {
      if (version.hasSendAndCallResultError()) {
        sendCallError(result.messageId(), e.code(), e.getMessage(), true);
      }
      finish(call, new Reply(null, Status.REJECTED, "invalid " + call.request().action() + " response: " + e.getMessage()));
      return;
    }
    answers.remember(version, call.request().action(), result.messageId(), text, result.payload());
    finish(call, new Reply(result.payload(), null, ""));
  }

  private void onCallError(OcppFrame.CallError error) {
    metrics.callError(error.code(), GatewayMetrics.Direction.IN);
    InFlight call = takeInFlight(error.messageId());
    if (call != null) {
      finish(call, new Reply(null, Status.REJECTED, error.code() + ": " + error.description()));
    }
  }

  private InFlight takeInFlight(String messageId) {
    if (inFlight == null || !inFlight.messageId().equals(messageId)) {
      return null; // late answer after a timeout, or unsolicited: ignore
    }
    InFlight call = inFlight;
    inFlight = null;
    metrics.roundTrip(version, call.request().action(), System.nanoTime() - call.sentNanos());
    return call;
  }

  /** Counts an inbound CALL or SEND; true when the action exists in this version. */
  private boolean countInbound(String action) {
    boolean known = schemas.knows(version, action);
    metrics.call(version, known ? action : GatewayMetrics.UNKNOWN_ACTION, GatewayMetrics.Direction.IN);
    return known;
  }

  private void sendCallError(String messageId, OcppErrorCode code, String description, boolean aboutResponse) {
    metrics.callError(code, GatewayMetrics.Direction.OUT);
    socket.writeTextMessage(OcppFrame.callError(version, messageId, code, description, aboutResponse));
  }

  private void finish(InFlight call, Reply reply) {
    call.onReply().accept(reply);
    pump();
  }

  // ---------------------------------------------------------------- outbound

  /** Queues a CALL (FIFO, after pending control values). Event loop only. */
  void send(OutboundRequest request, Consumer<Reply> onReply) {
    if (state == State.CLOSED) {
      onReply.accept(new Reply(null, Status.OFFLINE, "connection closed"));
      return;
    }
    queue.add(new Queued(request, onReply));
    pump();
  }

  /** Puts a control value in the EVSE's latest-wins slot. Event loop only. */
  void control(int evseId, double powerKw, boolean setpoint, CompletableFuture<DispatchResult> result) {
    if (evseId < 1 || evseId > evses.length) {
      result.complete(DispatchResult.of(Status.REJECTED, "evseId " + evseId + " does not exist"));
      return;
    }
    if (state != State.ACCEPTED) {
      result.complete(DispatchResult.of(Status.OFFLINE, "charger not booted: " + state));
      return;
    }
    EvseState evse = evses[evseId - 1];
    EvseState.PendingControl old = evse.pending;
    evse.pending = new EvseState.PendingControl(powerKw, setpoint, result);
    if (old != null) {
      old.result().complete(DispatchResult.of(Status.SUPERSEDED, "newer value for the same EVSE"));
    }
    pump();
  }

  /**
   * Plans a one-off command for an EVSE with this connection's adapter and queues it (FIFO, after pending
   * control values). {@code failed} turns a refusal, error or timeout into the caller's result type.
   * Event loop only.
   */
  <T> void command(int evseId, BiFunction<OcppAdapter, EvseState, OcppAdapter.Command<T>> plan,
      Function<DispatchResult, T> failed, CompletableFuture<T> result) {
    if (evseId < 1 || evseId > evses.length) {
      result.complete(failed.apply(DispatchResult.of(Status.REJECTED, "evseId " + evseId + " does not exist")));
      return;
    }
    if (state != State.ACCEPTED) {
      result.complete(failed.apply(DispatchResult.of(Status.OFFLINE, "charger not booted: " + state)));
      return;
    }
    OcppAdapter.Command<T> command = plan.apply(adapter, evses[evseId - 1]);
    if (command.refusal() != null) {
      result.complete(failed.apply(command.refusal()));
      return;
    }
    send(command.request(), reply -> {
      if (reply.failure() != null) {
        result.complete(failed.apply(DispatchResult.of(reply.failure(), reply.detail())));
        return;
      }
      try {
        result.complete(command.onAnswer().apply(reply.payload()));
      } catch (OcppException e) {
        result.complete(failed.apply(DispatchResult.of(Status.REJECTED,
            "unusable " + command.request().action() + " answer: " + e.getMessage())));
      }
    });
  }

  private void pump() {
    while (inFlight == null && state != State.CLOSED) {
      EvseState.PendingControl control = null;
      EvseState evse = null;
      for (int i = 0; i < evses.length && control == null; i++) {
        evse = evses[(nextControlEvse + i) % evses.length];
        control = evse.pending;
      }
      if (control != null) {
        nextControlEvse = (evse.ref.evseId()) % evses.length;
        evse.pending = null;
        dispatchControl(evse, control);
        continue; // a refused control sends nothing; look again
      }
      Queued next = queue.poll();
      if (next == null) {
        return;
      }
      write(next.request(), next.onReply());
    }
  }

  private void dispatchControl(EvseState evse, EvseState.PendingControl control) {
    OcppAdapter.Control plan = adapter.control(this, evse, control.powerKw(), control.setpoint());
    if (plan.refusal() != null) {
      control.result().complete(plan.refusal());
      services.telemetry().ackReceived(evse.ref, plan.refusal(), services.clock().instant());
      return;
    }
    services.telemetry().setpointSent(evse.ref, control.powerKw(), services.clock().instant());
    write(plan.request(), reply -> {
      DispatchResult result = reply.failure() != null
          ? DispatchResult.of(reply.failure(), reply.detail())
          : plan.onAccepted().apply(reply.payload());
      Instant now = services.clock().instant();
      if (result.status() == Status.ACCEPTED && adapter.renewsTxProfiles() && evse.transactionId != null) {
        evse.steered = control;
        evse.renewAt = now.plus(config.maxOfflineDuration().dividedBy(2));
      }
      services.telemetry().ackReceived(evse.ref, result, now);
      control.result().complete(result);
    });
  }

  /**
   * Re-sends the accepted TxProfile of every steered EVSE whose renewal is due, so its validTo never lapses while
   * Gridfleet is here (2.0.1/1.6). A newer control value supersedes the renewal; a failed one is retried after a
   * call timeout. Event loop only.
   */
  void renewDueProfiles() {
    if (state != State.ACCEPTED) {
      return;
    }
    Instant now = services.clock().instant();
    for (EvseState evse : evses) {
      if (evse.renewAt != null && evse.pending == null && !now.isBefore(evse.renewAt)) {
        evse.renewAt = now.plus(config.callTimeout());
        evse.pending = new EvseState.PendingControl(evse.steered.powerKw(), evse.steered.setpoint(),
            new CompletableFuture<>());
      }
    }
    pump();
  }

  private void write(OutboundRequest request, Consumer<Reply> onReply) {
    String payloadText = request.payload().encode();
    try {
      if (outbound.check(version, request, payloadText)) {
        metrics.provenInFull(GatewayMetrics.Direction.OUT);
      }
    } catch (OcppException e) {
      // A bug on our side: never put an invalid frame on the wire.
      onReply.accept(new Reply(null, Status.REJECTED, "Gridfleet built an invalid " + request.action() + ": " + e.getMessage()));
      return;
    }
    String messageId = Long.toString(IDS.incrementAndGet(), 36);
    inFlight = new InFlight(messageId, request, onReply, System.nanoTime());
    metrics.call(version, request.action(), GatewayMetrics.Direction.OUT);
    socket.writeTextMessage(OcppFrame.call(messageId, request.action(), payloadText));
  }

  /**
   * Times out the CALL in flight once it has waited {@link OcppServerConfig#callTimeout()}, so the next one may
   * go. The verticle sweeps its connections with this instead of arming a timer per CALL, which cost a timer
   * queue insert and removal for every frame of a fan-out. Event loop only.
   */
  void expireOverdueCall(long nowNanos) {
    if (inFlight != null && nowNanos - inFlight.sentNanos() >= config.callTimeout().toNanos()) {
      InFlight call = takeInFlight(inFlight.messageId());
      finish(call, new Reply(null, Status.TIMED_OUT,
          call.request().action() + " unanswered after " + config.callTimeout()));
    }
  }

  void ping() {
    if (state != State.CLOSED) {
      socket.writePing(io.vertx.core.buffer.Buffer.buffer());
    }
  }

  /** Socket closed: fail everything outstanding. Event loop only. */
  void onClosed() {
    state = State.CLOSED;
    Reply offline = new Reply(null, Status.OFFLINE, "connection closed");
    if (inFlight != null) {
      InFlight call = inFlight;
      inFlight = null;
      call.onReply().accept(offline);
    }
    for (Queued q; (q = queue.poll()) != null; ) {
      q.onReply().accept(offline);
    }
    for (EvseState evse : evses) {
      if (evse.pending != null) {
        evse.pending.result().complete(DispatchResult.of(Status.OFFLINE, "connection closed"));
        evse.pending = null;
      }
    }
    services.events().onConnection(charger.chargerId(), false);
  }

  void close() {
    socket.close((short) 1000, "replaced by a newer connection");
  }
}
