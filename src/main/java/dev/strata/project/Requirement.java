package dev.strata.project;

import java.util.List;
import java.util.Locale;

/**
 * One requirement from a pip requirements file or a conda environment's {@code pip:} list.
 *
 * @param file      file the line came from (as named to the parser; includes keep their own name)
 * @param line      1-based physical line where the (possibly continued) logical line starts
 * @param name      distribution name as written; for URL/VCS/path lines the {@code #egg=} name or
 *                  the archive's name, else the URL itself. Never null.
 * @param extras    extras in brackets, in order
 * @param specifier version specifier as written without spaces ({@code ">=1.0,<2"}), "" if none
 * @param url       direct URL, VCS URL or path; null for plain named requirements
 * @param marker    environment marker after {@code ;}, null if none
 * @param kind      how the requirement is located
 * @param editable  given with {@code -e}/{@code --editable}
 * @param constraint comes from a {@code -c} constraints file (limits versions, installs nothing)
 * @param hashes    {@code algorithm:hex} values from {@code --hash} options and a URL's
 *                  {@code #sha256=} fragment
 * @param pinned    exactly one version ({@code ==V} without wildcard, or {@code ===V}), a VCS URL
 *                  at a full commit id, or a URL carrying a sha256/384/512 fragment
 * @param version   the pinned version for {@code ==}/{@code ===}, the commit for VCS; else null
 * @param text      the logical line as written (continuations joined, comment removed)
 */
public record Requirement(
        String file,
        int line,
        String name,
        List<String> extras,
        String specifier,
        String url,
        String marker,
        RequirementKind kind,
        boolean editable,
        boolean constraint,
        List<String> hashes,
        boolean pinned,
        String version,
        String text) {

    public Requirement {
        extras = List.copyOf(extras);
        hashes = List.copyOf(hashes);
    }

    /** PEP 503 normalised name: runs of {@code -_.} become one {@code -}, lower case. */
    public String normalizedName() {
        return normalize(name);
    }

    public boolean hasHashes() {
        return !hashes.isEmpty();
    }

    /** PEP 503 name normalisation, written as a single linear pass. */
    public static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean inRun = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' || c == '_' || c == '.') {
                if (!inRun) {
                    out.append('-');
                }
                inRun = true;
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    Requirement asConstraint() {
        return new Requirement(file, line, name, extras, specifier, url, marker, kind, editable, true,
                hashes, pinned, version, text);
    }
}
