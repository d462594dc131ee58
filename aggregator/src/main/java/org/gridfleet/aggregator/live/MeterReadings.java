package org.gridfleet.aggregator.live;

import java.time.Instant;
import java.util.Map;

/** The latest metered power of each steered vehicle, and when that reading reached Gridfleet. */
public interface MeterReadings {

    /** Live map of the latest metered power per vehicle id, kW, positive = into the battery. */
    Map<String, Double> meteredKw();

    /** When the vehicle's latest reading arrived, on Gridfleet's clock (not the charger's), or null if none. */
    Instant arrivedAt(String vehicleId);
}
