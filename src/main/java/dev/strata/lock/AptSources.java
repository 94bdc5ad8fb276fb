package dev.strata.lock;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The archive components an image's own apt sources use for its release: the {@code Components:}
 * of the deb822 {@code debian.sources} / {@code ubuntu.sources} stanzas and the components of
 * one-line {@code deb} entries in {@code sources.list}, for the suites of the release
 * ({@code bookworm}, {@code bookworm-updates}, {@code bookworm-security}, {@code bookworm-backports},
 * {@code bookworm/updates}).
 * Source-package ({@code deb-src}) entries, disabled stanzas and other suites (third-party
 * repositories) are ignored.
 */
final class AptSources {
    /** The suffixes of the release's own suites; others ({@code bookworm-pgdg}) are third-party repositories. */
    private static final Set<String> POCKETS = Set.of("", "-updates", "-security", "-backports", "-proposed", "/updates");

    private AptSources() {}

    /**
     * The components in order of first appearance, over the files given ({@code path -> text});
     * empty when none of them names the release.
     */
    static List<String> components(Map<String, String> files, String codename) {
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (f.getKey().endsWith(".sources")) {
                deb822(f.getValue(), codename, out);
            } else {
                oneLine(f.getValue(), codename, out);
            }
        }
        return List.copyOf(out);
    }

    /** A suite of the release: the codename itself or one of its pockets. */
    static boolean ofRelease(String suite, String codename) {
        return suite.startsWith(codename) && POCKETS.contains(suite.substring(codename.length()));
    }

    private static void oneLine(String text, String codename, Set<String> out) {
        for (String raw : text.split("\n")) {
            String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
            line = line.replaceAll("\\[[^\\]]*\\]", " ").trim();
            String[] words = line.split("\\s+");
            if (words.length < 4 || !words[0].equals("deb") || !ofRelease(words[2], codename)) {
                continue;
            }
            for (int k = 3; k < words.length; k++) {
                addComponent(words[k], out);
            }
        }
    }

    private static void deb822(String text, String codename, Set<String> out) {
        for (String stanza : text.replace("\r", "").split("\n\\s*\n")) {
            Map<String, String> fields = new java.util.HashMap<>();
            String key = null;
            for (String line : stanza.split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                if ((line.startsWith(" ") || line.startsWith("\t")) && key != null) {
                    fields.merge(key, " " + line.trim(), String::concat);
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    fields.put(key, line.substring(colon + 1).trim());
                }
            }
            List<String> types = words(fields.get("types"));
            boolean enabled = !"no".equalsIgnoreCase(fields.getOrDefault("enabled", "yes").trim());
            if (!enabled || !types.contains("deb") || words(fields.get("suites")).stream().noneMatch(s -> ofRelease(s, codename))) {
                continue;
            }
            for (String c : words(fields.get("components"))) {
                addComponent(c, out);
            }
        }
    }

    private static void addComponent(String c, Set<String> out) {
        if (c.matches("[a-z0-9][a-z0-9-]*")) {
            out.add(c);
        }
    }

    private static List<String> words(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String w : value.trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }
}
