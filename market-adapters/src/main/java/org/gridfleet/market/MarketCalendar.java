package org.gridfleet.market;

import java.time.Instant;
import org.gridfleet.market.MarketAdapter.GateClosure;

/** A market's time grid: its delivery periods and when offers for them close. */
public interface MarketCalendar {

    /** The delivery period containing {@code t}. */
    DeliveryPeriod periodContaining(Instant t);

    /** The first gate closure strictly after {@code after}, with the delivery span it closes. */
    GateClosure nextGateClosure(Instant after);

    /** When offers for {@code period} close. */
    Instant gateClosureFor(DeliveryPeriod period);
}
