package dev.strata.compare;

import dev.strata.packages.Ecosystem;

/**
 * Files a package manager rewrites as a whole whenever any package changes (the status database,
 * trigger state, debconf's database, the alternatives registry, apt's record of automatically
 * installed packages, the dynamic linker cache). When
 * packages of that ecosystem changed, these changes are explained by them.
 */
final class SharedDatabases {
    private SharedDatabases() {}

    static boolean belongsTo(Ecosystem e, String path) {
        return switch (e) {
            case DPKG -> path.equals("/var/lib/dpkg/status") || path.equals("/var/lib/dpkg/available")
                    || path.equals("/var/lib/dpkg/diversions") || path.equals("/var/lib/dpkg/statoverride")
                    || path.startsWith("/var/lib/dpkg/triggers/") || path.startsWith("/var/lib/dpkg/alternatives/")
                    || path.startsWith("/etc/alternatives/") || path.startsWith("/var/cache/debconf/")
                    || path.equals("/etc/ld.so.cache") || path.equals("/var/lib/dpkg/info/format")
                    || path.equals("/var/lib/apt/extended_states");
            case APK -> path.startsWith("/lib/apk/db/") || path.equals("/etc/apk/world") || path.equals("/etc/ld.so.cache");
            case RPM -> path.startsWith("/var/lib/rpm/") || path.startsWith("/usr/lib/sysimage/rpm/") || path.equals("/etc/ld.so.cache");
            case PYTHON, CONDA, NPM, R -> false;
        };
    }
}
