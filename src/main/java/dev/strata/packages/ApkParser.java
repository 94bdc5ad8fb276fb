package dev.strata.packages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alpine's {@code /lib/apk/db/installed}: paragraphs of single-letter fields ({@code P:} name,
 * {@code V:} version, {@code A:} arch, {@code o:} origin), then {@code F:} a directory followed by
 * {@code R:} files inside it.
 */
public final class ApkParser {
    private ApkParser() {}

    public static List<Package> parse(String sourcePath, byte[] bytes, OsRelease os) {
        List<Package> out = new ArrayList<>();
        String name = null;
        String version = null;
        String arch = null;
        String origin = null;
        String dir = "";
        List<String> files = new ArrayList<>();
        for (String raw : (new String(bytes, StandardCharsets.UTF_8) + "\n\n").split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isEmpty()) {
                if (name != null && version != null) {
                    out.add(new Package(Ecosystem.APK, name, version, arch, purl(name, version, arch, origin, os), sourcePath, -1,
                            files.stream().sorted().distinct().toList()));
                }
                name = version = arch = origin = null;
                dir = "";
                files = new ArrayList<>();
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != ':') {
                continue;
            }
            String value = line.substring(2);
            switch (line.charAt(0)) {
                case 'P' -> name = value;
                case 'V' -> version = value;
                case 'A' -> arch = value;
                case 'o' -> origin = value;
                case 'F' -> {
                    dir = value;
                    String d = PathNames.normalise(value);
                    if (d != null && !d.equals("/")) {
                        files.add(d);
                    }
                }
                case 'R' -> {
                    String f = PathNames.resolve("/" + dir, value);
                    if (f != null) {
                        files.add(f);
                    }
                }
                default -> { }
            }
        }
        return out;
    }

    static String purl(String name, String version, String arch, String origin, OsRelease os) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("arch", arch);
        q.put("distro", os.distro());
        if (origin != null && !origin.equals(name)) {
            q.put("upstream", origin);
        }
        return Purl.of("apk", os.namespaceOr("alpine"), name.toLowerCase(java.util.Locale.ROOT), version, q);
    }
}
