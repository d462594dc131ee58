package org.gridfleet.aggregator.live;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridfleet.aggregator.markets.FlexibilityPlan;
import org.gridfleet.aggregator.markets.FlexibilityPlanSource;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.v2g.control.LimitTree;

/**
 * The market desk's fleet plan from the live loop's latest tick: the vehicles plugged in now (registered, matched
 * to a session, with their SoC, reserve and declared departure), their sites' limits and base load, and the
 * schedule's plan. The desk's P90 forecast then drops those that leave before or during the period. Before the
 * first tick the plan is empty, and the desk offers nothing. The tree carries the tick's nested limits (feeders,
 * charger groups) too, so the offer never counts on power a group limit would not let through.
 */
public final class LivePlans implements FlexibilityPlanSource {

    private final FleetTicks ticks;

    public LivePlans(FleetTicks ticks) {
        this.ticks = Objects.requireNonNull(ticks, "ticks");
    }

    @Override
    public FlexibilityPlan plan(DeliveryPeriod period) {
        FleetTicks.Tick tick = ticks.latest();
        if (tick == null) {
            return new FlexibilityPlan(List.of(), LimitTree.of(Map.of()), Map.of());
        }
        return new FlexibilityPlan(tick.input().vehicles(), tick.tree(), tick.plannedKw());
    }
}
