package dev.strata.rules;

import java.util.Locale;

/**
 * How bad a finding is. {@link #ERROR}: the build will differ or break over time; {@link #WARNING}:
 * likely drift; {@link #INFO}: bitwise noise. Declared from most to least severe.
 */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    INFO("info");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    /** Stable lowercase name used in JSON, SARIF, config and the CLI. */
    public String id() {
        return id;
    }

    /** True when this severity is the same as or worse than {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Parses {@code error|warning|info} (case-insensitive). */
    public static Severity parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Severity s : values()) {
            if (s.id.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (expected error, warning or info)");
    }
}
