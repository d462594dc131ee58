package org.gridfleet.aggregator.openadr;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridfleet.aggregator.config.ConfigException;
import org.gridfleet.aggregator.openadr.auth.TokenConfig;
import org.gridfleet.aggregator.openadr.grid.ShedLevels;
import org.gridfleet.aggregator.openadr.ven.VenClientConfig;

/**
 * Settings of OpenADR inside {@code gridfleet serve}: the VTN face and its OAuth2 tokens, and the VEN client that
 * enrols Gridfleet at a utility's VTN (off unless {@value #VEN_VTN_URL} is set).
 *
 * <table>
 *   <caption>environment variables read by {@link #fromEnv}</caption>
 *   <tr><td>{@value #PUBLIC_URL}</td><td>absolute URL of {@code /openadr3} as clients reach it;
 *       default {@code http://localhost:<http port>/openadr3}</td></tr>
 *   <tr><td>{@value #TOKEN_LIFETIME}</td><td>ISO-8601 access-token lifetime, default {@code PT1H}</td></tr>
 *   <tr><td>{@value #SHED_LEVELS}</td><td>shed fractions of SIMPLE levels 0..3, default {@code 0,0.25,0.5,1}</td></tr>
 *   <tr><td>{@value #VEN_VTN_URL}</td><td>base URL of the utility's VTN (e.g. {@code https://vtn.example/openadr3});
 *       unset = no VEN client</td></tr>
 *   <tr><td>{@value #VEN_CLIENT_ID}, {@value #VEN_CLIENT_SECRET}</td><td>the OAuth2 client credentials the utility
 *       issued; required with the URL</td></tr>
 *   <tr><td>{@value #VEN_NAME}</td><td>the VEN name to enrol under, default {@code gridfleet}</td></tr>
 *   <tr><td>{@value #VEN_SITES}</td><td>comma-separated Gridfleet site ids enrolled as the VEN's resources, default
 *       none</td></tr>
 *   <tr><td>{@value #VEN_POLL_INTERVAL}</td><td>ISO-8601 event poll interval, default {@code PT60S}</td></tr>
 * </table>
 *
 * @param ven the VEN client's settings, empty when Gridfleet is not enrolled at a utility's VTN
 */
public record OpenAdrConfig(OpenAdrVtnConfig vtn, TokenConfig tokens, Optional<VenClientConfig> ven) {

    public static final String PUBLIC_URL = "GRIDFLEET_OPENADR_PUBLIC_URL";
    public static final String TOKEN_LIFETIME = "GRIDFLEET_OPENADR_TOKEN_LIFETIME";
    public static final String SHED_LEVELS = "GRIDFLEET_OPENADR_SHED_LEVELS";
    public static final String VEN_VTN_URL = "GRIDFLEET_OPENADR_VEN_VTN_URL";
    public static final String VEN_CLIENT_ID = "GRIDFLEET_OPENADR_VEN_CLIENT_ID";
    public static final String VEN_CLIENT_SECRET = "GRIDFLEET_OPENADR_VEN_CLIENT_SECRET";
    public static final String VEN_NAME = "GRIDFLEET_OPENADR_VEN_NAME";
    public static final String VEN_SITES = "GRIDFLEET_OPENADR_VEN_SITES";
    public static final String VEN_POLL_INTERVAL = "GRIDFLEET_OPENADR_VEN_POLL_INTERVAL";

    public OpenAdrConfig {
        Objects.requireNonNull(vtn, "vtn");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(ven, "ven");
    }

    /** The VTN face alone, no VEN client. */
    public OpenAdrConfig(OpenAdrVtnConfig vtn, TokenConfig tokens) {
        this(vtn, tokens, Optional.empty());
    }

    /**
     * Reads the keys above from {@code env} (pass {@code System.getenv()}); unset keys take their defaults.
     *
     * @param httpPort the port Gridfleet serves on, for the default public URL
     * @throws ConfigException naming the key and value when a value cannot be used
     */
    public static OpenAdrConfig fromEnv(Map<String, String> env, int httpPort) {
        String url = env.getOrDefault(PUBLIC_URL, "http://localhost:" + httpPort + OpenAdrVtn.MOUNT_PATH);
        OpenAdrVtnConfig vtn;
        try {
            vtn = OpenAdrVtnConfig.ofDefaults(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(PUBLIC_URL, url, "must be an absolute http(s) URL");
        }
        vtn = vtn.withShedLevels(shedLevels(env.get(SHED_LEVELS)));
        return new OpenAdrConfig(vtn, new TokenConfig(positive(TOKEN_LIFETIME, env.get(TOKEN_LIFETIME),
                TokenConfig.DEFAULT_TOKEN_LIFETIME), TokenConfig.ofDefaults().pbkdf2Iterations()), ven(env));
    }

    private static Optional<VenClientConfig> ven(Map<String, String> env) {
        String url = env.get(VEN_VTN_URL);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String clientId = required(env, VEN_CLIENT_ID);
        String secret = required(env, VEN_CLIENT_SECRET);
        String name = env.getOrDefault(VEN_NAME, "gridfleet");
        String sites = env.getOrDefault(VEN_SITES, "");
        List<String> siteIds = sites.isBlank() ? List.of()
                : Arrays.stream(sites.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
        Duration poll = positive(VEN_POLL_INTERVAL, env.get(VEN_POLL_INTERVAL), VenClientConfig.DEFAULT_POLL_INTERVAL);
        VenClientConfig config;
        try {
            config = VenClientConfig.of(url, clientId, secret, name, siteIds);
        } catch (IllegalArgumentException e) {
            String key = e.getMessage().startsWith("venName") ? VEN_NAME : VEN_VTN_URL;
            throw new ConfigException(key, env.get(key), e.getMessage());
        }
        return Optional.of(config.withPollInterval(poll));
    }

    private static String required(Map<String, String> env, String key) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, String.valueOf(value), "is required when " + VEN_VTN_URL + " is set");
        }
        return value;
    }

    private static Duration positive(String key, String value, Duration otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            Duration d = Duration.parse(value);
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below with the key
        }
        throw new ConfigException(key, value, "must be a positive ISO-8601 duration such as PT1H");
    }

    private static ShedLevels shedLevels(String value) {
        if (value == null) {
            return ShedLevels.ofDefaults();
        }
        try {
            List<Double> fractions = new ArrayList<>();
            for (String part : value.split(",", -1)) {
                fractions.add(Double.parseDouble(part.trim()));
            }
            return new ShedLevels(fractions);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SHED_LEVELS, value,
                    "must be four non-decreasing fractions in 0..1 separated by commas, e.g. 0,0.25,0.5,1");
        }
    }
}
