package org.gridfleet.v2g.ocpp;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.gridfleet.v2g.charger.ChargerCommands;
import org.gridfleet.v2g.charger.ChargerControl;
import org.gridfleet.v2g.charger.CompositeSchedule;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.EvseRef;

/**
 * Live connections across all gateway verticle instances, and the {@link ChargerControl} and
 * {@link ChargerCommands} entry point: hops onto the owning event loop of each connection, so fan-out
 * never waits on a slow charger.
 */
public final class ConnectionRegistry implements ChargerControl, ChargerCommands {
  private static final long MAX_SCHEDULE_SECONDS = Duration.ofDays(1).toSeconds();

  private final ConcurrentHashMap<String, ChargerConnection> byCharger = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AtomicInteger> perSite = new ConcurrentHashMap<>();

  /** Reserves a connection slot of the site; false when the site is at its limit. */
  boolean reserve(String siteId, int max) {
    AtomicInteger count = perSite.computeIfAbsent(siteId, s -> new AtomicInteger());
    if (count.incrementAndGet() > max) {
      count.decrementAndGet();
      return false;
    }
    return true;
  }

  void release(String siteId) {
    perSite.get(siteId).decrementAndGet();
  }

  /** Registers the connection, closing an older one of the same charger. */
  void register(ChargerConnection connection) {
    ChargerConnection old = byCharger.put(connection.chargerId(), connection);
    if (old != null) {
      old.context.runOnContext(v -> old.close());
    }
  }

  void unregister(ChargerConnection connection) {
    byCharger.remove(connection.chargerId(), connection);
  }

  /** Number of live connections. */
  public int size() {
    return byCharger.size();
  }

  /** Connections of one site currently counted against its limit. */
  public int connectionsAtSite(String siteId) {
    AtomicInteger count = perSite.get(siteId);
    return count == null ? 0 : count.get();
  }

  @Override
  public CompletionStage<DispatchResult> setpoint(EvseRef evse, double powerKw) {
    if (!Double.isFinite(powerKw)) {
      throw new IllegalArgumentException("powerKw must be finite, was " + powerKw);
    }
    return route(evse, powerKw, true);
  }

  @Override
  public CompletionStage<DispatchResult> limit(EvseRef evse, double maxPowerKw) {
    if (!(maxPowerKw >= 0) || Double.isInfinite(maxPowerKw)) {
      throw new IllegalArgumentException("maxPowerKw must be finite and >= 0, was " + maxPowerKw);
    }
    return route(evse, maxPowerKw, false);
  }

  private CompletionStage<DispatchResult> route(EvseRef evse, double powerKw, boolean setpoint) {
    CompletableFuture<DispatchResult> result = new CompletableFuture<>();
    ChargerConnection connection = byCharger.get(evse.chargerId());
    if (connection == null) {
      result.complete(DispatchResult.of(DispatchResult.Status.OFFLINE, evse.chargerId() + " is not connected"));
      return result;
    }
    connection.context.runOnContext(v -> connection.control(evse.evseId(), powerKw, setpoint, result));
    return result;
  }

  @Override
  public CompletionStage<DispatchResult> clearChargingProfile(EvseRef evse) {
    return command(evse, (adapter, state) -> adapter.clearTxProfile(state), Function.identity());
  }

  @Override
  public CompletionStage<CompositeSchedule> compositeSchedule(EvseRef evse, Duration duration) {
    Objects.requireNonNull(duration, "duration");
    long seconds = duration.toSeconds();
    if (seconds < 1 || seconds > MAX_SCHEDULE_SECONDS) {
      throw new IllegalArgumentException("duration must be 1 s .. 1 day, was " + duration);
    }
    return command(evse, (adapter, state) -> adapter.compositeSchedule(state, (int) seconds),
        CompositeSchedule::none);
  }

  @Override
  public CompletionStage<DispatchResult> startTransaction(EvseRef evse, String idToken) {
    if (idToken == null || idToken.isBlank()) {
      throw new IllegalArgumentException("idToken must not be blank");
    }
    return command(evse, (adapter, state) -> adapter.startTransaction(state, idToken), Function.identity());
  }

  @Override
  public CompletionStage<DispatchResult> stopTransaction(EvseRef evse) {
    return command(evse, (adapter, state) -> adapter.stopTransaction(state), Function.identity());
  }

  @Override
  public CompletionStage<DispatchResult> trigger(EvseRef evse, Trigger message) {
    Objects.requireNonNull(message, "message");
    return command(evse, (adapter, state) -> adapter.trigger(state, message), Function.identity());
  }

  private <T> CompletionStage<T> command(EvseRef evse,
      BiFunction<OcppAdapter, EvseState, OcppAdapter.Command<T>> plan, Function<DispatchResult, T> failed) {
    CompletableFuture<T> result = new CompletableFuture<>();
    ChargerConnection connection = byCharger.get(evse.chargerId());
    if (connection == null) {
      result.complete(failed.apply(DispatchResult.of(DispatchResult.Status.OFFLINE,
          evse.chargerId() + " is not connected")));
      return result;
    }
    connection.context.runOnContext(v -> connection.command(evse.evseId(), plan, failed, result));
    return result;
  }
}
