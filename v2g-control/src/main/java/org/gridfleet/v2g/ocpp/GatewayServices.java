package org.gridfleet.v2g.ocpp;

import java.time.Clock;
import java.util.Objects;
import org.gridfleet.v2g.charger.ChargerDirectory;
import org.gridfleet.v2g.charger.ChargerEvents;
import org.gridfleet.v2g.charger.InMemorySessions;
import org.gridfleet.v2g.charger.SessionMemory;
import org.gridfleet.v2g.charger.TelemetrySink;
import org.gridfleet.v2g.charger.VehicleMatcher;

/** What the gateway needs from the aggregator: the seams plus a clock. */
public record GatewayServices(
    ChargerDirectory directory,
    VehicleMatcher vehicles,
    ChargerEvents events,
    TelemetrySink telemetry,
    SessionMemory sessions,
    Clock clock) {
  public GatewayServices {
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(vehicles, "vehicles");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(telemetry, "telemetry");
    Objects.requireNonNull(clock, "clock");
  }

  /** Sessions remembered for the life of this process only (tests, load harnesses). */
  public GatewayServices(ChargerDirectory directory, VehicleMatcher vehicles, ChargerEvents events,
      TelemetrySink telemetry, Clock clock) {
    this(directory, vehicles, events, telemetry, new InMemorySessions(), clock);
  }
}
