package dev.strata.image;

import java.util.Locale;

/** OCI platform strings "os/arch[/variant]" and the host's platform. */
final class Platforms {
    private Platforms() {}

    /** A parsed platform; variant may be null. */
    record Platform(String os, String architecture, String variant) {
        static Platform parse(String s) {
            String[] p = s.trim().split("/");
            if (p.length < 2 || p.length > 3 || p[0].isEmpty() || p[1].isEmpty()) {
                throw new IllegalArgumentException("platform \"" + s + "\" is not os/arch[/variant]");
            }
            return new Platform(p[0].toLowerCase(Locale.ROOT), normalizeArch(p[1].toLowerCase(Locale.ROOT)),
                    p.length == 3 ? p[2].toLowerCase(Locale.ROOT) : null);
        }

        /** Does this platform (as requested) accept {@code candidate} (as stored)? */
        boolean accepts(Platform candidate) {
            if (!os.equals(candidate.os) || !architecture.equals(candidate.architecture)) {
                return false;
            }
            if (variant == null) {
                return true;
            }
            return variant.equals(defaultVariant(candidate));
        }

        private static String defaultVariant(Platform p) {
            if (p.variant != null) {
                return p.variant;
            }
            return p.architecture.equals("arm64") ? "v8" : null;
        }

        @Override
        public String toString() {
            return os + "/" + architecture + (variant == null ? "" : "/" + variant);
        }
    }

    /** Go's GOARCH names, which OCI uses, for the JVM's os.arch values. */
    static String normalizeArch(String arch) {
        return switch (arch) {
            case "x86_64", "amd64", "x64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            case "arm", "armv7l", "armhf" -> "arm";
            case "ppc64le", "powerpc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            case "loongarch64" -> "loong64";
            default -> arch;
        };
    }

    /** Containers are Linux images whatever the host OS; the architecture is the JVM's. */
    static String host() {
        return "linux/" + normalizeArch(System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT));
    }
}
