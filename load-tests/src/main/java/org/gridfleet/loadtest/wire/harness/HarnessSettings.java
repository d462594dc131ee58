package org.gridfleet.loadtest.wire.harness;

import java.util.Objects;

/**
 * The in-process gateway's stand-in for the fleet registry: chargers {@code idPrefix0..idPrefix(max-1)} at one
 * site, all with the same password, discharge-capable, one EVSE each.
 *
 * @param host           interface to bind (loopback)
 * @param ocppPort       gateway port, 0 for any free one
 * @param signalPort     market signal feed port, 0 for any free one
 * @param idPrefix       charger identity prefix
 * @param password       HTTP Basic password of every charger
 * @param maxChargers    registered chargers (also the site's connection limit)
 * @param maxPowerKw     rated power per charger, kW
 * @param instances      gateway verticle instances (event loops serving chargers)
 * @param validateOutbound the gateway's {@code OcppServerConfig#validateOutbound()} (on in Gridfleet's defaults)
 */
public record HarnessSettings(String host, int ocppPort, int signalPort, String idPrefix, String password,
    int maxChargers, double maxPowerKw, int instances, boolean validateOutbound) {

  public HarnessSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(idPrefix, "idPrefix");
    Objects.requireNonNull(password, "password");
    if (maxChargers < 1 || instances < 1 || !(maxPowerKw > 0)) {
      throw new IllegalArgumentException("maxChargers, instances and maxPowerKw must be positive");
    }
  }

  /** Loopback, free ports, 11 kW chargers, two gateway instances (one per core), outbound validation on. */
  public static HarnessSettings loopback(String idPrefix, String password, int maxChargers) {
    return new HarnessSettings("127.0.0.1", 0, 0, idPrefix, password, maxChargers, 11, 2, true);
  }

  /** Whether {@code chargerId} is one of the registered chargers. */
  boolean registers(String chargerId) {
    if (!chargerId.startsWith(idPrefix)) {
      return false;
    }
    try {
      int index = Integer.parseInt(chargerId.substring(idPrefix.length()));
      return index >= 0 && index < maxChargers;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
