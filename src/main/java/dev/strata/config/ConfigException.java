package dev.strata.config;

/** A configuration file that cannot be used; the message names the file and, when known, line:column. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
