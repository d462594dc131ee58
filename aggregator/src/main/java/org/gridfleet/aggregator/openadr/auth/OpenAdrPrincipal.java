package org.gridfleet.aggregator.openadr.auth;

import java.util.Objects;

/**
 * The authenticated caller of one request.
 *
 * @param venName the VEN a VEN client speaks for; null for BL
 */
public record OpenAdrPrincipal(String clientId, ClientRole role, String venName) {
    public OpenAdrPrincipal {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(role, "role");
        if (role == ClientRole.VEN && venName == null) {
            throw new IllegalArgumentException("a VEN principal needs a venName");
        }
    }

    public boolean isBl() {
        return role == ClientRole.BL;
    }

    public boolean has(Scope scope) {
        return role.scopes().contains(scope);
    }
}
