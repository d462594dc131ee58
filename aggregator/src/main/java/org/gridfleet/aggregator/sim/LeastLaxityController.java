package org.gridfleet.aggregator.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.v2g.control.ChargingController;
import org.gridfleet.v2g.control.ControlInput;
import org.gridfleet.v2g.control.PriceCurve;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.VehicleState;

/**
 * A small charge-only controller the simulator uses until the real scheduler lands. Per site, within the usable
 * limit minus base load (and under a grid-service site target, if any), least-laxity vehicles first:
 * <ol>
 *   <li>each vehicle gets the power it must draw now so that full power afterwards still reaches its target
 *       with a safety margin;</li>
 *   <li>then, while the current price is the lowest left before its departure, the power that spreads its
 *       remaining need evenly over those cheapest hours (which keeps the demand peak low).</li>
 * </ol>
 * It never discharges. Power in kW, positive = charge.
 */
public final class LeastLaxityController implements ChargingController {
    /** Slack kept for latency, ramps and step rounding before a departure, seconds. */
    private static final double MARGIN_SECONDS = 600;
    private static final double PRICE_EPSILON = 1e-9;
    /** Part of a step assumed lost to command latency and ramping, seconds. */
    private static final double SETTLE_SECONDS = 30;
    private static final double SETTLE_SHARE = 0.05;

    @Override
    public Map<String, Double> control(ControlInput input) {
        double stepSeconds = input.step().toMillis() / 1000.0;
        PriceLookahead prices = new PriceLookahead(input.tariff().importPrice(), input.now(), stepSeconds,
                input.vehicles());
        Map<String, List<Need>> bySite = new HashMap<>();
        for (VehicleState v : input.vehicles()) {
            bySite.computeIfAbsent(v.siteId(), k -> new ArrayList<>()).add(need(v, input.now(), stepSeconds, prices));
        }
        Map<String, Double> setpoints = new HashMap<>(input.vehicles().size() * 2);
        for (Map.Entry<String, List<Need>> site : bySite.entrySet()) {
            SiteState state = input.sites().get(site.getKey());
            double budget = state.usableLimitKw() - state.baseLoadKw();
            Double target = input.siteTargetKw().get(site.getKey());
            if (target != null) {
                budget = Math.min(budget, target);
            }
            allocate(site.getValue(), Math.max(0, budget), setpoints);
        }
        return setpoints;
    }

    private static void allocate(List<Need> needs, double budgetKw, Map<String, Double> setpoints) {
        needs.sort(Comparator.comparingDouble(Need::laxitySeconds));
        double left = budgetKw;
        double[] given = new double[needs.size()];
        for (int i = 0; i < given.length && left > 0; i++) {
            given[i] = Math.min(needs.get(i).mustKw(), left);
            left -= given[i];
        }
        for (int i = 0; i < given.length && left > 0; i++) {
            double extra = Math.min(Math.max(0, needs.get(i).wantKw() - given[i]), left);
            given[i] += extra;
            left -= extra;
        }
        for (int i = 0; i < given.length; i++) {
            setpoints.put(needs.get(i).vehicleId(), given[i]);
        }
    }

    private static Need need(VehicleState v, Instant now, double stepSeconds, PriceLookahead prices) {
        double needGridKwh = Math.max(0, v.targetSoc() * v.batteryKwh() - v.energyKwh()) / v.efficiency();
        double secondsLeft = Math.max(0, v.departure().getEpochSecond() - now.getEpochSecond());
        double stepHours = stepSeconds / 3600.0;
        // the vehicle may leave within this step, and latency and ramps eat into it
        double chargeHours = Math.max(1, Math.min(stepSeconds, secondsLeft)
                - Math.min(SETTLE_SECONDS, stepSeconds * SETTLE_SHARE)) / 3600.0;
        double maxKw = v.maxChargeKw();
        double capKw = Math.min(maxKw, needGridKwh / chargeHours);
        if (needGridKwh <= 0 || maxKw <= 0) {
            return new Need(v.vehicleId(), Double.MAX_VALUE, 0, 0);
        }
        double afterStepHours = Math.max(0, secondsLeft - stepSeconds - MARGIN_SECONDS) / 3600.0;
        double mustKw = Math.min(capKw, Math.max(0, (needGridKwh - maxKw * afterStepHours) / chargeHours));
        double laxitySeconds = secondsLeft - needGridKwh / maxKw * 3600.0;
        double wantKw = mustKw;
        int stepsLeft = (int) Math.floor(Math.max(0, secondsLeft - MARGIN_SECONDS) / stepSeconds);
        if (prices.cheapestNow(stepsLeft)) {
            int cheapSteps = Math.max(1, prices.stepsAtCurrentPrice(stepsLeft));
            wantKw = Math.max(mustKw, Math.min(capKw, needGridKwh / (cheapSteps * stepHours)));
        }
        return new Need(v.vehicleId(), laxitySeconds, mustKw, wantKw);
    }

    private record Need(String vehicleId, double laxitySeconds, double mustKw, double wantKw) {
    }

    /** Import prices sampled per step from now to the last departure, with prefix minima and counts. */
    private static final class PriceLookahead {
        private final double[] prefixMin;
        private final int[] prefixAtNowPrice;

        PriceLookahead(PriceCurve curve, Instant now, double stepSeconds, List<VehicleState> vehicles) {
            long last = now.getEpochSecond();
            for (VehicleState v : vehicles) {
                last = Math.max(last, v.departure().getEpochSecond());
            }
            int n = (int) Math.max(1, Math.ceil((last - now.getEpochSecond()) / stepSeconds));
            prefixMin = new double[n];
            prefixAtNowPrice = new int[n];
            double nowPrice = curve.priceAt(now);
            double min = Double.MAX_VALUE;
            int count = 0;
            long stepMillis = Math.round(stepSeconds * 1000);
            for (int j = 0; j < n; j++) {
                double p = j == 0 ? nowPrice : curve.priceAt(now.plusMillis(j * stepMillis));
                min = Math.min(min, p);
                count += p <= nowPrice + PRICE_EPSILON ? 1 : 0;
                prefixMin[j] = min;
                prefixAtNowPrice[j] = count;
            }
        }

        /** Whether no step among the next {@code steps} is cheaper than now. */
        boolean cheapestNow(int steps) {
            int j = Math.min(prefixMin.length, Math.max(1, steps)) - 1;
            return prefixMin[0] <= prefixMin[j] + PRICE_EPSILON;
        }

        /** How many of the next {@code steps} steps cost no more than now. */
        int stepsAtCurrentPrice(int steps) {
            return prefixAtNowPrice[Math.min(prefixAtNowPrice.length, Math.max(1, steps)) - 1];
        }
    }
}
