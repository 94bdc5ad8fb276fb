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
 */
@JsonPropertyOrder({"ecosystem", "name", "version", "build", "hashes", "source", "resolvedAt"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PackageLock(
        String ecosystem, String name, String version, String build, List<String> hashes, String source, String resolvedAt) {

    public PackageLock {
        hashes = hashes == null ? List.of() : List.copyOf(hashes);
    }
}
