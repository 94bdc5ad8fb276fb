package dev.strata.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The rule pages (docs/rules/&lt;id&gt;.md, packaged into the jar by the build) as help for
 * reports: the page's markdown as written, and a plain-text rendering of it.
 */
public final class RuleHelp {
    /** Where the build puts the pages inside the jar. */
    static final String RESOURCE_DIR = "/dev/strata/rules/docs/";

    private RuleHelp() {}

    /** The markdown page of a rule, or empty when the jar carries none for that id. */
    public static Optional<String> markdown(String ruleId) {
        if (!ruleId.matches("[a-z0-9-]+")) {
            return Optional.empty();
        }
        try (InputStream in = RuleHelp.class.getResourceAsStream(RESOURCE_DIR + ruleId + ".md")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the packaged rule page " + ruleId + ".md", e);
        }
    }

    /**
     * Markdown as plain text: heading marks, emphasis stars, code fences and inline backticks
     * removed, everything else (lists, line breaks, code lines) kept as written.
     */
    public static String plainText(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length());
        for (String line : markdown.split("\n", -1)) {
            String l = line;
            if (l.startsWith("```")) {
                continue;
            }
            int hashes = 0;
            while (hashes < l.length() && l.charAt(hashes) == '#') {
                hashes++;
            }
            if (hashes > 0 && hashes <= 6 && hashes < l.length() && l.charAt(hashes) == ' ') {
                l = l.substring(hashes + 1);
            }
            out.append(l.replace("**", "").replace("`", "")).append('\n');
        }
        return out.toString().strip() + "\n";
    }
}
