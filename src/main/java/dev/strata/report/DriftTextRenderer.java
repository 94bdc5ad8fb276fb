package dev.strata.report;

import dev.strata.lock.DriftEntry;
import dev.strata.lock.DriftReport;
import dev.strata.lock.DriftStatus;

/** {@code strata drift} for people: one line per input, then a summary. */
public final class DriftTextRenderer {
    private DriftTextRenderer() {}

    public static String render(DriftReport report) {
        StringBuilder s = new StringBuilder();
        for (DriftEntry e : report.entries()) {
            s.append(String.format("%-9s %-8s %s%n", e.status().label(), e.kind(), e.subject()));
            s.append("          ").append(e.detail()).append(System.lineSeparator());
            if (e.status() == DriftStatus.MOVED || e.status() == DriftStatus.GONE) {
                s.append("          locked:  ").append(e.locked()).append(System.lineSeparator());
                if (e.current() != null) {
                    s.append("          now:     ").append(e.current()).append(System.lineSeparator());
                }
            }
        }
        s.append(String.format("%s: %d ok, %d moved, %d gone, %d unchecked", report.lockFile(),
                report.count(DriftStatus.OK), report.count(DriftStatus.MOVED), report.count(DriftStatus.GONE),
                report.count(DriftStatus.UNCHECKED)));
        if (report.count(DriftStatus.ERROR) > 0) {
            s.append(String.format(", %d not checked (error)", report.count(DriftStatus.ERROR)));
        }
        s.append(System.lineSeparator());
        return s.toString();
    }
}
