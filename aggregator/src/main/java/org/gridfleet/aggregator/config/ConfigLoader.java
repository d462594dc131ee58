package org.gridfleet.aggregator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link GridfleetConfig}: defaults, then a YAML file, then environment variables (later wins).
 * The only place besides the embedded database that reads files or the environment.
 */
public final class ConfigLoader {

    /** Environment variable per configuration key. */
    public static final Map<String, String> ENV_KEYS = Map.ofEntries(
            Map.entry("GRIDFLEET_HOME", "home"),
            Map.entry("GRIDFLEET_ADMIN_TOKEN", "adminToken"),
            Map.entry("GRIDFLEET_HTTP_HOST", "http.host"),
            Map.entry("GRIDFLEET_HTTP_PORT", "http.port"),
            Map.entry("GRIDFLEET_HTTP_BODY_LIMIT_BYTES", "http.bodyLimitBytes"),
            Map.entry("GRIDFLEET_DB_URL", "database.url"),
            Map.entry("GRIDFLEET_DB_USER", "database.user"),
            Map.entry("GRIDFLEET_DB_PASSWORD", "database.password"),
            Map.entry("GRIDFLEET_DB_POOL_SIZE", "database.poolSize"),
            Map.entry("GRIDFLEET_DB_EMBEDDED_PORT", "database.embeddedPort"),
            Map.entry("GRIDFLEET_TELEMETRY_QUEUE_CAPACITY", "telemetry.queueCapacity"),
            Map.entry("GRIDFLEET_TELEMETRY_BATCH_SIZE", "telemetry.batchSize"),
            Map.entry("GRIDFLEET_TELEMETRY_FLUSH_INTERVAL_MS", "telemetry.flushIntervalMs"),
            // telemetry spill and retry (storage owner)
            Map.entry("GRIDFLEET_TELEMETRY_SPILL_DIR", "telemetry.spillDir"),
            Map.entry("GRIDFLEET_TELEMETRY_SPILL_MAX_BYTES", "telemetry.spillMaxBytes"),
            Map.entry("GRIDFLEET_TELEMETRY_RETRY_MAX_MS", "telemetry.retryMaxMs"),
            // HTTPS on the API (security)
            Map.entry("GRIDFLEET_HTTP_TLS_CERT", "http.tls.certPath"),
            Map.entry("GRIDFLEET_HTTP_TLS_KEY", "http.tls.keyPath"),
            // OCPP gateway and live control
            Map.entry("GRIDFLEET_OCPP_HOST", "ocpp.host"),
            Map.entry("GRIDFLEET_OCPP_PORT", "ocpp.port"),
            Map.entry("GRIDFLEET_OCPP_CALL_TIMEOUT_MS", "ocpp.callTimeoutMs"),
            Map.entry("GRIDFLEET_OCPP_DIRECTORY_REFRESH_MS", "ocpp.directoryRefreshMs"),
            Map.entry("GRIDFLEET_OCPP_TLS_CERT", "ocpp.tls.certPath"),
            Map.entry("GRIDFLEET_OCPP_TLS_KEY", "ocpp.tls.keyPath"),
            Map.entry("GRIDFLEET_OCPP_TLS_CLIENT_CA", "ocpp.tls.clientCaPath"),
            Map.entry("GRIDFLEET_OCPP_MAX_MESSAGE_BYTES", OcppConfig.MAX_MESSAGE_BYTES_KEY),
            Map.entry("GRIDFLEET_CONTROL_TICK_MS", "control.tickMs"),
            Map.entry("GRIDFLEET_CONTROL_IMPORT_PRICE_PER_KWH", "control.importPricePerKwh"),
            Map.entry("GRIDFLEET_CONTROL_EXPORT_PRICE_PER_KWH", "control.exportPricePerKwh"),
            Map.entry("GRIDFLEET_CONTROL_DEFAULT_DWELL_MINUTES", "control.defaultDwellMinutes"),
            // signed access tokens (security)
            Map.entry("GRIDFLEET_AUTH_SIGNING_KEY", "auth.signingKey"),
            Map.entry("GRIDFLEET_AUTH_TOKEN_LIFETIME", "auth.tokenLifetime"),
            // market desk (grid services)
            Map.entry("GRIDFLEET_MARKETS_PRODUCTS", "markets.products"),
            Map.entry("GRIDFLEET_MARKETS_OFFER_OPPORTUNITY_PER_KWH", "markets.offer.opportunityPerKwh"),
            Map.entry("GRIDFLEET_MARKETS_OFFER_DEGRADATION_PER_KWH", "markets.offer.degradationPerKwh"),
            Map.entry("GRIDFLEET_MARKETS_OFFER_THROUGHPUT_KWH_PER_KW", "markets.offer.throughputKwhPerKw"),
            Map.entry("GRIDFLEET_MARKETS_OFFER_MARGIN_PER_KWH", "markets.offer.marginPerKwh"),
            Map.entry("GRIDFLEET_MARKETS_PERFORMANCE_PRICE_PER_MW", "markets.performancePricePerMw"),
            Map.entry("GRIDFLEET_MARKETS_MIN_OFFER_KW", "markets.minOfferKw"),
            Map.entry("GRIDFLEET_MARKETS_MAX_OFFER_KW", "markets.maxOfferKw"),
            Map.entry("GRIDFLEET_MARKETS_FCR_FULL_ACTIVATION_MHZ", "markets.fcr.fullActivationMhz"),
            Map.entry("GRIDFLEET_MARKETS_FCR_DEADBAND_MHZ", "markets.fcr.deadbandMhz"));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path userHome;

    /** @param userHome the user's home directory; the default data directory is {@code userHome/.gridfleet} */
    public ConfigLoader(Path userHome) {
        this.userHome = userHome;
    }

    /**
     * @param yamlFile optional YAML file
     * @param env      environment variables (pass {@code System.getenv()} in production)
     */
    public GridfleetConfig load(Optional<Path> yamlFile, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        yamlFile.ifPresent(f -> flatten("", readYaml(f), values));
        for (Map.Entry<String, String> e : ENV_KEYS.entrySet()) {
            String v = env.get(e.getKey());
            if (v != null && !v.isEmpty()) {
                values.put(e.getValue(), v);
            }
        }
        for (String key : values.keySet()) {
            if (!ENV_KEYS.containsValue(key)) {
                throw new ConfigException(key, values.get(key), "is not a known configuration key");
            }
        }
        return build(values);
    }

    private GridfleetConfig build(Map<String, String> v) {
        HttpConfig http = new HttpConfig(
                v.getOrDefault("http.host", HttpConfig.DEFAULT_HOST),
                intValue(v, "http.port", HttpConfig.DEFAULT_PORT),
                longValue(v, "http.bodyLimitBytes", HttpConfig.DEFAULT_BODY_LIMIT_BYTES),
                TlsFiles.of("http.tls", v.get("http.tls.certPath"), v.get("http.tls.keyPath")));
        DatabaseConfig db = new DatabaseConfig(
                Optional.ofNullable(v.get("database.url")),
                v.getOrDefault("database.user", DatabaseConfig.DEFAULT_USER),
                v.getOrDefault("database.password", ""),
                intValue(v, "database.poolSize", DatabaseConfig.DEFAULT_POOL_SIZE),
                intValue(v, "database.embeddedPort", DatabaseConfig.DEFAULT_EMBEDDED_PORT));
        Path home = v.containsKey("home") ? Path.of(v.get("home")) : userHome.resolve(".gridfleet");
        // --- telemetry (storage owner): the spill lives under home unless telemetry.spillDir says otherwise
        TelemetryConfig telemetry = new TelemetryConfig(
                intValue(v, "telemetry.queueCapacity", TelemetryConfig.DEFAULT_QUEUE_CAPACITY),
                intValue(v, "telemetry.batchSize", TelemetryConfig.DEFAULT_BATCH_SIZE),
                longValue(v, "telemetry.flushIntervalMs", TelemetryConfig.DEFAULT_FLUSH_INTERVAL_MS),
                Optional.of(v.containsKey("telemetry.spillDir") ? Path.of(v.get("telemetry.spillDir"))
                        : home.resolve(TelemetryConfig.DEFAULT_SPILL_DIRECTORY_NAME)),
                longValue(v, "telemetry.spillMaxBytes", TelemetryConfig.DEFAULT_SPILL_MAX_BYTES),
                longValue(v, "telemetry.retryMaxMs", TelemetryConfig.DEFAULT_RETRY_MAX_MS));
        OcppConfig ocpp = new OcppConfig(
                v.getOrDefault("ocpp.host", OcppConfig.DEFAULT_HOST),
                intValue(v, "ocpp.port", OcppConfig.DEFAULT_PORT),
                longValue(v, "ocpp.callTimeoutMs", OcppConfig.DEFAULT_CALL_TIMEOUT_MS),
                longValue(v, "ocpp.directoryRefreshMs", OcppConfig.DEFAULT_DIRECTORY_REFRESH_MS),
                TlsFiles.of("ocpp.tls", v.get("ocpp.tls.certPath"), v.get("ocpp.tls.keyPath"),
                        v.get("ocpp.tls.clientCaPath")),
                intValue(v, OcppConfig.MAX_MESSAGE_BYTES_KEY, OcppConfig.DEFAULT_MAX_MESSAGE_BYTES));
        ControlConfig control = new ControlConfig(
                longValue(v, "control.tickMs", ControlConfig.DEFAULT_TICK_MS),
                doubleValue(v, "control.importPricePerKwh", ControlConfig.DEFAULT_IMPORT_PRICE_PER_KWH),
                doubleValue(v, "control.exportPricePerKwh", ControlConfig.DEFAULT_EXPORT_PRICE_PER_KWH),
                longValue(v, "control.defaultDwellMinutes", ControlConfig.DEFAULT_DWELL_MINUTES));
        AuthConfig auth = new AuthConfig(Optional.ofNullable(v.get("auth.signingKey")),
                durationValue(v, "auth.tokenLifetime", AuthConfig.DEFAULT_TOKEN_LIFETIME));
        return new GridfleetConfig(http, db, telemetry, home, Optional.ofNullable(v.get("adminToken")), ocpp,
                control, auth, markets(v));
    }

    private static MarketConfig markets(Map<String, String> v) {
        String products = v.get("markets.products");
        return new MarketConfig(
                products == null ? MarketConfig.DEFAULT_PRODUCTS
                        : Arrays.stream(products.split(",", -1)).map(String::trim).toList(),
                doubleValue(v, "markets.offer.opportunityPerKwh", MarketConfig.DEFAULT_OPPORTUNITY_PER_KWH),
                doubleValue(v, "markets.offer.degradationPerKwh", MarketConfig.DEFAULT_DEGRADATION_PER_KWH),
                doubleValue(v, "markets.offer.throughputKwhPerKw", MarketConfig.DEFAULT_THROUGHPUT_KWH_PER_KW),
                doubleValue(v, "markets.offer.marginPerKwh", MarketConfig.DEFAULT_MARGIN_PER_KWH),
                doubleValue(v, "markets.performancePricePerMw", MarketConfig.DEFAULT_PERFORMANCE_PRICE_PER_MW),
                doubleValue(v, "markets.minOfferKw", MarketConfig.DEFAULT_MIN_OFFER_KW),
                doubleValue(v, "markets.maxOfferKw", MarketConfig.DEFAULT_MAX_OFFER_KW),
                doubleValue(v, "markets.fcr.fullActivationMhz", MarketConfig.DEFAULT_FCR_FULL_ACTIVATION_MHZ),
                doubleValue(v, "markets.fcr.deadbandMhz", MarketConfig.DEFAULT_FCR_DEADBAND_MHZ));
    }

    private static int intValue(Map<String, String> v, String key, int dflt) {
        long l = longValue(v, key, dflt);
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new ConfigException(key, v.get(key), "is out of integer range");
        }
        return (int) l;
    }

    private static long longValue(Map<String, String> v, String key, long dflt) {
        String s = v.get(key);
        if (s == null) {
            return dflt;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, s, "is not a whole number");
        }
    }

    private static Duration durationValue(Map<String, String> v, String key, Duration dflt) {
        String s = v.get(key);
        if (s == null) {
            return dflt;
        }
        try {
            Duration d = Duration.parse(s.trim());
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below with the key
        }
        throw new ConfigException(key, s, "must be a positive ISO-8601 duration such as PT15M");
    }

    private static double doubleValue(Map<String, String> v, String key, double dflt) {
        String s = v.get(key);
        if (s == null) {
            return dflt;
        }
        try {
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new ConfigException(key, s, "is not a finite number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, s, "is not a number");
        }
    }

    private static JsonNode readYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("--config", file.toString(), "is not a readable file");
        }
        try {
            JsonNode root = YAML.readTree(file.toFile());
            if (root != null && !root.isMissingNode() && !root.isNull() && !root.isObject()) {
                throw new ConfigException("--config", file.toString(), "must hold a YAML mapping at the top");
            }
            return root == null ? YAML.createObjectNode() : root;
        } catch (IOException e) {
            throw new ConfigException("--config", file.toString(), "is not valid YAML: " + e.getMessage());
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else if (node.isValueNode()) {
            out.put(prefix, node.asText());
        } else {
            throw new ConfigException(prefix, node.toString(), "must be a single value");
        }
    }
}
