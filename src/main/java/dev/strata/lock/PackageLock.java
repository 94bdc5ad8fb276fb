package dev.strata.lock;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A package installed by a package manager during the build, at the version actually installed.
 *
 * @param ecosystem {@code apt}, {@code apk}, {@code rpm}, {@code pip}, {@code conda}, {@code npm},
 *     {@code r}
 * @param name the package name as the manager spells it
 * @param version the exact version installed
 * @param build conda build string, else absent
 * @param hashes {@code sha256:<hex>} of the distribution files (pip, from the index), sorted
 * @param source where the version was read (image digest or file) and the hashes from (index URL)
 * @param resolvedAt when (ISO-8601 UTC)
 * @param repositories where the package manager of the image fetches this package from, for drift:
 *     conda the channel subdirectory URL the package came from ({@code conda-meta} {@code channel}
 *     and {@code subdir}); apk the repositories of {@code /etc/apk/repositories}; rpm the
 *     {@code baseurl}s of the enabled repositories of {@code /etc/yum.repos.d}; in the image's
 *     order; absent for other ecosystems and in older locks
 */
@JsonPropertyOrder({"ecosystem", "name", "version", "build", "hashes", "source", "resolvedAt", "repositories"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PackageLock(
        String ecosystem, String name, String version, String build, List<String> hashes, String source, String resolvedAt,
        List<String> repositories) {

    public PackageLock {
        hashes = hashes == null ? List.of() : List.copyOf(hashes);
        repositories = repositories == null ? List.of() : List.copyOf(repositories);
    }

    /** A package lock without recorded repositories. */
    public PackageLock(String ecosystem, String name, String version, String build, List<String> hashes, String source, String resolvedAt) {
        this(ecosystem, name, version, build, hashes, source, resolvedAt, List.of());
    }
}
