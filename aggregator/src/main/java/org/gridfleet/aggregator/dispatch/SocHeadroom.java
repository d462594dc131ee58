package org.gridfleet.aggregator.dispatch;

import org.gridfleet.v2g.control.VehicleEnvelope;
import org.gridfleet.v2g.control.VehicleState;

import java.time.Instant;

/**
 * Energy headroom of vehicles following their resting power for a horizon: how much more the fleet can take
 * (up to full) and how much less (down to each latest-start floor), grid-side kWh. Pure functions on one vehicle;
 * the {@link Dispatcher} sums them.
 */
final class SocHeadroom {

    private SocHeadroom() {
    }

    /** Battery energy after holding {@code restKw} for {@code hours}, kWh. */
    static double energyAfterKwh(VehicleState v, double restKw, double hours) {
        return v.energyKwh() + VehicleEnvelope.batteryDeltaKwh(restKw, v.efficiency(), hours);
    }

    /** Grid kWh the vehicle could still absorb beyond its resting path by {@code end}. */
    static double upKwh(VehicleState v, double energyAtEndKwh) {
        return Math.max(0, v.batteryKwh() - energyAtEndKwh) / v.efficiency();
    }

    /** Grid kWh the vehicle could give up (less import or export) beyond its resting path by {@code end}. */
    static double downKwh(VehicleState v, double energyAtEndKwh, Instant end) {
        return Math.max(0, energyAtEndKwh - VehicleEnvelope.floorKwh(v, end)) * v.efficiency();
    }

    /** Where the vehicle sits in its band at {@code end}: 0 = at its floor, 1 = full. */
    static double position(VehicleState v, double energyAtEndKwh, Instant end) {
        double floor = VehicleEnvelope.floorKwh(v, end);
        double span = v.batteryKwh() - floor;
        if (span <= 1e-9) {
            return 1;
        }
        return Math.max(0, Math.min(1, (energyAtEndKwh - floor) / span));
    }

    /**
     * The fleet bias, kW: positive (more import) when the down headroom is short of {@code needKwh}, negative when
     * the up headroom is, spread over {@code hours} and capped at ±{@code capKw}.
     */
    static double fleetBiasKw(double upKwh, double downKwh, double needKwh, double hours, double capKw) {
        double shortUp = Math.max(0, needKwh - upKwh);
        double shortDown = Math.max(0, needKwh - downKwh);
        double bias = (shortDown - shortUp) / hours;
        return Math.max(-capKw, Math.min(capKw, bias));
    }
}
