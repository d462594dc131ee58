package org.gridfleet.v2g.charger;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SessionMemory} for the life of this process: survives reconnects, not a restart. */
public class InMemorySessions implements SessionMemory {

  private final Map<Key, RunningSession> running = new ConcurrentHashMap<>();

  private record Key(String chargerId, String transactionId) {}

  /** Starts with sessions restored from storage. */
  public InMemorySessions(Collection<RunningSession> restored) {
    restored.forEach(s -> running.put(new Key(s.evse().chargerId(), s.transactionId()), s));
  }

  public InMemorySessions() {
    this(java.util.List.of());
  }

  @Override
  public void remember(RunningSession session) {
    running.put(new Key(session.evse().chargerId(), session.transactionId()), session);
  }

  @Override
  public void forget(String chargerId, String transactionId) {
    running.remove(new Key(chargerId, transactionId));
  }

  @Override
  public Optional<RunningSession> find(String chargerId, String transactionId) {
    return Optional.ofNullable(running.get(new Key(chargerId, transactionId)));
  }

  /** How many sessions run. */
  public int size() {
    return running.size();
  }
}
