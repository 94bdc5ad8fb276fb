package dev.strata.compare;

/**
 * Why two images differ. Each kind names its subject (a package, a path, a config field or the
 * base layers) and what explains it. {@link #kind()} is the JSON {@code kind} string.
 */
public sealed interface Cause permits BaseImageChange, PackageChange, PackageDatabaseChange, FileChange, ConfigChange {
    String kind();
}
