package org.gridfleet.loadtest.wire;

import java.util.Map;

/**
 * What one fleet size measured.
 *
 * @param chargers            chargers simulated
 * @param inSession           chargers booted and in a transaction after connecting
 * @param connectSeconds      time to connect, boot and start every session
 * @param holdSeconds         length of the steady-state window the rates and CPU figures cover
 * @param connectionsHeld     WebSocket connections open at the end of the hold
 * @param framesPerSecond     OCPP frames per second both ways during the hold
 * @param meterValuesPerSecond periodic meter values answered per second during the hold
 * @param roundTrips          CALL → CALLRESULT per action during the hold (steady state)
 * @param roundTripsUnderLoad CALL → CALLRESULT per action during the signal replay and the storm
 * @param fanOut              signal → setpoint as the chargers saw it, or null without a signal face
 * @param storm               reconnect storm, or null when not run
 * @param simulator           simulator process CPU (% of one core, hold window) and memory
 * @param server              server process CPU and memory, or null when its pid was not given
 * @param callErrors          CALLERRORs the chargers received
 * @param callTimeouts        chargers' CALLs left unanswered
 * @param connectFailures     failed handshakes and abandoned connect attempts
 * @param loadAverage         the machine's 1-minute load average at the end of the hold (2 cores: above 2 means
 *                            queued threads, including other people's work)
 */
public record FleetSizeResult(
    int chargers,
    int inSession,
    double connectSeconds,
    double holdSeconds,
    int connectionsHeld,
    double framesPerSecond,
    double meterValuesPerSecond,
    Map<String, LatencySummary> roundTrips,
    Map<String, LatencySummary> roundTripsUnderLoad,
    FanOut fanOut,
    Storm storm,
    Usage simulator,
    Usage server,
    long callErrors,
    long callTimeouts,
    long connectFailures,
    double loadAverage) {

  /**
   * @param signals        signals sent
   * @param completeRounds signals that reached every charger in session
   * @param perCharger     signal → each charger's control message
   * @param lastCharger    signal → the last charger's control message, one value per complete round
   * @param refused        samples the signal face refused
   * @param simulatorCpuSecondsPerSignal CPU the simulator spent per signal above its background rate (meter
   *                       values; measured in the hold, or after warm-up signals in a quiet window),
   *                       s: the work of receiving and answering one round; NaN when not readable
   * @param serverCpuSecondsPerSignal    the same for the server: the work of one round of the fan-out, s; NaN
   *                       when the server pid was not given
   */
  public record FanOut(long signals, long completeRounds, LatencySummary perCharger, LatencySummary lastCharger,
      long refused, double simulatorCpuSecondsPerSignal, double serverCpuSecondsPerSignal) {}

  /**
   * @param windowSeconds      reconnects spread over this window after all dropped
   * @param back               chargers back in session
   * @param allBackSeconds     from the drop until the last charger was back in session
   * @param underControlSeconds from the drop until a signal reached every charger again, or NaN
   */
  public record Storm(double windowSeconds, int back, double allBackSeconds, double underControlSeconds) {}

  /** @param cpuPercent share of one core during the hold; @param rssMb resident memory; @param peakRssMb peak */
  public record Usage(double cpuPercent, double rssMb, double peakRssMb) {}
}
