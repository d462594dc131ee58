package org.gridfleet.v2g.control;

import java.util.List;
import java.util.Map;

/**
 * The setpoints of one allocation step.
 *
 * @param setpointsKw power per vehicle id, kW, positive = into the battery
 * @param belowFloor vehicles set below their latest-start floor because a site or nested limit left no room
 *     (their departure target is at risk); empty in normal operation
 */
public record Allocation(Map<String, Double> setpointsKw, List<String> belowFloor) {
    public Allocation {
        belowFloor = List.copyOf(belowFloor);
    }
}
