package org.gridfleet.market.fcr;

import org.gridfleet.market.Award;
import org.gridfleet.market.Settlement;

/**
 * FCR pays for capacity held, pay-as-cleared (MARKET-RULES.md §3.1 "Auction"):
 * {@code credit = awarded MW × block hours × capacity clearing price}. FCR has no performance price and no
 * score; delivery quality is checked separately ({@link DeliveryError}).
 */
public final class FcrSettlement {

    private FcrSettlement() {
    }

    /** The capacity credit of an FCR award, currency. */
    public static Settlement credits(Award award) {
        double mwh = award.awardedKw() / 1000.0 * award.period().length().toNanos() / 3.6e12;
        return new Settlement(1, mwh * award.capabilityClearingPricePerMwh(), 0);
    }
}
