package dev.strata.project;

import java.util.List;

/**
 * A parsed lock file (or requirements file) with its packages.
 *
 * @param file           path relative to the project root
 * @param format         which lock format
 * @param packages       locked packages in file order
 * @param contentHash    the manifest hash the lock records ({@code content-hash},
 *                       {@code _meta.hash.sha256}, …), "" when the format has none
 * @param runtimeVersion interpreter version the lock records (R version, Julia version,
 *                       requires-python), "" when not recorded
 * @param problems       what could not be understood
 */
public record LockFile(
        String file,
        LockFormat format,
        List<LockedPackage> packages,
        String contentHash,
        String runtimeVersion,
        List<ParseProblem> problems) {

    public LockFile {
        packages = List.copyOf(packages);
        problems = List.copyOf(problems);
    }

    /** True when the lock records at least one package and every package has a hash. */
    public boolean fullyHashed() {
        return !packages.isEmpty() && packages.stream().allMatch(LockedPackage::hasHashes);
    }
}
