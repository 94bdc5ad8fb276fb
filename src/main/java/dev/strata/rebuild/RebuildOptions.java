package dev.strata.rebuild;

import dev.strata.build.Variation;
import dev.strata.compare.CompareOptions;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to rebuild.
 *
 * @param builds how many builds (at least 2); every pair is compared
 * @param builder "auto" (first usable of buildah, podman, docker) or a builder's name
 * @param dockerfile the Dockerfile, relative to the project directory
 * @param vary the variations switched on between builds
 * @param sourceDateEpoch a fixed SOURCE_DATE_EPOCH for every build (turns time variation off), or null
 * @param timestamp also use the builder's timestamp option with SOURCE_DATE_EPOCH (or 0 when none is
 *     given): buildah/podman {@code --timestamp}, BuildKit {@code rewrite-timestamp}
 * @param buildArgs {@code --build-arg} values passed to every build
 * @param target {@code --target} stage, or null
 * @param platform {@code --platform}, or null
 * @param secrets {@code --secret} values, passed through
 * @param keep keep the work directory (images, logs) instead of removing it
 * @param workDir where to work (must not exist or be empty), or null for a new temporary directory
 * @param compare how to compare the images (noise rules; strict)
 */
public record RebuildOptions(
        int builds,
        String builder,
        String dockerfile,
        Set<Variation> vary,
        Long sourceDateEpoch,
        boolean timestamp,
        Map<String, String> buildArgs,
        String target,
        String platform,
        List<String> secrets,
        boolean keep,
        Path workDir,
        CompareOptions compare) {

    public RebuildOptions {
        if (builds < 2) {
            throw new IllegalArgumentException("--builds must be at least 2 (got " + builds + ")");
        }
        vary = vary.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(vary));
        buildArgs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
        secrets = List.copyOf(secrets);
    }

    /** Two builds, auto-detected builder, ./Dockerfile, every variation, default noise rules. */
    public static RebuildOptions defaults() {
        return new RebuildOptions(2, "auto", "Dockerfile", EnumSet.allOf(Variation.class), null, false, Map.of(), null,
                null, List.of(), false, null, CompareOptions.defaults());
    }

    public RebuildOptions withBuilds(int n) {
        return new RebuildOptions(n, builder, dockerfile, vary, sourceDateEpoch, timestamp, buildArgs, target, platform,
                secrets, keep, workDir, compare);
    }

    public RebuildOptions withBuilder(String b) {
        return new RebuildOptions(builds, b, dockerfile, vary, sourceDateEpoch, timestamp, buildArgs, target, platform,
                secrets, keep, workDir, compare);
    }

    public RebuildOptions withDockerfile(String d) {
        return new RebuildOptions(builds, builder, d, vary, sourceDateEpoch, timestamp, buildArgs, target, platform,
                secrets, keep, workDir, compare);
    }

    public RebuildOptions withVary(Set<Variation> v) {
        return new RebuildOptions(builds, builder, dockerfile, v, sourceDateEpoch, timestamp, buildArgs, target,
                platform, secrets, keep, workDir, compare);
    }

    /** Fixed SOURCE_DATE_EPOCH, and whether the builder's timestamp option is used with it. */
    public RebuildOptions withFixedTime(Long epoch, boolean useTimestamp) {
        return new RebuildOptions(builds, builder, dockerfile, vary, epoch, useTimestamp, buildArgs, target, platform,
                secrets, keep, workDir, compare);
    }

    public RebuildOptions withBuildArgs(Map<String, String> args) {
        return new RebuildOptions(builds, builder, dockerfile, vary, sourceDateEpoch, timestamp, args, target, platform,
                secrets, keep, workDir, compare);
    }

    public RebuildOptions withTargetPlatformSecrets(String t, String p, List<String> s) {
        return new RebuildOptions(builds, builder, dockerfile, vary, sourceDateEpoch, timestamp, buildArgs, t, p, s,
                keep, workDir, compare);
    }

    public RebuildOptions withKeep(boolean k, Path dir) {
        return new RebuildOptions(builds, builder, dockerfile, vary, sourceDateEpoch, timestamp, buildArgs, target,
                platform, secrets, k, dir, compare);
    }

    public RebuildOptions withCompare(CompareOptions c) {
        return new RebuildOptions(builds, builder, dockerfile, vary, sourceDateEpoch, timestamp, buildArgs, target,
                platform, secrets, keep, workDir, c);
    }
}
