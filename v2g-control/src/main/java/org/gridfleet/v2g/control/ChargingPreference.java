package org.gridfleet.v2g.control;

/**
 * How the owner wants a vehicle charged. Every preference keeps the reserve and the latest-start floor.
 */
public enum ChargingPreference {
    /** Reach the departure target first (charge at full power until the target is held), then optimize. */
    GUARANTEED,
    /** Minimize cost; the target is only guaranteed through the latest-start floor. */
    LOWEST_COST,
    /** Like {@link #LOWEST_COST}, but charging also pays the carbon signal when one is given. */
    GREENEST
}
