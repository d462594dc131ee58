package org.gridfleet.loadtest.wire.harness;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridfleet.v2g.charger.ChargerEvents;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.charger.SessionEvent;

/** The harness's view of which EVSEs have a running transaction: the targets of a fan-out. */
final class LiveSessions implements ChargerEvents {
  private final Map<EvseRef, String> transactions = new ConcurrentHashMap<>();

  @Override
  public void onSession(SessionEvent event) {
    if (event.kind() == SessionEvent.Kind.STARTED) {
      transactions.put(event.evse(), event.transactionId());
    } else {
      transactions.remove(event.evse(), event.transactionId());
    }
  }

  /** The gateway keeps no session of a closed connection; a reconnecting charger starts a new one. */
  @Override
  public void onConnection(String chargerId, boolean online) {
    if (!online) {
      transactions.keySet().removeIf(evse -> evse.chargerId().equals(chargerId));
    }
  }

  List<EvseRef> evses() {
    return List.copyOf(transactions.keySet());
  }

  int size() {
    return transactions.size();
  }
}
