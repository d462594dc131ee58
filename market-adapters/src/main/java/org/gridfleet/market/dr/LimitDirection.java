package org.gridfleet.market.dr;

/** Which side of the meter a demand-response limit caps. */
public enum LimitDirection {
    /** Import must stay at or below the limit: power ≤ limitKw. */
    IMPORT,
    /** Export must stay at or below the limit: power ≥ −limitKw. */
    EXPORT
}
