package dev.strata.packages;

import com.fasterxml.jackson.annotation.JsonValue;

/** A package ecosystem whose database strata reads inside an image. */
public enum Ecosystem {
    DPKG("dpkg"),
    APK("apk"),
    RPM("rpm"),
    PYTHON("python"),
    CONDA("conda"),
    NPM("npm"),
    R("r");

    private final String id;

    Ecosystem(String id) {
        this.id = id;
    }

    /** The lowercase name used in JSON and text output. */
    @JsonValue
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
