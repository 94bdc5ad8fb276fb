package dev.strata.project;

import java.util.List;

/**
 * One package entry of a lock file (uv.lock, poetry.lock, Pipfile.lock, pdm.lock, pylock.toml,
 * conda-lock, conda explicit spec, renv.lock, Julia Manifest.toml).
 *
 * @param file      lock file, relative to the project root (or as named to the parser)
 * @param line      1-based line of the entry, 0 when the format gives no usable line
 * @param ecosystem "pypi", "conda", "cran" (R), "julia"
 * @param name      package name as written
 * @param version   locked version, "" when the entry has none (e.g. a path dependency)
 * @param source    where it comes from: registry/channel/URL/git, "" when not recorded
 * @param platform  platform the entry is for (conda-lock, explicit), "" when any
 * @param hashes    {@code algorithm:hex} digests recorded for its artifacts
 */
public record LockedPackage(
        String file,
        int line,
        String ecosystem,
        String name,
        String version,
        String source,
        String platform,
        List<String> hashes) {

    public LockedPackage {
        hashes = List.copyOf(hashes);
    }

    public boolean hasHashes() {
        return !hashes.isEmpty();
    }
}
