package org.gridfleet.aggregator.config;

import java.util.Optional;

/**
 * Database settings.
 *
 * @param url          JDBC URL of an external PostgreSQL; empty starts the embedded PostgreSQL
 * @param user         user for {@code url}
 * @param password     password for {@code url}
 * @param poolSize     largest number of pooled JDBC connections
 * @param embeddedPort TCP port of the embedded PostgreSQL (fixed so its data directory is reusable)
 */
public record DatabaseConfig(Optional<String> url, String user, String password, int poolSize, int embeddedPort) {

    public static final int DEFAULT_POOL_SIZE = 8;
    public static final int DEFAULT_EMBEDDED_PORT = 54329;
    public static final String DEFAULT_USER = "postgres";
    public static final DatabaseConfig EMBEDDED =
            new DatabaseConfig(Optional.empty(), DEFAULT_USER, "", DEFAULT_POOL_SIZE, DEFAULT_EMBEDDED_PORT);

    public DatabaseConfig {
        url.ifPresent(u -> {
            if (!u.startsWith("jdbc:postgresql://")) {
                throw new ConfigException("database.url", u, "must start with jdbc:postgresql://");
            }
        });
        if (user == null || user.isBlank()) {
            throw new ConfigException("database.user", String.valueOf(user), "must not be blank");
        }
        if (password == null) {
            throw new ConfigException("database.password", "null", "must not be null");
        }
        if (poolSize < 1 || poolSize > 200) {
            throw new ConfigException("database.poolSize", String.valueOf(poolSize), "must be in 1..200");
        }
        if (embeddedPort < 1024 || embeddedPort > 65535) {
            throw new ConfigException("database.embeddedPort", String.valueOf(embeddedPort), "must be in 1024..65535");
        }
    }
}
