package org.gridfleet.loadtest.wire;

import java.util.EnumMap;
import java.util.Map;

/**
 * Shares of the fleet per OCPP version, e.g. {@code ocpp2.1=60,ocpp2.0.1=30,ocpp1.6=10}. Charger i gets its
 * version deterministically, spread evenly over the fleet (not in blocks), so any prefix of the fleet has
 * about the same mix.
 *
 * @param weights relative weight per subprotocol, each &gt;= 0, summing to &gt; 0
 */
public record VersionMix(Map<Subprotocol, Integer> weights) {

  public VersionMix {
    weights = Map.copyOf(weights);
    if (weights.values().stream().anyMatch(w -> w < 0)) {
      throw new IllegalArgumentException("weights must be >= 0: " + weights);
    }
    if (weights.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
      throw new IllegalArgumentException("weights must sum to > 0: " + weights);
    }
  }

  /** Parses {@code ocpp2.1=60,ocpp2.0.1=30,ocpp1.6=10}. */
  public static VersionMix parse(String text) {
    Map<Subprotocol, Integer> weights = new EnumMap<>(Subprotocol.class);
    for (String part : text.split(",")) {
      String[] kv = part.trim().split("=");
      if (kv.length != 2) {
        throw new IllegalArgumentException("expected subprotocol=weight, got '" + part + "'");
      }
      weights.put(Subprotocol.ofWireName(kv[0].trim()), Integer.parseInt(kv[1].trim()));
    }
    return new VersionMix(weights);
  }

  /** The version of charger {@code index}; every block of (sum of weights) consecutive chargers has the exact mix. */
  public Subprotocol versionOf(int index) {
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    int slot = Math.floorMod(index * 7919, total); // a prime stride spreads versions across indices
    int acc = 0;
    for (Subprotocol s : Subprotocol.values()) {
      acc += weights.getOrDefault(s, 0);
      if (slot < acc) {
        return s;
      }
    }
    throw new IllegalStateException("unreachable: slot " + slot + " of " + total);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Subprotocol s : Subprotocol.values()) {
      if (weights.getOrDefault(s, 0) > 0) {
        sb.append(sb.isEmpty() ? "" : ",").append(s.wireName()).append('=').append(weights.get(s));
      }
    }
    return sb.toString();
  }
}
