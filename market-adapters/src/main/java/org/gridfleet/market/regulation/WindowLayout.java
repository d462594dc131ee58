package org.gridfleet.market.regulation;

/** How the 5-minute accuracy/delay scoring windows tile an hour (MARKET-RULES.md §1.3, "Window layout"). */
public enum WindowLayout {
    /** Twelve back-to-back 5-minute windows per hour (recommended; GMLC layout). */
    NON_OVERLAPPING,
    /** One window starting at every scoring sample of the hour (360 per hour at 10 s; Michigan layout). */
    ROLLING
}
