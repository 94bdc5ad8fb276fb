package dev.strata.rebuild;

import dev.strata.build.Variation;
import dev.strata.compare.Cause;
import dev.strata.compare.Verdict;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@code strata rebuild}.
 *
 * @param verdict bitwise-identical, functionally-equivalent, different or build-failed: the worst
 *     over every compared pair, or build-failed when a build failed
 * @param builder the builder used ("buildah", "podman", "docker")
 * @param builderDetail what its probe found (version, storage)
 * @param project the project directory
 * @param dockerfile the Dockerfile, relative to the project
 * @param varied the variations applied between builds
 * @param unsupported variations that were asked for but the builder cannot apply
 * @param sourceDateEpoch the fixed SOURCE_DATE_EPOCH, or null
 * @param timestamp whether the builder's timestamp option was used
 * @param builds every build that ran, in order (a rebuild stops at the first failed build)
 * @param comparisons every pair of builds compared
 * @param causes why the images differ (from the first pair with the worst verdict); empty otherwise
 * @param explanations audit findings that explain the causes (empty when none apply or no audit ran)
 * @param failure why the build failed, when the verdict is build-failed
 * @param timings where the time went
 * @param workDir the work directory (exists afterwards only when {@code kept})
 * @param kept whether the work directory (archives, logs) was kept
 */
public record RebuildResult(
        Verdict verdict,
        String builder,
        String builderDetail,
        Path project,
        String dockerfile,
        List<Variation> varied,
        List<Variation> unsupported,
        Long sourceDateEpoch,
        boolean timestamp,
        List<BuildRecord> builds,
        List<PairComparison> comparisons,
        List<Cause> causes,
        List<CauseExplanation> explanations,
        BuildFailure failure,
        Timings timings,
        Path workDir,
        boolean kept) {

    public RebuildResult {
        varied = List.copyOf(varied);
        unsupported = List.copyOf(unsupported);
        builds = List.copyOf(builds);
        comparisons = List.copyOf(comparisons);
        causes = List.copyOf(causes);
        explanations = List.copyOf(explanations);
    }

    /** CLI exit code: 0 for identical or equivalent, 1 for different or build-failed. */
    public int exitCode() {
        return verdict.exitCode();
    }
}
