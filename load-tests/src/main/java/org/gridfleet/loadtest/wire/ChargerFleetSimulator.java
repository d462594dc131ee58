package org.gridfleet.loadtest.wire;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N simulated chargers, each with its EV, over real OCPP-J WebSockets from one Vert.x instance. The chargers are
 * dealt round-robin over one context per event loop (a plain thread asking Vert.x for a context gets the same
 * sticky one every time, which put a whole fleet on one loop). Connecting is throttled to
 * {@link SimulatorConfig#connectConcurrency()} handshakes in flight. Methods that wait are called from a plain
 * thread (the scenario runner), never from an event loop.
 */
public final class ChargerFleetSimulator implements AutoCloseable {
  private final FleetWiring wiring;
  private final List<SimulatedCharger> chargers;
  private final String loopsDeployment;

  public ChargerFleetSimulator(Vertx vertx, SimulatorConfig config, Clock clock) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(config.chargers() + 16)
        .setConnectTimeout((int) config.callTimeout().toMillis()));
    this.wiring = new FleetWiring(vertx, client, config, new WireMetrics(), new FanOutTracker(clock), clock);
    List<Context> loops = new CopyOnWriteArrayList<>();
    this.loopsDeployment = vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        loops.add(context);
        return Future.succeededFuture();
      }
    }, new DeploymentOptions().setInstances(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE)).await();
    SplittableRandom random = new SplittableRandom(config.seed());
    List<SimulatedCharger> fleet = new ArrayList<>(config.chargers());
    for (int i = 0; i < config.chargers(); i++) {
      fleet.add(new SimulatedCharger(wiring, loops.get(i % loops.size()), i,
          EvProfile.sample(random.split(), clock.instant())));
    }
    this.chargers = List.copyOf(fleet);
  }

  /**
   * Connects every idle charger and waits until each is in session or failed, at most {@code timeout}.
   *
   * @return how many are in session
   */
  public int connectAll(Duration timeout) throws InterruptedException {
    return connect(chargers, Duration.ZERO, timeout);
  }

  /**
   * Reconnect storm: every charger drops its connection, then reconnects at a random moment within
   * {@code window}; waits until each is back in session or failed, at most {@code timeout}.
   *
   * @return how many are back in session
   */
  public int reconnectStorm(Duration window, Duration timeout) throws InterruptedException {
    Future.join(chargers.stream().map(SimulatedCharger::drop).toList())
        .toCompletionStage().toCompletableFuture().join();
    return connect(chargers, window, timeout);
  }

  private int connect(List<SimulatedCharger> who, Duration spread, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Semaphore inFlight = new Semaphore(wiring.config().connectConcurrency());
    AtomicInteger ready = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    SplittableRandom random = new SplittableRandom(wiring.config().seed() + 1);
    long startNanos = System.nanoTime();
    long spreadNanos = spread.toNanos();
    for (SimulatedCharger charger : who) {
      long due = startNanos + (spreadNanos == 0 ? 0 : random.nextLong(spreadNanos));
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        break;
      }
      charger.connect().onComplete(ar -> {
        if (ar.succeeded()) {
          ready.incrementAndGet();
        }
        finished.incrementAndGet();
        inFlight.release();
      });
    }
    while (finished.get() < who.size() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
    return ready.get();
  }

  /** Drops every connection and waits for the closes (bounded by the call timeout). */
  @Override
  public void close() {
    Future.join(chargers.stream().map(SimulatedCharger::drop).toList())
        .toCompletionStage().toCompletableFuture()
        .orTimeout(wiring.config().callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(e -> null).join();
    wiring.client().close();
    wiring.vertx().undeploy(loopsDeployment);
  }

  public List<SimulatedCharger> chargers() {
    return chargers;
  }

  public WireMetrics metrics() {
    return wiring.metrics();
  }

  public FanOutTracker tracker() {
    return wiring.tracker();
  }

  public SimulatorConfig config() {
    return wiring.config();
  }
}
