package org.gridfleet.v2g.control;

import java.util.HashMap;
import java.util.Map;

/**
 * The latest meter reading per vehicle. Chargers resend and reorder meter values (retries after a lost
 * confirmation, queued values flushed after a reconnect), so a reading is taken only when it is newer than the one
 * held: a larger sequence number and a timestamp not before it. Duplicates and stale readings change nothing.
 *
 * <p>Not thread-safe: fed and read by the one control loop.
 */
public final class MeterReadings {
    private final Map<String, MeterReading> latest = new HashMap<>();

    /** @return whether {@code reading} is newer than the one held and now replaces it */
    public boolean accept(MeterReading reading) {
        MeterReading held = latest.get(reading.vehicleId());
        if (held != null && (reading.sequence() <= held.sequence() || reading.at().isBefore(held.at()))) {
            return false;
        }
        latest.put(reading.vehicleId(), reading);
        return true;
    }

    /** The newest reading of a vehicle, or null when none was taken since it was last forgotten. */
    public MeterReading latest(String vehicleId) {
        return latest.get(vehicleId);
    }

    /** Drops a vehicle that left, so that its charger's next session starts afresh. */
    public void forget(String vehicleId) {
        latest.remove(vehicleId);
    }
}
