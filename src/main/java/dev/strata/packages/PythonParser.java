package dev.strata.packages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Installed Python distributions: {@code *.dist-info/METADATA} with {@code RECORD} (wheels, pip),
 * {@code *.egg-info/PKG-INFO} with {@code installed-files.txt}, and single-file {@code *.egg-info}
 * (distutils, as Debian's python3-* packages ship some).
 */
public final class PythonParser {
    private PythonParser() {}

    /** The distribution a METADATA / PKG-INFO document describes; null when Name or Version is missing. */
    public static Package parseMetadata(String sourcePath, byte[] bytes) {
        Map<String, String> h = Dcf.header(bytes);
        String name = Dcf.field(h, "Name");
        String version = Dcf.field(h, "Version");
        if (name == null || name.isBlank() || version == null || version.isBlank()) {
            return null;
        }
        return new Package(Ecosystem.PYTHON, name.trim(), version.trim(), null,
                Purl.of("pypi", null, normaliseName(name), version.trim(), Map.of()), sourcePath, -1, List.of());
    }

    /** PEP 503 name normalisation: lowercase, runs of "-", "_", "." become one "-". */
    public static String normaliseName(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /**
     * Files listed in a RECORD (CSV: path,hash,size; paths relative to the directory that holds the
     * .dist-info directory, may climb out of it with "..").
     */
    public static List<String> parseRecord(String distInfoDir, byte[] bytes) {
        String root = PathNames.parent(distInfoDir);
        List<String> out = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            String path = firstCsvField(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            if (path != null && !path.isEmpty()) {
                out.add(PathNames.resolve(root, path));
            }
        }
        return out.stream().sorted().distinct().toList();
    }

    /** Files listed in an egg-info's installed-files.txt (paths relative to the .egg-info directory). */
    public static List<String> parseInstalledFiles(String eggInfoDir, byte[] bytes) {
        List<String> out = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            String l = line.strip();
            if (!l.isEmpty()) {
                out.add(PathNames.resolve(eggInfoDir, l));
            }
        }
        return out.stream().sorted().distinct().toList();
    }

    private static String firstCsvField(String line) {
        if (line.isEmpty()) {
            return null;
        }
        if (line.charAt(0) != '"') {
            int comma = line.indexOf(',');
            return comma < 0 ? line : line.substring(0, comma);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else {
                    return b.toString();
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
