package org.gridfleet.v2g.ocpp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes every metrics event down as a line, e.g. {@code "call 2.1 BootNotification IN"}. */
final class RecordingMetrics implements GatewayMetrics {
  final List<String> events = new CopyOnWriteArrayList<>();
  final List<Long> roundTripNanos = new CopyOnWriteArrayList<>();

  @Override
  public void connected(OcppVersion version) {
    events.add("connected " + version.label());
  }

  @Override
  public void disconnected(OcppVersion version) {
    events.add("disconnected " + version.label());
  }

  @Override
  public void call(OcppVersion version, String action, Direction direction) {
    events.add("call " + version.label() + " " + action + " " + direction);
  }

  @Override
  public void callError(OcppErrorCode code, Direction direction) {
    events.add("callError " + code + " " + direction);
  }

  @Override
  public void roundTrip(OcppVersion version, String action, long nanos) {
    events.add("roundTrip " + version.label() + " " + action);
    roundTripNanos.add(nanos);
  }

  @Override
  public void provenInFull(Direction direction) {
    events.add("provenInFull " + direction);
  }
}
