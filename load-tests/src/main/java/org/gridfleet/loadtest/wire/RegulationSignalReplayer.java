package org.gridfleet.loadtest.wire;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import org.gridfleet.market.SampledSeries;

/**
 * Replays a recorded regulation signal (PJM RegD, 2 s steps) into a live signal face over its WebSocket
 * stream ({@code {"samples":[{"at","value"}]}} per message), at real time or accelerated. Each sample is stamped
 * with the wall-clock time it is sent and opens a fan-out round in the {@link FanOutTracker}, expecting every
 * charger in session to receive a new control value. Paces from a plain thread; bounded by the sample count.
 */
public final class RegulationSignalReplayer implements AutoCloseable {
  private final WebSocketClient client;
  private final WebSocket socket;
  private final SampledSeries signal;
  private final double speed;
  private final Clock clock;
  private final FanOutTracker tracker;
  private final IntSupplier chargersInSession;
  private final LongAdder refused = new LongAdder();
  private int next;
  private Instant lastAt = Instant.EPOCH;

  /**
   * @param speed             1 = real time (one sample per signal step), 2 = twice as fast, ...
   * @param chargersInSession how many chargers a signal should reach, read when it is sent
   */
  public RegulationSignalReplayer(Vertx vertx, URI signalUrl, SampledSeries signal, double speed, Clock clock,
      FanOutTracker tracker, IntSupplier chargersInSession) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be > 0, was " + speed);
    }
    this.client = vertx.createWebSocketClient();
    this.socket = client.connect(signalUrl.getPort(), signalUrl.getHost(), signalUrl.getPath())
        .toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    this.signal = signal;
    this.speed = speed;
    this.clock = clock;
    this.tracker = tracker;
    this.chargersInSession = chargersInSession;
    socket.textMessageHandler(answer -> {
      if (!new JsonObject(answer).containsKey("accepted")) {
        refused.increment();
      }
    });
  }

  /** Interval between two sends. */
  public Duration pace() {
    return Duration.ofNanos((long) (signal.step().toNanos() / speed));
  }

  /** Sends the next {@code count} valid samples (the file wraps around), one per pace; returns how many. */
  public int replay(int count) throws InterruptedException {
    long paceNanos = pace().toNanos();
    long due = System.nanoTime();
    for (int sent = 0; sent < count; sent++) {
      TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
      sendNext();
      due += paceNanos;
    }
    return count;
  }

  /** Sends one sample now. */
  public void sendNext() {
    double value = Double.NaN;
    while (Double.isNaN(value)) {
      value = signal.valueAt(next);
      next = (next + 1) % signal.size();
    }
    // The feed wants strictly increasing times per product.
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    if (!at.isAfter(lastAt)) {
      at = lastAt.plus(1, ChronoUnit.MICROS);
    }
    lastAt = at;
    tracker.signalSent(at, chargersInSession.getAsInt());
    socket.writeTextMessage(new JsonObject().put("samples", new JsonArray()
        .add(new JsonObject().put("at", at.toString()).put("value", value))).encode());
  }

  /** Samples the feed answered with a problem instead of {@code accepted}. */
  public long refused() {
    return refused.sum();
  }

  @Override
  public void close() {
    socket.close();
    client.close();
  }
}
