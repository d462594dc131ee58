package org.gridfleet.aggregator.openadr.store;

import java.time.Instant;
import java.util.Objects;
import org.gridfleet.aggregator.openadr.auth.ClientRole;

/**
 * A registered OAuth2 client of the VTN. The secret exists only as a PBKDF2 hash.
 *
 * @param venName the VEN this client speaks for; required for {@link ClientRole#VEN}, null for BL
 */
public record ClientRecord(String clientId, ClientRole role, String venName, byte[] secretSalt,
                           byte[] secretHash, int iterations, Instant created) {
    public ClientRecord {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(created, "created");
        if (role == ClientRole.VEN && (venName == null || venName.isBlank())) {
            throw new IllegalArgumentException("venName is required for a VEN client");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, but was " + iterations);
        }
    }
}
