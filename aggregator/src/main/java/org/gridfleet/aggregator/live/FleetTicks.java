package org.gridfleet.aggregator.live;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.gridfleet.v2g.control.ControlInput;
import org.gridfleet.v2g.control.LimitNode;
import org.gridfleet.v2g.control.LimitTree;

/**
 * The latest control tick as the grid faces read it: published by the tick's worker after each decision, read
 * from any thread (the market desk's worker, the VTN's event loop). Immutable snapshots in an atomic reference.
 */
public final class FleetTicks {

    /**
     * One tick.
     *
     * @param input       what the controller saw (vehicles plugged in, sites with their base load)
     * @param plannedKw   the schedule's setpoint per vehicle id before the dispatcher, kW (positive = import)
     * @param setpointsKw the setpoint handed to each vehicle's charger, kW (positive = import)
     * @param meteredKw   the latest metered power per vehicle id, kW; vehicles without a reading are absent
     * @param nodes       the sites' nested limits (feeders, charger groups) the tick kept
     * @param vehicleNode the nested limit each vehicle hangs under, by vehicle id (absent: under its site)
     */
    public record Tick(ControlInput input, Map<String, Double> plannedKw, Map<String, Double> setpointsKw,
                       Map<String, Double> meteredKw, List<LimitNode> nodes, Map<String, String> vehicleNode) {
        public Tick {
            Objects.requireNonNull(input, "input");
            plannedKw = Map.copyOf(plannedKw);
            setpointsKw = Map.copyOf(setpointsKw);
            meteredKw = Map.copyOf(meteredKw);
            nodes = List.copyOf(nodes);
            vehicleNode = Map.copyOf(vehicleNode);
        }

        /** A tick of sites without nested limits. */
        public Tick(ControlInput input, Map<String, Double> plannedKw, Map<String, Double> setpointsKw,
                    Map<String, Double> meteredKw) {
            this(input, plannedKw, setpointsKw, meteredKw, List.of(), Map.of());
        }

        /** The site and nested limits of this tick. */
        public LimitTree tree() {
            return LimitTree.of(input.sites(), nodes, vehicleNode);
        }

        public Instant at() {
            return input.now();
        }
    }

    private final AtomicReference<Tick> latest = new AtomicReference<>();
    private final MeteredHistory history = new MeteredHistory();

    /** The latest tick, or null before the first. */
    public Tick latest() {
        return latest.get();
    }

    /** Each site's metered import over the recent past. */
    public MeteredHistory history() {
        return history;
    }

    /** The tick's worker only. */
    void publish(Tick tick) {
        latest.set(tick);
        Map<String, Double> siteKw = new HashMap<>();
        tick.input().sites().forEach((id, s) -> siteKw.put(id, s.baseLoadKw()));
        for (var v : tick.input().vehicles()) {
            Double kw = tick.meteredKw().get(v.vehicleId());
            siteKw.merge(v.siteId(), kw == null ? 0.0 : kw, Double::sum);
        }
        history.record(tick.at(), tick.input().step(), siteKw);
    }
}
