package org.gridfleet.market;

/** The families of grid services an adapter may sell; decides how a live signal turns into a power request. */
public enum ProductKind {
    /** PJM-style regulation following a normalized AGC signal in [-1, +1] (RegA, RegD). */
    REGULATION,
    /** Frequency containment: proportional droop on measured grid frequency. */
    FREQUENCY_CONTAINMENT,
    /** Demand response: import/export caps or prices for a window. */
    DEMAND_RESPONSE
}
