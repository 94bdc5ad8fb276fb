package dev.strata.lock;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Time stamps as the lock writes them: UTC, whole seconds. */
final class LockClock {
    private static final DateTimeFormatter SNAPSHOT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private LockClock() {}

    static String format(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** snapshot.debian.org's {@code 20240101T000000Z} form. */
    static String snapshot(Instant t) {
        return SNAPSHOT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
