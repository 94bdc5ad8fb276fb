package dev.strata.lock;

import java.util.List;

/**
 * Where the locked packages of one ecosystem can be checked for drift: a package index, a
 * registry, an archive snapshot or a repository. {@link DriftChecker} hands every archive the
 * locked packages of its {@link #ecosystem()} in lock order.
 */
public interface PackageArchive {
    /** The lock ecosystem this archive checks ({@code pip}, {@code npm}, {@code apt}, ...). */
    String ecosystem();

    /**
     * The drift of each of {@code locked} (all of this archive's ecosystem): exactly one entry per
     * package, in the same order. A package whose index can not be read is an {@code error} entry
     * or, when nothing at all can be concluded, a thrown exception.
     *
     * @param lock the whole lock, for what the packages were locked with (e.g. its apt snapshot)
     */
    List<DriftEntry> check(LockFile lock, List<PackageLock> locked) throws ResolutionException;
}
