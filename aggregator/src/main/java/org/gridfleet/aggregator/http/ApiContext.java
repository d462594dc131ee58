package org.gridfleet.aggregator.http;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.gridfleet.aggregator.storage.Jdbc;

/** What route modules share: clock, database access, bearer authentication, the OpenAPI request validator and the meter registry. */
public record ApiContext(Clock clock, DataSource dataSource, Jdbc jdbc, AuthHandler auth, ContractValidator contract,
                         MeterRegistry meterRegistry) {
}
