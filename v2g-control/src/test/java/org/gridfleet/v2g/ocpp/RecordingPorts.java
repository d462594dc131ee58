package org.gridfleet.v2g.ocpp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gridfleet.v2g.charger.ChargerEvents;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.EvNeeds;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.charger.MeterSample;
import org.gridfleet.v2g.charger.SessionEvent;
import org.gridfleet.v2g.charger.TelemetrySink;
import org.gridfleet.v2g.charger.VehicleMatcher;

/** Records what the gateway reports, for assertions; matches id token "VEH-TOKEN" to a 60 kWh vehicle
 * and EV identifier {@link #EVCCID} to a 75 kWh one. */
final class RecordingPorts implements ChargerEvents, TelemetrySink, VehicleMatcher {
  static final String EVCCID = "0A:1B:2C:3D:4E:5F";

  final List<SessionEvent> sessions = new CopyOnWriteArrayList<>();
  final List<EvNeeds> needs = new CopyOnWriteArrayList<>();
  final List<MeterSample> meters = new CopyOnWriteArrayList<>();
  final List<String> online = new CopyOnWriteArrayList<>();
  final List<DispatchResult> acks = new CopyOnWriteArrayList<>();

  @Override
  public void onConnection(String chargerId, boolean isOnline) {
    if (isOnline) {
      online.add(chargerId);
    }
  }

  @Override
  public void onSession(SessionEvent event) {
    sessions.add(event);
  }

  @Override
  public void onNeeds(EvNeeds n) {
    needs.add(n);
  }

  @Override
  public void onMeter(MeterSample sample) {
    meters.add(sample);
  }

  @Override
  public void meter(MeterSample sample) {}

  @Override
  public void setpointSent(EvseRef evse, double powerKw, Instant at) {}

  @Override
  public void ackReceived(EvseRef evse, DispatchResult result, Instant at) {
    acks.add(result);
  }

  @Override
  public Optional<MatchedVehicle> match(String idToken, String evIdentifier) {
    if ("VEH-TOKEN".equals(idToken)) {
      return Optional.of(new MatchedVehicle("veh-1", 60));
    }
    return EVCCID.equals(evIdentifier) ? Optional.of(new MatchedVehicle("veh-2", 75)) : Optional.empty();
  }
}
