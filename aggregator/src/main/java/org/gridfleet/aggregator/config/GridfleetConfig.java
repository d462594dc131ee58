package org.gridfleet.aggregator.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole validated configuration of one aggregator process. Built by {@link ConfigLoader}
 * from defaults, then a YAML file, then environment variables.
 *
 * @param http          HTTP server settings
 * @param database      database settings; an absent URL means "start the embedded PostgreSQL"
 * @param telemetry     telemetry writer settings
 * @param home          the data directory ({@code GRIDFLEET_HOME}), holding the embedded database
 * @param adminToken    bootstrap admin bearer token, if configured
 * @param ocpp          OCPP gateway settings
 * @param control       live control loop settings
 * @param auth          signed access tokens (JWT)
 * @param markets       what the market desk offers and at what price
 */
public record GridfleetConfig(HttpConfig http, DatabaseConfig database, TelemetryConfig telemetry,
                              Path home, Optional<String> adminToken, OcppConfig ocpp, ControlConfig control,
                              AuthConfig auth, MarketConfig markets) {

    public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

    public GridfleetConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(telemetry, "telemetry");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(ocpp, "ocpp");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(markets, "markets");
        adminToken.ifPresent(t -> {
            if (t.length() < MIN_ADMIN_TOKEN_LENGTH) {
                throw new ConfigException("adminToken", "<hidden>",
                        "must be at least " + MIN_ADMIN_TOKEN_LENGTH + " characters");
            }
        });
    }

    /** Default OCPP gateway and control loop (what the HTTP-only test servers use). */
    public GridfleetConfig(HttpConfig http, DatabaseConfig database, TelemetryConfig telemetry, Path home,
                           Optional<String> adminToken) {
        this(http, database, telemetry, home, adminToken, OcppConfig.DEFAULT, ControlConfig.DEFAULT);
    }

    /** Default token settings (generated signing key, 15-minute JWTs). */
    public GridfleetConfig(HttpConfig http, DatabaseConfig database, TelemetryConfig telemetry, Path home,
                           Optional<String> adminToken, OcppConfig ocpp, ControlConfig control) {
        this(http, database, telemetry, home, adminToken, ocpp, control, AuthConfig.DEFAULT, MarketConfig.DEFAULT);
    }

    public GridfleetConfig withHttp(HttpConfig newHttp) {
        return new GridfleetConfig(newHttp, database, telemetry, home, adminToken, ocpp, control, auth, markets);
    }

    public GridfleetConfig withOcpp(OcppConfig newOcpp) {
        return new GridfleetConfig(http, database, telemetry, home, adminToken, newOcpp, control, auth, markets);
    }

    public GridfleetConfig withControl(ControlConfig newControl) {
        return new GridfleetConfig(http, database, telemetry, home, adminToken, ocpp, newControl, auth, markets);
    }

    public GridfleetConfig withAuth(AuthConfig newAuth) {
        return new GridfleetConfig(http, database, telemetry, home, adminToken, ocpp, control, newAuth, markets);
    }

    public GridfleetConfig withMarkets(MarketConfig newMarkets) {
        return new GridfleetConfig(http, database, telemetry, home, adminToken, ocpp, control, auth, newMarkets);
    }

    /** The defaults: port 8080, embedded database under {@code home}. */
    public static GridfleetConfig defaults(Path home) {
        return new GridfleetConfig(HttpConfig.DEFAULT, DatabaseConfig.EMBEDDED, TelemetryConfig.DEFAULT,
                home, Optional.empty());
    }
}
