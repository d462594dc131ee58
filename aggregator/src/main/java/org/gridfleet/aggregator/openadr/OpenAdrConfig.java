package org.gridfleet.aggregator.openadr;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridfleet.aggregator.config.ConfigException;
import org.gridfleet.aggregator.openadr.auth.TokenConfig;
import org.gridfleet.aggregator.openadr.grid.ShedLevels;

/**
 * Settings of OpenADR inside {@code gridfleet serve}: the VTN face and its OAuth2 tokens.
 *
 * <table>
 *   <caption>environment variables read by {@link #fromEnv}</caption>
 *   <tr><td>{@value #PUBLIC_URL}</td><td>absolute URL of {@code /openadr3} as clients reach it;
 *       default {@code http://localhost:<http port>/openadr3}</td></tr>
 *   <tr><td>{@value #TOKEN_LIFETIME}</td><td>ISO-8601 access-token lifetime, default {@code PT1H}</td></tr>
 *   <tr><td>{@value #SHED_LEVELS}</td><td>shed fractions of SIMPLE levels 0..3, default {@code 0,0.25,0.5,1}</td></tr>
 * </table>
 */
public record OpenAdrConfig(OpenAdrVtnConfig vtn, TokenConfig tokens) {

    public static final String PUBLIC_URL = "GRIDFLEET_OPENADR_PUBLIC_URL";
    public static final String TOKEN_LIFETIME = "GRIDFLEET_OPENADR_TOKEN_LIFETIME";
    public static final String SHED_LEVELS = "GRIDFLEET_OPENADR_SHED_LEVELS";

    public OpenAdrConfig {
        Objects.requireNonNull(vtn, "vtn");
        Objects.requireNonNull(tokens, "tokens");
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
        return new OpenAdrConfig(vtn, new TokenConfig(tokenLifetime(env.get(TOKEN_LIFETIME)),
                TokenConfig.ofDefaults().pbkdf2Iterations()));
    }

    private static Duration tokenLifetime(String value) {
        if (value == null) {
            return TokenConfig.DEFAULT_TOKEN_LIFETIME;
        }
        try {
            Duration lifetime = Duration.parse(value);
            if (!lifetime.isNegative() && !lifetime.isZero()) {
                return lifetime;
            }
        } catch (DateTimeParseException e) {
            // reported below with the key
        }
        throw new ConfigException(TOKEN_LIFETIME, value, "must be a positive ISO-8601 duration such as PT1H");
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
