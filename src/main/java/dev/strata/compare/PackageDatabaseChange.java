package dev.strata.compare;

import dev.strata.packages.Ecosystem;
import java.util.List;

/**
 * Shared package-database files (e.g. {@code /var/lib/dpkg/status}) that changed because packages
 * of this ecosystem changed; explained by the package causes listed with it.
 *
 * @param ecosystem the database's ecosystem
 * @param files the changed database files
 */
public record PackageDatabaseChange(Ecosystem ecosystem, List<FileChange> files) implements Cause {
    public PackageDatabaseChange {
        files = List.copyOf(files);
    }

    @Override
    public String kind() {
        return "package-database-changed";
    }
}
