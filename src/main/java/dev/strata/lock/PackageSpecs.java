package dev.strata.lock;

import java.util.Optional;

/** How each package manager spells "exactly this version" on its command line. */
final class PackageSpecs {
    private PackageSpecs() {}

    /** {@code prefix} is the name as written (with pip extras); empty for ecosystems with no in-place form. */
    static Optional<String> pinned(String ecosystem, String prefix, PackageLock lock) {
        String v = lock.version();
        return switch (ecosystem) {
            case "apt", "apk" -> Optional.of(prefix + "=" + v);
            case "pip" -> Optional.of(prefix + "==" + v);
            case "conda" -> Optional.of(prefix + "=" + v + (lock.build() == null ? "" : "=" + lock.build()));
            case "npm" -> Optional.of(prefix + "@" + v);
            case "rpm" -> Optional.of(prefix + "-" + v);
            default -> Optional.empty();
        };
    }
}
