package org.gridfleet.aggregator.health;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.gridfleet.degradation.budget.DegradationBudget;

/** Wear snapshots as the health job would leave them, for tests of the control path outside this package. */
public final class WearFixtures {

    private WearFixtures() {
    }

    /**
     * A snapshot in which {@code vehicle} has spent its whole daily extra-cycle cap on {@code day}, its wear
     * priced at {@code pricePerKwh}.
     */
    public static VehicleWear exhaustedDailyCap(UUID vehicle, LocalDate day, double pricePerKwh) {
        VehicleWear wear = new VehicleWear();
        wear.replace(Map.of(vehicle, new VehicleWear.Entry(pricePerKwh, new DegradationBudget.DailyExtraCycles(0.5),
                day, day.plusDays(1), 0.5, 0.01)));
        return wear;
    }
}
