package dev.strata.packages;

import java.util.Comparator;

/** The version ordering each ecosystem's package manager uses. */
public final class VersionOrder {
    private VersionOrder() {}

    public static Comparator<String> of(Ecosystem ecosystem) {
        return switch (ecosystem) {
            case DPKG -> DebianVersionComparator.INSTANCE;
            case RPM -> RpmVersionComparator.INSTANCE;
            case APK -> ApkVersionComparator.INSTANCE;
            case PYTHON -> Pep440Comparator.INSTANCE;
            case NPM -> SemverComparator.INSTANCE;
            case CONDA, R -> GenericVersionComparator.INSTANCE;
        };
    }
}
