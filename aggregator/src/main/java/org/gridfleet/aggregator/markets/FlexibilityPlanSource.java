package org.gridfleet.aggregator.markets;

import org.gridfleet.market.DeliveryPeriod;

/**
 * The fleet plan for a delivery period: the live loop implements it from the registry (declared vehicles and
 * departures), the gateway (plugged-in state, SoC) and the schedule. Called on the desk's worker thread before a
 * gate closure (to bid) and when an award arrives (to declare the baseline); may read the database.
 */
@FunctionalInterface
public interface FlexibilityPlanSource {

    FlexibilityPlan plan(DeliveryPeriod period);
}
