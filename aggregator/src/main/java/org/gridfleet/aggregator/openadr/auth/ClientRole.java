package org.gridfleet.aggregator.openadr.auth;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two kinds of OpenADR client. BL (business logic: the utility or market operator) writes programs
 * and events and reads everything; a VEN reads what is targeted at it and writes its own reports,
 * subscriptions, VEN object and resources. Reports are the VEN's voice only, as the 3.0.1 scope table says.
 */
public enum ClientRole {
    BL(EnumSet.of(Scope.READ_ALL, Scope.WRITE_PROGRAMS, Scope.WRITE_EVENTS, Scope.WRITE_SUBSCRIPTIONS,
            Scope.WRITE_VENS)),
    VEN(EnumSet.of(Scope.READ_ALL, Scope.WRITE_REPORTS, Scope.WRITE_SUBSCRIPTIONS, Scope.WRITE_VENS));

    private final Set<Scope> scopes;

    ClientRole(Set<Scope> scopes) {
        this.scopes = scopes;
    }

    public Set<Scope> scopes() {
        return scopes;
    }

    /** Space-separated wire names, as the token response's {@code scope} string. */
    public String scopeString() {
        return scopes.stream().map(Scope::wireName).collect(Collectors.joining(" "));
    }
}
