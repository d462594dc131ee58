package org.gridfleet.v2g.ocpp;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * One remembered value per OCPP version and action name, e.g. the last payload proven schema-valid. Not
 * thread-safe: each gateway verticle keeps its own, used only on its event loop. Callers put only actions the
 * version's schemas define, so it holds at most one entry per schema.
 */
final class PerAction<T> {
  private final Map<OcppVersion, Map<String, T>> byVersion = new EnumMap<>(OcppVersion.class);

  PerAction() {
    for (OcppVersion v : OcppVersion.values()) {
      byVersion.put(v, new HashMap<>());
    }
  }

  /** The value remembered for the action, or null. */
  T get(OcppVersion version, String action) {
    return byVersion.get(version).get(action);
  }

  /** Replaces the value remembered for the action. */
  void put(OcppVersion version, String action, T value) {
    byVersion.get(version).put(action, value);
  }
}
