package dev.strata.rebuild;

import java.util.List;

/**
 * An image difference linked to the audit findings that explain it, e.g. {@code python3-numpy
 * upgraded} ← {@code apt-unpinned at Dockerfile:3}.
 *
 * @param cause index into {@link RebuildResult#causes()}
 * @param subject what changed, as shown to people ("python3-numpy 1.24.2-1 → 1.26.4-1 (dpkg)", "/out/date")
 * @param findings the findings that explain it
 */
public record CauseExplanation(int cause, String subject, List<LinkedFinding> findings) {
    public CauseExplanation {
        findings = List.copyOf(findings);
    }

    /**
     * One audit finding.
     *
     * @param rule the audit rule id ("apt-unpinned")
     * @param file the file it points at, relative to the project ("Dockerfile")
     * @param line 1-based line
     * @param message the audit's message
     */
    public record LinkedFinding(String rule, String file, int line, String message) {}
}
