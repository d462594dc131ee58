package org.gridfleet.v2g.charger;

/**
 * Listener the control core registers for what chargers report. Called on a gateway event loop: keep
 * it short and non-blocking (hand work to your own executor/queue).
 */
public interface ChargerEvents {

  /** A charger connected and booted ({@code online}) or its connection closed. */
  default void onConnection(String chargerId, boolean online) {}

  /** A session started or ended. */
  default void onSession(SessionEvent event) {}

  /** The EV's needs (departure, energy, V2X bounds). */
  default void onNeeds(EvNeeds needs) {}

  /** A meter reading of a session (SoC, power, energy). */
  default void onMeter(MeterSample sample) {}
}
