package dev.strata.lock;

import java.util.Locale;

/** What became of one locked input. */
public enum DriftStatus {
    /** Still resolves to what was locked. */
    OK,
    /** The tag, branch or moving name now points elsewhere; the pin still holds (informational). */
    MOVED,
    /** What the pin names can no longer be fetched: the pinned build will break. */
    GONE,
    /** Nothing available to check it against (no index given for that ecosystem). */
    UNCHECKED,
    /** The index it is checked against could not be read: nothing can be concluded. */
    ERROR;

    /** Lower-case name used in text and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
