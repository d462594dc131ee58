package org.gridfleet.aggregator.live;

import java.util.Objects;
import javax.sql.DataSource;
import org.gridfleet.aggregator.health.VehicleWear;

/**
 * The live aggregator's link to battery health: plugged-in sessions are logged to {@code sessions} (the health
 * job measures capacity from them) and each tick reads the wear terms that job keeps in {@code wear}.
 *
 * @param sessions where {@link org.gridfleet.aggregator.health.VehicleSessionLog} writes, off the event loop
 * @param wear     wear price per vehicle and what its degradation budget leaves
 */
public record BatteryHealthFeed(DataSource sessions, VehicleWear wear) {

    public BatteryHealthFeed {
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(wear, "wear");
    }
}
