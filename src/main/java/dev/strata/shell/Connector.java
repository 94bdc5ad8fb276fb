package dev.strata.shell;

/** What joins a simple command to the one after it. */
public enum Connector {
    /** {@code &&} */
    AND,
    /** {@code ||} */
    OR,
    /** {@code |} or {@code |&}: the next command reads this one's output */
    PIPE,
    /** {@code ;} */
    SEQUENCE,
    /** {@code &} */
    BACKGROUND,
    /** a newline */
    NEWLINE,
    /** nothing follows at this nesting level */
    END
}
