package org.gridfleet.loadtest.ocpp;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.gridfleet.v2g.charger.ChargerDirectory;
import org.gridfleet.v2g.charger.ChargerEvents;
import org.gridfleet.v2g.charger.ChargerRecord;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.charger.MeterSample;
import org.gridfleet.v2g.charger.TelemetrySink;
import org.gridfleet.v2g.charger.VehicleMatcher;
import org.gridfleet.v2g.ocpp.ConnectionRegistry;
import org.gridfleet.v2g.ocpp.OcppSchemas;
import org.gridfleet.v2g.ocpp.OcppServerConfig;
import org.gridfleet.v2g.ocpp.OcppServerVerticle;

/**
 * OCPP gateway load scenario, all in one JVM on loopback: N OCPP 2.1 chargers (Vert.x WebSocket
 * clients) boot, start a transaction and send meter values every 10 s; then the control core fans a
 * new discharge setpoint out to every charger, R times. Reports connect time, heap per connection
 * (gateway + client side together) and fan-out latency (setpoint() call to the CALL arriving at the
 * charger, and to the ack). Holds 15 s before the fan-out so periodic meter values flow.
 *
 * <p>Usage: {@code load-tests/bench run org.gridfleet.loadtest.ocpp.OcppFleetBench [chargers] [rounds]}
 */
public final class OcppFleetBench {
  private static final String PASSWORD = "bench";

  public static void main(String[] args) throws Exception {
    quietLogging();
    int chargers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Vertx vertx = Vertx.vertx();
    ConnectionRegistry registry = new ConnectionRegistry();
    OcppServerConfig config = OcppServerConfig.defaults("127.0.0.1", 0)
        .withMaxConnectionsPerSite(chargers);
    OcppServerVerticle gateway = new OcppServerVerticle(config, services(chargers), registry, new OcppSchemas());
    vertx.deployVerticle(gateway).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    int port = gateway.actualPort();

    long heapBefore = usedHeapAfterGc();
    long t0 = System.nanoTime();
    Fleet fleet = new Fleet(vertx, port, chargers);
    fleet.connectAll();
    double connectSeconds = (System.nanoTime() - t0) / 1e9;
    Thread.sleep(15_000); // hold: every charger sends at least one periodic meter value
    long heapAfter = usedHeapAfterGc();
    System.out.printf("chargers=%d connected=%d in %.1f s; registry=%d%n",
        chargers, fleet.booted.get(), connectSeconds, registry.size());
    System.out.printf("heap per connection (gateway + client in one JVM): %.1f KB%n",
        (heapAfter - heapBefore) / 1024.0 / chargers);

    Histogram delivered = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    Histogram acked = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    for (int r = 0; r < rounds; r++) {
      double kw = -3 - r;
      fleet.roundStart.set(System.nanoTime());
      fleet.roundLatch = new CountDownLatch(chargers);
      fleet.roundHistogram = delivered;
      List<CompletableFuture<DispatchResult>> acks = new ArrayList<>(chargers);
      long start = System.nanoTime();
      for (int i = 0; i < chargers; i++) {
        CompletableFuture<DispatchResult> ack = registry.setpoint(new EvseRef(id(i), 1), kw).toCompletableFuture();
        ack.thenRun(() -> {
          synchronized (acked) {
            acked.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
          }
        });
        acks.add(ack);
      }
      boolean all = fleet.roundLatch.await(60, TimeUnit.SECONDS);
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      long accepted = acks.stream().filter(a -> a.join().status() == DispatchResult.Status.ACCEPTED).count();
      System.out.printf("round %d: all delivered=%s accepted=%d/%d%n", r + 1, all, accepted, chargers);
      Thread.sleep(1_000);
    }
    System.out.printf("fan-out to charger (ms): p50=%.1f p99=%.1f max=%.1f%n",
        delivered.getValueAtPercentile(50) / 1000.0, delivered.getValueAtPercentile(99) / 1000.0,
        delivered.getMaxValue() / 1000.0);
    System.out.printf("fan-out to ack     (ms): p50=%.1f p99=%.1f max=%.1f%n",
        acked.getValueAtPercentile(50) / 1000.0, acked.getValueAtPercentile(99) / 1000.0,
        acked.getMaxValue() / 1000.0);
    System.out.printf("periodic meter values acknowledged by the gateway: %d%n", fleet.meterAcks.get());
    System.out.printf("CALLERRORs received by chargers: %d%n", fleet.callErrors.get());
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** Per-handshake DEBUG logging (logback's default) would dominate the measurement. */
  private static void quietLogging() {
    org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root instanceof ch.qos.logback.classic.Logger logback) {
      logback.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  static String id(int i) {
    return "bench-" + i;
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** Registered chargers bench-0..N-1 at one site; a plain password check (hashing is not measured). */
  private static org.gridfleet.v2g.ocpp.GatewayServices services(int chargers) {
    ChargerDirectory directory = new ChargerDirectory() {
      @Override
      public Optional<ChargerRecord> find(String chargerId) {
        return chargerId.startsWith("bench-")
            ? Optional.of(new ChargerRecord(chargerId, "bench-site", ChargerRecord.Admission.ACCEPTED,
                true, 11, 1, 11.0 * chargers, chargers))
            : Optional.empty();
      }

      @Override
      public boolean verifyPassword(String chargerId, char[] password) {
        return PASSWORD.equals(new String(password));
      }
    };
    VehicleMatcher vehicles = (token, ev) -> Optional.empty();
    TelemetrySink telemetry = new TelemetrySink() {
      @Override
      public void meter(MeterSample sample) {}

      @Override
      public void setpointSent(EvseRef evse, double powerKw, java.time.Instant at) {}

      @Override
      public void ackReceived(EvseRef evse, DispatchResult result, java.time.Instant at) {}
    };
    return new org.gridfleet.v2g.ocpp.GatewayServices(directory, vehicles, new ChargerEvents() {}, telemetry,
        Clock.systemUTC());
  }

  /** The simulated chargers. */
  private static final class Fleet {
    final Vertx vertx;
    final int port;
    final int size;
    final WebSocketClient client;
    final AtomicInteger booted = new AtomicInteger();
    final AtomicLong meterAcks = new AtomicLong();
    final AtomicLong callErrors = new AtomicLong();
    final AtomicLong roundStart = new AtomicLong();
    volatile CountDownLatch roundLatch = new CountDownLatch(0);
    volatile Histogram roundHistogram;

    Fleet(Vertx vertx, int port, int size) {
      this.vertx = vertx;
      this.port = port;
      this.size = size;
      this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(size + 10));
    }

    void connectAll() throws Exception {
      CountDownLatch ready = new CountDownLatch(size);
      int batch = 200;
      for (int from = 0; from < size; from += batch) {
        List<Future<?>> wave = new ArrayList<>();
        for (int i = from; i < Math.min(size, from + batch); i++) {
          wave.add(connect(i, ready));
        }
        Future.join(wave).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      }
      ready.await(120, TimeUnit.SECONDS);
    }

    private Future<?> connect(int i, CountDownLatch ready) {
      String auth = Base64.getEncoder().encodeToString((id(i) + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
          .setURI("/ocpp/" + id(i)).addSubProtocol("ocpp2.1").addHeader("Authorization", "Basic " + auth);
      return client.connect(options).onSuccess(ws -> {
        ws.textMessageHandler(text -> onText(ws, text, ready));
        ws.writeTextMessage("[2,\"b\",\"BootNotification\",{\"reason\":\"PowerUp\",\"chargingStation\":{\"vendorName\":\"Bench\",\"model\":\"B\"}}]");
      });
    }

    private void onText(WebSocket ws, String text, CountDownLatch ready) {
      JsonArray frame = new JsonArray(text);
      if (frame.getInteger(0) == 3) {
        if ("b".equals(frame.getString(1))) {
          ws.writeTextMessage("[2,\"s\",\"TransactionEvent\",{\"eventType\":\"Started\",\"timestamp\":\"2026-11-28T18:00:05Z\",\"triggerReason\":\"CablePluggedIn\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\"tx\"},\"evse\":{\"id\":1,\"connectorId\":1}}]");
        } else if ("s".equals(frame.getString(1))) {
          booted.incrementAndGet();
          ready.countDown();
          long offset = 1 + (long) (Math.random() * 10_000);
          vertx.setTimer(offset, t -> vertx.setPeriodic(10_000, p -> sendMeter(ws)));
        } else {
          meterAcks.incrementAndGet();
        }
        return;
      }
      if (frame.getInteger(0) == 4) {
        if (callErrors.incrementAndGet() == 1) {
          System.out.println("first CALLERROR: " + text);
        }
        return;
      }
      if (frame.getInteger(0) == 2) {
        String action = frame.getString(2);
        if ("UpdateDynamicSchedule".equals(action)
            || ("SetChargingProfile".equals(action) && "TxProfile".equals(
                frame.getJsonObject(3).getJsonObject("chargingProfile").getString("chargingProfilePurpose")))) {
          Histogram h = roundHistogram;
          synchronized (h) {
            h.recordValue(Math.max(1, (System.nanoTime() - roundStart.get()) / 1000));
          }
          roundLatch.countDown();
        }
        ws.writeTextMessage(new JsonArray().add(3).add(frame.getString(1))
            .add(new JsonObject().put("status", "Accepted")).encode());
      }
    }

    private void sendMeter(WebSocket ws) {
      ws.writeTextMessage("[2,\"m\",\"TransactionEvent\",{\"eventType\":\"Updated\",\"timestamp\":\"2026-11-28T18:05:00Z\",\"triggerReason\":\"MeterValuePeriodic\",\"seqNo\":1,\"transactionInfo\":{\"transactionId\":\"tx\"},\"meterValue\":[{\"timestamp\":\"2026-11-28T18:05:00Z\",\"sampledValue\":[{\"value\":55,\"measurand\":\"SoC\",\"location\":\"EV\",\"unitOfMeasure\":{\"unit\":\"Percent\"}},{\"value\":-5000,\"measurand\":\"Power.Active.Import\",\"unitOfMeasure\":{\"unit\":\"W\"}}]}]}]");
    }
  }
}
