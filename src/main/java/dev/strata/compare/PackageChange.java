package dev.strata.compare;

import dev.strata.packages.Ecosystem;
import java.util.List;

/**
 * A package added, removed, upgraded or downgraded, with the changed files it owns folded under it.
 *
 * @param change what happened to it
 * @param ecosystem which package database lists it
 * @param name the package name
 * @param arch architecture where recorded, else null
 * @param from version in A, null when added
 * @param to version in B, null when removed
 * @param introducedBy the instruction (history created_by) of the layer that installed the B
 *     version (for removals: that removed it from A's point of view is unknown, so A's installing
 *     layer), or null
 * @param files the changed files the package owns (in either version)
 */
public record PackageChange(
        Change change, Ecosystem ecosystem, String name, String arch, String from, String to, String introducedBy, List<FileChange> files)
        implements Cause {

    /** The four directions, plus "changed" for versions that differ as strings but order equal. */
    public enum Change {
        ADDED("package-added"),
        REMOVED("package-removed"),
        UPGRADED("package-upgraded"),
        DOWNGRADED("package-downgraded"),
        CHANGED("package-changed");

        private final String kind;

        Change(String kind) {
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }

    public PackageChange {
        files = List.copyOf(files);
    }

    @Override
    public String kind() {
        return change.kind();
    }
}
