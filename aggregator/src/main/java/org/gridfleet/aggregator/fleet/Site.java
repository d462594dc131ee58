package org.gridfleet.aggregator.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A site: one grid connection with a power limit.
 *
 * @param limitKw     largest total import at the connection in kW, > 0
 * @param headroomPct share of {@code limitKw} kept free as a safety margin, 0..<100 (default 5)
 * @param nestedLimits tighter limits inside the site (feeders, charger groups)
 */
public record Site(UUID id, UUID tenantId, String name, double limitKw, double headroomPct,
                   List<NestedLimit> nestedLimits, Instant createdAt, Instant updatedAt) {

    public static final double DEFAULT_HEADROOM_PCT = 5.0;

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        if (!(limitKw > 0)) {
            throw new IllegalArgumentException("limitKw must be > 0: " + limitKw);
        }
        if (!(headroomPct >= 0 && headroomPct < 100)) {
            throw new IllegalArgumentException("headroomPct must be in [0, 100): " + headroomPct);
        }
        nestedLimits = List.copyOf(nestedLimits);
    }

    /** The limit control may use: {@code limitKw} less the headroom, in kW. */
    public double usableLimitKw() {
        return limitKw * (1 - headroomPct / 100.0);
    }

    /** A limit on a subset of the site's chargers, in kW. */
    public record NestedLimit(String name, Kind kind, double limitKw, List<String> chargerIds) {
        /** What the nested limit protects. */
        public enum Kind { FEEDER, CHARGER_GROUP }

        public NestedLimit {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            if (!(limitKw > 0)) {
                throw new IllegalArgumentException("limitKw must be > 0: " + limitKw);
            }
            chargerIds = List.copyOf(chargerIds);
        }
    }
}
