package org.gridfleet.aggregator.live;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridfleet.v2g.control.ChargingController;
import org.gridfleet.v2g.control.ControlInput;
import org.gridfleet.v2g.control.ControlStep;
import org.gridfleet.v2g.control.ScheduledController;
import org.gridfleet.v2g.control.ScheduledControllerConfig;

/**
 * The {@link ScheduledController} of the live loop. Its config fixes nested limits, vehicle nodes and
 * preferences, which change while the server runs; when the {@link ControllerShape} changes a new controller is
 * built (its schedules are re-solved at the next step, as on an arrival). Not thread-safe: the control tick's
 * thread only.
 */
final class ReshapingController implements ChargingController {

    private final ScheduledControllerConfig base;
    private ControllerShape shape;
    private ScheduledController current;

    ReshapingController(ScheduledControllerConfig base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** Uses {@code next} from the next step on; rebuilds only when it differs. */
    void shape(ControllerShape next) {
        if (next.equals(shape)) {
            return;
        }
        shape = next;
        current = new ScheduledController(base.withLimits(next.nodes(), next.vehicleNode())
                .withPreferences(next.preferences(), base.defaultPreference()));
    }

    @Override
    public Map<String, Double> control(ControlInput input) {
        return step(input).setpointsKw();
    }

    /** One step with the scheduled controller's diagnostics. */
    ControlStep step(ControlInput input) {
        if (current == null) {
            shape(new ControllerShape(List.of(), Map.of(), Map.of()));
        }
        return current.step(input);
    }
}
