package org.gridfleet.loadtest.wire;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated fleet connects and behaves.
 *
 * @param ocppUrl            gateway base, e.g. {@code ws://127.0.0.1:9000/ocpp}; charger i connects to
 *                           {@code ocppUrl/{idPrefix}{i}}
 * @param idPrefix           prefix of the chargers' OCPP identities
 * @param password           HTTP Basic password of every charger (user = charger id)
 * @param chargers           fleet size, &gt;= 1
 * @param mix                OCPP versions across the fleet
 * @param meterInterval      period of meter values (TransactionEvent Updated / MeterValues)
 * @param connectConcurrency handshakes in flight at once while connecting
 * @param callTimeout        how long a charger waits for the answer to its CALL
 * @param seed               seeds the EVs, so a run is repeatable
 */
public record SimulatorConfig(
    URI ocppUrl,
    String idPrefix,
    String password,
    int chargers,
    VersionMix mix,
    Duration meterInterval,
    int connectConcurrency,
    Duration callTimeout,
    long seed) {

  public SimulatorConfig {
    Objects.requireNonNull(ocppUrl, "ocppUrl");
    Objects.requireNonNull(idPrefix, "idPrefix");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(mix, "mix");
    if (!"ws".equals(ocppUrl.getScheme()) || ocppUrl.getPort() < 1) {
      throw new IllegalArgumentException("ocppUrl must be ws://host:port/path, was " + ocppUrl);
    }
    if (chargers < 1 || connectConcurrency < 1) {
      throw new IllegalArgumentException("chargers and connectConcurrency must be >= 1");
    }
    if (meterInterval.isNegative() || meterInterval.isZero() || callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("meterInterval and callTimeout must be positive");
    }
  }

  /** 2.1-heavy mix, meter values every 10 s, 200 handshakes in flight, 30 s call timeout. */
  public static SimulatorConfig defaults(URI ocppUrl, String idPrefix, String password, int chargers) {
    return new SimulatorConfig(ocppUrl, idPrefix, password, chargers,
        VersionMix.parse("ocpp2.1=60,ocpp2.0.1=30,ocpp1.6=10"), Duration.ofSeconds(10), 200,
        Duration.ofSeconds(30), 42);
  }

  public SimulatorConfig withChargers(int count) {
    return new SimulatorConfig(ocppUrl, idPrefix, password, count, mix, meterInterval, connectConcurrency,
        callTimeout, seed);
  }

  public SimulatorConfig withMix(VersionMix versions) {
    return new SimulatorConfig(ocppUrl, idPrefix, password, chargers, versions, meterInterval, connectConcurrency,
        callTimeout, seed);
  }

  public SimulatorConfig withMeterInterval(Duration interval) {
    return new SimulatorConfig(ocppUrl, idPrefix, password, chargers, mix, interval, connectConcurrency,
        callTimeout, seed);
  }

  /** OCPP identity of charger {@code index}. */
  public String chargerId(int index) {
    return idPrefix + index;
  }
}
