package org.gridfleet.aggregator.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjDoubleConsumer;

/**
 * A one-EVSE OCPP 2.0.1 charging station over a real WebSocket, driven step by step from the test thread. It
 * accepts every CALL the server sends and hands each TxProfile limit (kW) to a listener.
 */
final class SimulatedCharger implements AutoCloseable {

    private final String id;
    private final WebSocket socket;
    private final Map<String, CompletableFuture<JsonArray>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    private final ObjDoubleConsumer<String> txProfileKw;
    private int seqNo;

    private SimulatedCharger(String id, WebSocket socket, ObjDoubleConsumer<String> txProfileKw) {
        this.id = id;
        this.socket = socket;
        this.txProfileKw = txProfileKw;
        socket.textMessageHandler(this::onText);
    }

    /**
     * Connects like a station does: a refused handshake (the directory has not loaded the charger yet, or its
     * password is being verified) is retried after a short back-off until {@code within} has passed.
     */
    static SimulatedCharger connect(Vertx vertx, int port, String id, String password, Duration within,
                                    ObjDoubleConsumer<String> txProfileKw) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        Instant giveUp = Instant.now().plus(within);
        while (true) {
            try {
                WebSocket ws = client.connect(options(port, id, password)).await(5, TimeUnit.SECONDS);
                return new SimulatedCharger(id, ws, txProfileKw);
            } catch (UpgradeRejectedException e) {
                if (Instant.now().isAfter(giveUp)) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** The HTTP status of a refused handshake, or 101 when it was accepted. */
    static int handshakeStatus(Vertx vertx, int port, String id, String password) throws Exception {
        // closed in finally, so it stays reachable: Vert.x closes a client that is garbage-collected mid-handshake
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            client.connect(options(port, id, password)).await(5, TimeUnit.SECONDS).close();
            return 101;
        } catch (UpgradeRejectedException e) {
            return e.getStatus();
        } finally {
            client.close();
        }
    }

    private static WebSocketConnectOptions options(int port, String id, String password) {
        return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ocpp/" + id)
                .setSubProtocols(List.of("ocpp2.0.1"))
                .addHeader("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    void boot() throws Exception {
        JsonObject answer = call("BootNotification", new JsonObject().put("reason", "PowerUp")
                .put("chargingStation", new JsonObject().put("vendorName", "Gridfleet").put("model", "SimEvse")));
        if (!"Accepted".equals(answer.getString("status"))) {
            throw new IllegalStateException(id + " boot not accepted: " + answer);
        }
        call("StatusNotification", new JsonObject().put("timestamp", Instant.now().toString())
                .put("connectorStatus", "Occupied").put("evseId", 1).put("connectorId", 1));
    }

    /** Starts a transaction authorized by {@code idToken} with a first meter reading, then sends the EV's needs. */
    void plugIn(String idToken, double socPct, Instant departure, double energyWh) throws Exception {
        call("TransactionEvent", transactionEvent("Started", "Authorized", socPct, 0)
                .put("idToken", new JsonObject().put("idToken", idToken).put("type", "ISO14443")));
        call("NotifyEVChargingNeeds", new JsonObject().put("evseId", 1).put("chargingNeeds", new JsonObject()
                .put("requestedEnergyTransfer", "AC_three_phase").put("departureTime", departure.toString())
                .put("acChargingParameters", new JsonObject().put("energyAmount", energyWh).put("evMinCurrent", 6)
                        .put("evMaxCurrent", 16).put("evMaxVoltage", 400))));
    }

    /** A periodic meter reading of the running transaction. */
    void meter(double socPct, double powerW) throws Exception {
        call("TransactionEvent", transactionEvent("Updated", "MeterValuePeriodic", socPct, powerW));
    }

    private JsonObject transactionEvent(String type, String trigger, double socPct, double powerW) {
        String now = Instant.now().toString();
        return new JsonObject().put("eventType", type).put("timestamp", now).put("triggerReason", trigger)
                .put("seqNo", seqNo++).put("transactionInfo", new JsonObject().put("transactionId", "tx-" + id))
                .put("evse", new JsonObject().put("id", 1).put("connectorId", 1))
                .put("meterValue", new JsonArray().add(new JsonObject().put("timestamp", now)
                        .put("sampledValue", new JsonArray()
                                .add(sampled(socPct, "SoC", "Percent"))
                                .add(sampled(powerW, "Power.Active.Import", "W"))
                                .add(sampled(5000, "Energy.Active.Import.Register", "Wh")))));
    }

    private static JsonObject sampled(double value, String measurand, String unit) {
        return new JsonObject().put("value", value).put("measurand", measurand)
                .put("unitOfMeasure", new JsonObject().put("unit", unit));
    }

    /** Sends a CALL and waits for its CALLRESULT payload; a CALLERROR fails. */
    JsonObject call(String action, JsonObject payload) throws Exception {
        String messageId = id + "-" + messageIds.incrementAndGet();
        CompletableFuture<JsonArray> answer = new CompletableFuture<>();
        answers.put(messageId, answer);
        socket.writeTextMessage(new JsonArray().add(2).add(messageId).add(action).add(payload).encode());
        JsonArray frame = answer.get(10, TimeUnit.SECONDS);
        if (frame.getInteger(0) != 3) {
            throw new IllegalStateException(action + " answered with " + frame.encode());
        }
        return frame.getJsonObject(2);
    }

    private void onText(String text) {
        JsonArray frame = new JsonArray(text);
        if (frame.getInteger(0) != 2) {
            CompletableFuture<JsonArray> waiting = answers.remove(frame.getString(1));
            if (waiting != null) {
                waiting.complete(frame);
            }
            return;
        }
        JsonObject payload = frame.getJsonObject(3);
        if ("SetChargingProfile".equals(frame.getString(2))
                && "TxProfile".equals(payload.getJsonObject("chargingProfile").getString("chargingProfilePurpose"))) {
            double limitW = payload.getJsonObject("chargingProfile").getJsonArray("chargingSchedule").getJsonObject(0)
                    .getJsonArray("chargingSchedulePeriod").getJsonObject(0).getDouble("limit");
            txProfileKw.accept(id, limitW / 1000);
        }
        socket.writeTextMessage(new JsonArray().add(3).add(frame.getString(1))
                .add(new JsonObject().put("status", "Accepted")).encode());
    }

    @Override
    public void close() {
        socket.close();
    }
}
