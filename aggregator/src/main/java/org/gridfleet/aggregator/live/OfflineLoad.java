package org.gridfleet.aggregator.live;

import java.time.Instant;
import org.gridfleet.v2g.charger.ChargerRecord;

/**
 * What a registered charger that Gridfleet cannot steer right now may draw, kW: 0 while it is connected (its
 * sessions are seen and steered), otherwise the most its charging profiles still allow it offline. The control
 * loop counts that as its site's base load so the steered chargers never take the room an offline one uses.
 */
@FunctionalInterface
public interface OfflineLoad {

    /** Upper bound of the charger's draw at {@code now}, kW, &gt;= 0; 0 when it is online. */
    double offlineKw(ChargerRecord charger, Instant now);
}
