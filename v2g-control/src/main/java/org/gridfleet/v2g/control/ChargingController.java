package org.gridfleet.v2g.control;

import java.util.Map;

/**
 * Decides, at every control step, the power each plugged-in vehicle should draw.
 * The simulator and the live server drive the same implementations.
 */
public interface ChargingController {

    /**
     * @param input what may be known now
     * @return setpoint per vehicle id in kW (positive = charge, negative = discharge); a vehicle left out gets 0
     */
    Map<String, Double> control(ControlInput input);
}
