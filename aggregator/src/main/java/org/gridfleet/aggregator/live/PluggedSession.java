package org.gridfleet.aggregator.live;

import java.util.Objects;
import org.gridfleet.v2g.charger.EvNeeds;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.charger.MeterSample;
import org.gridfleet.v2g.charger.SessionEvent;

/**
 * What is known of one charging session now. Absent values are {@code null}.
 *
 * @param evse          where it runs
 * @param transactionId the OCPP transaction id
 * @param vehicleId     the registered vehicle it was matched to, or null (then it is not steered and its power
 *                      counts as the site's base load)
 * @param soc           the SoC to plan on (the conservative one when the session's SoC is suspect), 0..1
 * @param meteredKw     latest metered power, kW, positive = into the battery
 * @param needs         what the EV asked for (NotifyEVChargingNeeds), or null
 */
public record PluggedSession(EvseRef evse, String transactionId, String vehicleId, Double soc, Double meteredKw,
                             EvNeeds needs) {

    public PluggedSession {
        Objects.requireNonNull(evse, "evse");
        Objects.requireNonNull(transactionId, "transactionId");
    }

    static PluggedSession started(SessionEvent e) {
        return new PluggedSession(e.evse(), e.transactionId(), e.vehicleId(), null, null, null);
    }

    PluggedSession withNeeds(EvNeeds n) {
        return new PluggedSession(evse, transactionId, vehicleId, soc, meteredKw, n);
    }

    /** Keeps the previous value of a measurand the sample does not carry. */
    PluggedSession withMeter(MeterSample m) {
        return new PluggedSession(evse, transactionId, vehicleId,
                m.socForPlanning() != null ? m.socForPlanning() : soc,
                m.powerKw() != null ? m.powerKw() : meteredKw, needs);
    }
}
