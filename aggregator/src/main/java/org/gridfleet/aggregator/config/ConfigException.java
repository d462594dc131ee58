package org.gridfleet.aggregator.config;

/** A configuration value that cannot be used; the message names the key and the value. */
public final class ConfigException extends RuntimeException {

    private final String key;

    public ConfigException(String key, String value, String reason) {
        super("invalid configuration value for " + key + ": '" + value + "' " + reason);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
