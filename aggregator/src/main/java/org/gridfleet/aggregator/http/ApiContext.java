package org.gridfleet.aggregator.http;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.gridfleet.aggregator.auth.SigningKey;
import org.gridfleet.aggregator.storage.Jdbc;

/**
 * What route modules share: clock, database access, bearer authentication, the OpenAPI request validator,
 * the meter registry and the server's token signing key (each module derives its own audience key from it).
 */
public record ApiContext(Clock clock, DataSource dataSource, Jdbc jdbc, AuthHandler auth, ContractValidator contract,
                         MeterRegistry meterRegistry, SigningKey signingKey) {

    /** With a signing key of this process only, for tests that mount one module. */
    public ApiContext(Clock clock, DataSource dataSource, Jdbc jdbc, AuthHandler auth, ContractValidator contract,
                      MeterRegistry meterRegistry) {
        this(clock, dataSource, jdbc, auth, contract, meterRegistry, SigningKey.random(new SecureRandom()));
    }
}
