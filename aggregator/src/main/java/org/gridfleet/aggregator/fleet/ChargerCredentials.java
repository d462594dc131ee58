package org.gridfleet.aggregator.fleet;

import java.util.Optional;

/**
 * What the OCPP gateway needs to admit a charger: look it up by OCPP identity (site, power,
 * discharge capability) and check its basic-auth password. Blocking (JDBC + PBKDF2): call from a
 * worker thread.
 */
public interface ChargerCredentials {

    /** The registered charger with this OCPP identity. */
    Optional<Charger> find(String ocppIdentity);

    /** True only if the charger is registered and {@code password} matches its stored hash. */
    boolean verify(String ocppIdentity, String password);
}
