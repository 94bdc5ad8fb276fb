package dev.strata.compare;

import com.fasterxml.jackson.annotation.JsonValue;

/** How two images relate; the JSON strings are part of the documented contract and never change. */
public enum Verdict {
    /** Same config and same layer contents, byte for byte. */
    BITWISE_IDENTICAL("bitwise-identical", 0),
    /** Same final file system and runtime config once timestamps and known noise are set aside. */
    FUNCTIONALLY_EQUIVALENT("functionally-equivalent", 0),
    /** Anything else; the comparison lists the causes. */
    DIFFERENT("different", 1),
    /** A rebuild did not produce an image (only {@code strata rebuild} reports this). */
    BUILD_FAILED("build-failed", 1);

    private final String id;
    private final int exitCode;

    Verdict(String id, int exitCode) {
        this.id = id;
        this.exitCode = exitCode;
    }

    /** The exact JSON/text string. */
    @JsonValue
    public String id() {
        return id;
    }

    /** CLI exit code: 0 for identical or equivalent, 1 otherwise. */
    public int exitCode() {
        return exitCode;
    }

    /** The verdict named by its JSON string. */
    public static Verdict fromId(String id) {
        for (Verdict v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict: " + id);
    }

    @Override
    public String toString() {
        return id;
    }
}
