package org.gridfleet.v2g.control;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one control step of the {@link ScheduledController}.
 *
 * @param setpointsKw power per vehicle id, kW, positive = into the battery
 * @param unreachableTargets vehicles whose departure target can no longer be met even at full power; they
 *     charge at the most the limits allow (best effort)
 * @param belowFloor vehicles held below their latest-start floor by a site or nested limit
 * @param resolved whether the schedule LP was re-solved in this step
 * @param unsolvedSites sites whose schedule LP was due in this step and found no solution (GLOP ended without an
 *     optimum on both its routes); until their next solve their vehicles plan 0 kW, so the allocator keeps them
 *     at their latest-start floors and within every limit, at no thought for cost
 */
public record ControlStep(Map<String, Double> setpointsKw, List<String> unreachableTargets,
                          List<String> belowFloor, boolean resolved, List<String> unsolvedSites) {
    public ControlStep {
        unreachableTargets = List.copyOf(unreachableTargets);
        belowFloor = List.copyOf(belowFloor);
        unsolvedSites = List.copyOf(unsolvedSites);
    }
}
