package dev.strata.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A checksum list as written by {@code sha256sum}/{@code md5sum} ({@code HEX  path},
 * {@code HEX *path}) or BSD style ({@code SHA256 (path) = HEX}); a {@code NAME.sha256} file may
 * hold just the digest of {@code NAME}. The algorithm of each entry is named by BSD lines and
 * otherwise inferred from the digest length.
 *
 * @param file     the manifest
 * @param entries  parsed entries in order
 * @param problems lines that are not checksum entries
 */
public record ChecksumManifest(String file, List<Entry> entries, List<ParseProblem> problems) {

    /** One listed file: algorithm ("sha256", "md5", …), hex digest, path as written, line. */
    public record Entry(int line, String algorithm, String digest, String path) {}

    public ChecksumManifest {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /** Parses a manifest. Never throws; linear in the text. */
    public static ChecksumManifest parse(String file, String text) {
        List<Entry> entries = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        List<String> lines = RequirementsLineParser.physicalLines(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Entry entry = bsd(i + 1, line);
            if (entry == null) {
                entry = gnu(i + 1, line, file);
            }
            if (entry == null) {
                problems.add(new ParseProblem(file, i + 1, 1, "not a checksum line"));
            } else {
                entries.add(entry);
            }
        }
        return new ChecksumManifest(file, entries, problems);
    }

    private static Entry bsd(int lineNo, String line) {
        int open = line.indexOf(" (");
        int close = line.lastIndexOf(") = ");
        if (open <= 0 || close <= open) {
            return null;
        }
        String algorithm = line.substring(0, open).toLowerCase(Locale.ROOT).replace("-", "");
        String digest = line.substring(close + 4).strip().toLowerCase(Locale.ROOT);
        if (!RequirementsLineParser.isHex(digest, 0, digest.length())) {
            return null;
        }
        return new Entry(lineNo, algorithm, digest, line.substring(open + 2, close));
    }

    private static Entry gnu(int lineNo, String line, String file) {
        int space = 0;
        while (space < line.length() && !Character.isWhitespace(line.charAt(space))) {
            space++;
        }
        String digest = line.substring(0, space).toLowerCase(Locale.ROOT);
        String algorithm = algorithmForLength(digest.length());
        if (algorithm == null || !RequirementsLineParser.isHex(digest, 0, digest.length())) {
            return null;
        }
        String path = line.substring(space).strip();
        if (path.startsWith("*")) {
            path = path.substring(1);
        }
        if (path.isEmpty()) {
            String name = ProjectFiles.fileName(file);
            int dot = name.lastIndexOf('.');
            if (dot <= 0) {
                return null;
            }
            path = name.substring(0, dot);
        }
        return new Entry(lineNo, algorithm, digest, path);
    }

    private static String algorithmForLength(int length) {
        return switch (length) {
            case 32 -> "md5";
            case 40 -> "sha1";
            case 64 -> "sha256";
            case 96 -> "sha384";
            case 128 -> "sha512";
            default -> null;
        };
    }

    /** True when a file name is a checksum manifest this class reads. */
    public static boolean isManifestName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("sha256sums") || lower.equals("sha512sums") || lower.equals("sha1sums")
                || lower.equals("md5sums") || lower.equals("checksums") || lower.matches("(sha256|sha512|sha1|md5)sums?\\.txt")
                || lower.equals("checksums.txt") || lower.endsWith(".sha256") || lower.endsWith(".sha512")
                || lower.endsWith(".md5") || lower.endsWith(".sha256sum") || lower.endsWith(".md5sum");
    }
}
