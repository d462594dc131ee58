package org.gridfleet.aggregator.sim;

import java.util.HashMap;
import java.util.Map;
import org.gridfleet.v2g.control.ChargingController;
import org.gridfleet.v2g.control.ControlInput;
import org.gridfleet.v2g.control.VehicleState;

/** Dumb charging: every plugged-in vehicle at its full charge power, until its battery is full; no limits. */
public final class FullPowerController implements ChargingController {
    @Override
    public Map<String, Double> control(ControlInput input) {
        Map<String, Double> out = new HashMap<>(input.vehicles().size() * 2);
        for (VehicleState v : input.vehicles()) {
            out.put(v.vehicleId(), v.maxChargeKw());
        }
        return out;
    }
}
