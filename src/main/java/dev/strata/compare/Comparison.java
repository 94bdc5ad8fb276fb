package dev.strata.compare;

import dev.strata.packages.DatabaseIssue;
import java.util.List;

/**
 * The result of comparing image A with image B.
 *
 * @param verdict bitwise-identical, functionally-equivalent or different
 * @param a identity of the first image
 * @param b identity of the second image
 * @param causes why they differ, most informative first: base image, packages, package
 *     databases, files no package explains, config; empty unless the verdict is different
 * @param counts totals
 * @param noise what noise rules set aside (even for equivalent images)
 * @param rules the noise rules that were in force
 * @param issues package databases that could not be read, in either image
 */
public record Comparison(
        Verdict verdict,
        ImageSummary a,
        ImageSummary b,
        List<Cause> causes,
        Counts counts,
        List<NoiseHit> noise,
        List<NoiseRule> rules,
        List<DatabaseIssue> issues) {

    public Comparison {
        causes = List.copyOf(causes);
        noise = List.copyOf(noise);
        rules = List.copyOf(rules);
        issues = List.copyOf(issues);
    }

    /** The CLI exit code for this result. */
    public int exitCode() {
        return verdict.exitCode();
    }
}
