package org.gridfleet.aggregator.dispatch;

import org.gridfleet.market.Baseline;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.fcr.FcrDroop;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.VehicleState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small fleets and obligations for the dispatcher tests. */
final class DispatchFixtures {

    static final Instant T0 = Instant.parse("2026-01-15T22:00:00Z");
    static final DeliveryPeriod HOUR = DeliveryPeriod.of(T0, Duration.ofHours(1));

    private DispatchFixtures() {
    }

    /** A 60 kWh V2G van at {@code soc}, 7 kW both ways, reserve 0.2, target 0.8, leaving in 10 h. */
    static VehicleState van(String id, double soc) {
        return new VehicleState(id, "depot", 60, soc, 0.2, 0.8, T0.plus(Duration.ofHours(10)), 7, 7, 0.93, 0.05,
                false);
    }

    static List<VehicleState> vans(int n, double soc) {
        List<VehicleState> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(van(String.format("v%02d", i), soc));
        }
        return out;
    }

    static Map<String, SiteState> depot(double limitKw) {
        return Map.of("depot", new SiteState("depot", limitKw, 0, 0, 0));
    }

    static ActiveObligation regulation(double awardedKw, double baselineKw) {
        return new ActiveObligation("reg-1", ProductKind.REGULATION, awardedKw, Baseline.flat(HOUR, baselineKw),
                HOUR, FcrDroop.ofDefaults());
    }

    static ActiveObligation fcr(double capacityKw, double baselineKw) {
        return new ActiveObligation("fcr-1", ProductKind.FREQUENCY_CONTAINMENT, capacityKw,
                Baseline.flat(HOUR, baselineKw), HOUR, FcrDroop.ofDefaults());
    }

    static double sum(Map<String, Double> kw) {
        return kw.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
