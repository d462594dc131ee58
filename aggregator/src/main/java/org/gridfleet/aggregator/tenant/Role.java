package org.gridfleet.aggregator.tenant;

import java.util.Arrays;
import java.util.Optional;

/** What a tenant may do. Wire names are lower-case with dashes. */
public enum Role {
    /** Manages only its own fleets, vehicles, sites and chargers. */
    FLEET_OWNER("fleet-owner"),
    /** Posts grid signals and events (OpenADR side); no fleet data. */
    UTILITY("utility"),
    /** Operations staff: reads every tenant's fleet data, changes nothing. */
    OPS("ops"),
    /** Creates tenants and tokens; full access. */
    ADMIN("admin");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Role> fromWire(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
