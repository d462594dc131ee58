package org.gridfleet.aggregator.openadr.vtn;

import java.util.Set;
import org.gridfleet.aggregator.openadr.auth.OpenAdrPrincipal;

/**
 * The authenticated client of one request and, for a VEN client, what it owns on this VTN.
 *
 * @param venId          id of the VEN object named by the client's venName, or null (BL, or not yet created)
 * @param resourceNames  names of that VEN's resources (the sites it speaks for)
 */
record Caller(OpenAdrPrincipal principal, String venId, Set<String> resourceNames) {
    static final String CONTEXT_KEY = "gridfleet.openadr.caller";

    Caller {
        resourceNames = Set.copyOf(resourceNames);
    }

    boolean isBl() {
        return principal.isBl();
    }
}
