package org.gridfleet.loadtest.wire;

import java.util.Arrays;

/** The OCPP-J WebSocket subprotocols a simulated charger may offer (IANA names). */
public enum Subprotocol {
  OCPP_2_1("ocpp2.1"),
  OCPP_2_0_1("ocpp2.0.1"),
  OCPP_1_6("ocpp1.6");

  private final String wireName;

  Subprotocol(String wireName) {
    this.wireName = wireName;
  }

  /** The name sent in {@code Sec-WebSocket-Protocol}. */
  public String wireName() {
    return wireName;
  }

  /** The subprotocol of a wire name such as {@code ocpp2.0.1}. */
  public static Subprotocol ofWireName(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown OCPP subprotocol " + name));
  }
}
