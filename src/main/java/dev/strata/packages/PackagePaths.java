package dev.strata.packages;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Which image paths hold package databases; the image reader captures exactly these bytes. */
public final class PackagePaths {
    private PackagePaths() {}

    public static final String DPKG_STATUS = "/var/lib/dpkg/status";
    public static final String DPKG_STATUS_D = "/var/lib/dpkg/status.d/";
    public static final String DPKG_INFO = "/var/lib/dpkg/info/";
    public static final String APK_INSTALLED = "/lib/apk/db/installed";
    public static final String[] RPM_DIRS = {"/var/lib/rpm/", "/usr/lib/sysimage/rpm/"};
    public static final String[] OS_RELEASE = {"/etc/os-release", "/usr/lib/os-release"};

    private static final Pattern NPM = Pattern.compile(".*/node_modules/(@[^/]+/)?[^/@.][^/]*/package\\.json");
    private static final Pattern R_DESCRIPTION = Pattern.compile(".*/R/(site-)?library/[^/]+/DESCRIPTION");

    /** True for every path whose bytes {@link PackageInventory#of} reads. Cheap: called once per tar entry. */
    public static boolean isPackageData(String p) {
        if (p.startsWith("/var/lib/dpkg/")) {
            return p.equals(DPKG_STATUS)
                    || (p.startsWith(DPKG_STATUS_D) && p.indexOf('/', DPKG_STATUS_D.length()) < 0)
                    || (p.startsWith(DPKG_INFO) && (p.endsWith(".list") || p.endsWith(".md5sums")));
        }
        if (p.equals(APK_INSTALLED) || p.equals(OS_RELEASE[0]) || p.equals(OS_RELEASE[1])) {
            return true;
        }
        if (p.endsWith("/rpmdb.sqlite")) {
            return isRpmDir(PathNames.parent(p) + "/");
        }
        if (p.endsWith("/METADATA") || p.endsWith("/RECORD")) {
            return PathNames.parent(p).endsWith(".dist-info");
        }
        if (p.endsWith("/PKG-INFO") || p.endsWith("/installed-files.txt")) {
            return PathNames.parent(p).endsWith(".egg-info");
        }
        if (p.endsWith(".egg-info")) {
            return true; // a single-file egg-info; directories are never captured
        }
        if (p.endsWith("/package.json") && p.contains("/node_modules/")) {
            return NPM.matcher(p).matches();
        }
        if (p.endsWith(".json")) {
            return PathNames.parent(p).endsWith("/conda-meta");
        }
        if (p.endsWith("/DESCRIPTION")) {
            return R_DESCRIPTION.matcher(p).matches();
        }
        return false;
    }

    /** The capture predicate to pass to {@code ReadOptions.withCapture}. */
    public static Predicate<String> capture() {
        return PackagePaths::isPackageData;
    }

    static boolean isRpmDir(String dirWithSlash) {
        for (String d : RPM_DIRS) {
            if (d.equals(dirWithSlash)) {
                return true;
            }
        }
        return false;
    }
}
