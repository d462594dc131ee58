package org.gridfleet.aggregator.openadr.grid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The default {@link GridObligationListener}: keeps the current obligations of every OpenADR event in memory
 * so the control loop can ask what is in force. Thread-safe: the VTN writes on its event loop, the control loop
 * reads from its own thread; each event's list is replaced whole, so readers never see half an event.
 */
public final class ObligationBoard implements GridObligationListener {

    // sorted by event id so snapshots (and what the dispatcher is handed) are reproducible
    private final Map<String, List<GridObligation>> byEvent = new TreeMap<>();

    /**
     * Replaces the obligations of {@code eventId}; an empty list removes the event.
     *
     * @throws IllegalArgumentException (board unchanged) if an obligation belongs to another event
     */
    @Override
    public void obligationsChanged(String eventId, List<GridObligation> obligations) {
        Objects.requireNonNull(eventId, "eventId");
        List<GridObligation> copy = List.copyOf(obligations);
        for (GridObligation o : copy) {
            if (!o.eventId().equals(eventId)) {
                throw new IllegalArgumentException("obligation of event " + o.eventId() + " handed in for event " + eventId);
            }
        }
        synchronized (byEvent) {
            if (copy.isEmpty()) {
                byEvent.remove(eventId);
            } else {
                byEvent.put(eventId, copy);
            }
        }
    }

    /** Every obligation known now, past and future windows included, ordered by event id. */
    public List<GridObligation> all() {
        synchronized (byEvent) {
            return byEvent.values().stream().flatMap(List::stream).toList();
        }
    }

    /** The obligations of one event; empty when unknown or withdrawn. */
    public List<GridObligation> ofEvent(String eventId) {
        synchronized (byEvent) {
            return byEvent.getOrDefault(eventId, List.of());
        }
    }

    /** Obligations whose window [from, to) contains {@code t}, whatever their target. */
    public List<GridObligation> inForce(Instant t) {
        List<GridObligation> now = new ArrayList<>();
        for (GridObligation o : all()) {
            if (!t.isBefore(o.from()) && t.isBefore(o.to())) {
                now.add(o);
            }
        }
        return now;
    }

    /**
     * Obligations in force at {@code t} that bind site {@code siteId}: those naming the site and those on the
     * whole portfolio. Fleet-targeted ones are left out: a site hosts vehicles of several fleets.
     */
    public List<GridObligation> inForceAtSite(String siteId, Instant t) {
        GridTarget site = new GridTarget.Site(siteId);
        return inForce(t).stream()
                .filter(o -> o.target().equals(site) || o.target() instanceof GridTarget.Portfolio)
                .toList();
    }
}
