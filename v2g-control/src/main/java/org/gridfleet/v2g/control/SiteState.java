package org.gridfleet.v2g.control;

import java.util.Objects;

/**
 * What the controller knows of one site at one instant.
 *
 * @param siteId site id
 * @param limitKw grid-connection / transformer import limit, kW, &gt; 0
 * @param headroomPct safety margin kept below the limit, percent 0..100 (default 5)
 * @param baseLoadKw non-EV load at the site now, kW (positive = import)
 * @param peak15MinKw the highest 15-minute average import so far in the billing period, kW
 */
public record SiteState(String siteId, double limitKw, double headroomPct, double baseLoadKw, double peak15MinKw) {

    public SiteState {
        Objects.requireNonNull(siteId, "siteId");
        VehicleState.requireRange("limitKw", limitKw, 1e-9, Double.MAX_VALUE);
        VehicleState.requireRange("headroomPct", headroomPct, 0, 100);
    }

    /** The import the EVs and base load together may draw: limit minus headroom, kW. */
    public double usableLimitKw() {
        return limitKw * (1 - headroomPct / 100.0);
    }
}
