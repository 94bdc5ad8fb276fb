package dev.strata.packages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dpkg's database: {@code /var/lib/dpkg/status} (or one file per package under distroless
 * {@code status.d/}), {@code info/<pkg>.list} (owned paths) and {@code info/<pkg>.md5sums}.
 */
public final class DpkgParser {
    private DpkgParser() {}

    /** Status words (third word of Status:) for which the package's files are on disk. */
    private static final Set<String> PRESENT =
            Set.of("installed", "unpacked", "half-configured", "half-installed", "triggers-awaited", "triggers-pending");

    /**
     * Packages of a status file. A paragraph without a Status field (distroless status.d entries
     * often omit it) counts as installed; "config-files" and "not-installed" ones are left out.
     */
    public static List<Package> parseStatus(String sourcePath, byte[] bytes, OsRelease os) {
        List<Package> out = new ArrayList<>();
        for (Map<String, String> p : Dcf.paragraphs(bytes)) {
            String name = Dcf.field(p, "Package");
            String version = Dcf.field(p, "Version");
            if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
                continue;
            }
            String status = Dcf.field(p, "Status");
            if (status != null) {
                String[] words = status.trim().split("\\s+");
                if (words.length < 3 || !PRESENT.contains(words[2])) {
                    continue;
                }
            }
            String arch = Dcf.field(p, "Architecture");
            out.add(new Package(Ecosystem.DPKG, name, version, arch, purl(name, version, arch, os), sourcePath, -1, List.of()));
        }
        return out;
    }

    static String purl(String name, String version, String arch, OsRelease os) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("arch", arch);
        q.put("distro", os.distro());
        return Purl.of("deb", os.namespaceOr("debian"), name, version, q);
    }

    /** Paths of an {@code info/*.list} file: one absolute path per line; "/." (the root) dropped. */
    public static List<String> parseList(byte[] bytes) {
        List<String> out = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            String path = PathNames.normalise(line);
            if (path != null && !path.equals("/")) {
                out.add(path);
            }
        }
        return out;
    }

    /** Paths of an {@code md5sums} file: "hexdigest  relative/path" lines, made absolute. */
    public static List<String> parseMd5sums(byte[] bytes) {
        List<String> out = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int sp = line.indexOf(' ');
            if (sp <= 0) {
                continue;
            }
            String path = PathNames.normalise(line.substring(sp).trim());
            if (path != null && !path.equals("/")) {
                out.add(path);
            }
        }
        return out;
    }
}
