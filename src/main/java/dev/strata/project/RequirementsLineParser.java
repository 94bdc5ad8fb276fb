package dev.strata.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pip requirements grammar, one logical line at a time. Every method is a single forward scan
 * (no backtracking regular expressions), so a file is parsed in time linear in its length.
 */
final class RequirementsLineParser {

    private RequirementsLineParser() {}

    /** Splits text into logical lines and parses each into {@code out}. */
    static void parseInto(String file, String text, boolean constraint, RequirementsFile.Collector out) {
        // Editors on Windows often start files with a byte order mark; it is not part of the first name.
        List<String> physical = physicalLines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        StringBuilder joined = null;
        int start = 0;
        for (int i = 0; i < physical.size(); i++) {
            String line = physical.get(i);
            boolean commentOnly = isCommentOnly(line);
            if (line.endsWith("\\") && !commentOnly) {
                if (joined == null) {
                    joined = new StringBuilder();
                    start = i + 1;
                }
                joined.append(line, 0, line.length() - 1);
                continue;
            }
            if (joined != null) {
                // pip keeps a comment-only line inside a continuation as a comment of the whole line.
                joined.append(commentOnly ? " " + line : line);
                parseLogicalLine(file, start, joined.toString(), constraint, out);
                joined = null;
            } else {
                parseLogicalLine(file, i + 1, line, constraint, out);
            }
        }
        if (joined != null) {
            parseLogicalLine(file, start, joined.toString(), constraint, out);
        }
    }

    static List<String> physicalLines(String text) {
        List<String> lines = new ArrayList<>();
        int begin = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(begin, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                begin = i + 1;
            }
        }
        if (begin < n) {
            lines.add(text.substring(begin));
        }
        return lines;
    }

    private static boolean isCommentOnly(String line) {
        String t = line.strip();
        return t.startsWith("#");
    }

    /** Removes a comment: a {@code #} at the start or after whitespace, to the end of the line. */
    static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    static void parseLogicalLine(String file, int lineNo, String raw, boolean constraint,
            RequirementsFile.Collector out) {
        String text = stripComment(raw).strip();
        if (text.isEmpty()) {
            return;
        }
        if (text.startsWith("-")) {
            parseOptionLine(file, lineNo, text, constraint, out);
            return;
        }
        // pip's break_args_options: the requirement runs until the first space-separated token
        // that starts with a dash; the rest are per-requirement options.
        int optionsAt = firstOptionToken(text);
        String spec = optionsAt < 0 ? text : text.substring(0, optionsAt).strip();
        String opts = optionsAt < 0 ? "" : text.substring(optionsAt);
        List<String> hashes = new ArrayList<>();
        if (!opts.isEmpty()) {
            parsePerRequirementOptions(file, lineNo, opts, hashes, out);
        }
        parseRequirement(file, lineNo, spec, text, false, constraint, hashes, out.problems)
                .ifPresent(out.requirements::add);
    }

    private static int firstOptionToken(String text) {
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == '-' && text.charAt(i - 1) == ' ') {
                return i;
            }
        }
        return -1;
    }

    private static void parsePerRequirementOptions(String file, int lineNo, String opts,
            List<String> hashes, RequirementsFile.Collector out) {
        List<String> tokens = tokenize(file, lineNo, opts, out.problems);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String name = optionName(token);
            String value = inlineValue(token);
            switch (name) {
                case "--hash" -> {
                    if (value == null) {
                        value = i + 1 < tokens.size() ? tokens.get(++i) : null;
                    }
                    addHash(file, lineNo, value, hashes, out.problems);
                }
                case "--global-option", "--install-option", "--config-settings", "-C" -> {
                    if (value == null) {
                        i++;
                    }
                }
                default -> out.problems.add(new ParseProblem(file, lineNo, 0,
                        "unknown per-requirement option " + VersionSpecifier.clip(name)));
            }
        }
    }

    private static void addHash(String file, int lineNo, String value, List<String> hashes,
            List<ParseProblem> problems) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1 || !isHex(value, colon + 1, value.length())) {
            problems.add(new ParseProblem(file, lineNo, 0,
                    "--hash needs algorithm:hexdigest, got " + (value == null ? "nothing" : VersionSpecifier.clip(value))));
            return;
        }
        hashes.add(value.substring(0, colon).toLowerCase(java.util.Locale.ROOT) + ":"
                + value.substring(colon + 1).toLowerCase(java.util.Locale.ROOT));
    }

    private static void parseOptionLine(String file, int lineNo, String text, boolean constraint,
            RequirementsFile.Collector out) {
        List<String> tokens = tokenize(file, lineNo, text, out.problems);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String name = optionName(token);
            String value = inlineValue(token);
            boolean takesValue = switch (name) {
                case "--requirement", "--constraint", "--editable", "--index-url", "--extra-index-url",
                        "--find-links", "--trusted-host", "--no-binary", "--only-binary", "--use-feature",
                        "--config-settings", "--hash", "--global-option", "--install-option" -> true;
                default -> false;
            };
            if (takesValue && value == null) {
                if (i + 1 >= tokens.size()) {
                    out.problems.add(new ParseProblem(file, lineNo, 0, name + " needs a value"));
                    return;
                }
                value = tokens.get(++i);
            }
            switch (name) {
                case "--requirement" -> include(file, lineNo, value, constraint, out);
                case "--constraint" -> include(file, lineNo, value, true, out);
                case "--editable" -> {
                    // Everything after the editable target belongs to it (pip: per-requirement options).
                    List<String> hashes = new ArrayList<>();
                    while (i + 1 < tokens.size()) {
                        String next = tokens.get(++i);
                        if (optionName(next).equals("--hash")) {
                            String v = inlineValue(next);
                            if (v == null && i + 1 < tokens.size()) {
                                v = tokens.get(++i);
                            }
                            addHash(file, lineNo, v, hashes, out.problems);
                        }
                    }
                    parseRequirement(file, lineNo, value, text, true, constraint, hashes, out.problems)
                            .ifPresent(out.requirements::add);
                }
                case "--index-url", "--extra-index-url", "--find-links", "--trusted-host", "--no-binary",
                        "--only-binary", "--use-feature", "--config-settings", "--global-option",
                        "--install-option" -> out.options.add(new RequirementsOption(file, lineNo, name, value));
                case "--hash" -> out.problems.add(new ParseProblem(file, lineNo, 0,
                        "--hash must follow a requirement on the same logical line"));
                case "--no-index", "--require-hashes", "--pre", "--prefer-binary" ->
                        out.options.add(new RequirementsOption(file, lineNo, name, ""));
                default -> out.problems.add(new ParseProblem(file, lineNo, 0, "unknown option " + VersionSpecifier.clip(name)));
            }
        }
    }

    /** Long option name for a token, short forms normalised; {@code --x=v} gives {@code --x}. */
    private static String optionName(String token) {
        if (token.startsWith("--")) {
            int eq = token.indexOf('=');
            return eq < 0 ? token : token.substring(0, eq);
        }
        if (token.length() >= 2 && token.charAt(0) == '-') {
            return switch (token.charAt(1)) {
                case 'r' -> "--requirement";
                case 'c' -> "--constraint";
                case 'e' -> "--editable";
                case 'i' -> "--index-url";
                case 'f' -> "--find-links";
                case 'C' -> "--config-settings";
                default -> token.substring(0, 2);
            };
        }
        return token;
    }

    /** The value glued to an option ({@code --x=v}, {@code -rfile}), or null. */
    private static String inlineValue(String token) {
        if (token.startsWith("--")) {
            int eq = token.indexOf('=');
            return eq < 0 ? null : token.substring(eq + 1);
        }
        if (token.length() > 2 && token.charAt(0) == '-') {
            String rest = token.substring(2);
            return rest.startsWith("=") ? rest.substring(1) : rest;
        }
        return null;
    }

    /** Whitespace-separated tokens with single and double quotes, as shlex does for options. */
    static List<String> tokenize(String file, int lineNo, String text, List<ParseProblem> problems) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    tokens.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (quote != 0) {
            problems.add(new ParseProblem(file, lineNo, 0, "unterminated " + quote + " quote"));
        }
        if (inToken) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static void include(String file, int lineNo, String target, boolean constraint,
            RequirementsFile.Collector out) {
        if (target.contains("://")) {
            out.includes.add(new RequirementsInclude(file, lineNo, constraint, target, null));
            out.problems.add(new ParseProblem(file, lineNo, 0,
                    "include from a URL is not followed: " + VersionSpecifier.clip(target)));
            return;
        }
        Optional<IncludeLoader.Source> loaded = out.seen.size() > RequirementsFile.MAX_INCLUDED_FILES
                ? Optional.empty() : out.loader.load(file, target);
        if (loaded.isEmpty()) {
            out.includes.add(new RequirementsInclude(file, lineNo, constraint, target, null));
            if (out.loader != IncludeLoader.none() && out.seen.size() <= RequirementsFile.MAX_INCLUDED_FILES) {
                out.problems.add(new ParseProblem(file, lineNo, 0, "included file not found: " + VersionSpecifier.clip(target)));
            }
            return;
        }
        IncludeLoader.Source source = loaded.get();
        out.includes.add(new RequirementsInclude(file, lineNo, constraint, target, source.name()));
        if (out.active.contains(source.name())) {
            out.problems.add(new ParseProblem(file, lineNo, 0,
                    "include cycle: " + source.name() + " is already being read"));
            return;
        }
        if (!out.seen.add(source.name())) {
            return; // already read once (diamond include); pip would read the same lines again
        }
        out.active.add(source.name());
        parseInto(source.name(), source.text(), constraint, out);
        out.active.remove(source.name());
    }

    /**
     * Parses a requirement: PEP 508 ({@code name[extras] spec ; marker}, {@code name @ url ; marker})
     * or a bare URL/path as pip accepts it.
     */
    static Optional<Requirement> parseRequirement(String file, int lineNo, String spec, String text,
            boolean editable, boolean constraint, List<String> hashes, List<ParseProblem> problems) {
        String s = spec.strip();
        if (s.isEmpty()) {
            problems.add(new ParseProblem(file, lineNo, 1, "empty requirement"));
            return Optional.empty();
        }
        int nameEnd = scanName(s, 0);
        boolean looksLikeUrl = nameEnd == 0 || startsLikePath(s) || hasSchemeAt(s, nameEnd);
        if (looksLikeUrl) {
            return Optional.of(urlRequirement(file, lineNo, s, text, editable, constraint, hashes));
        }
        String name = s.substring(0, nameEnd);
        int i = skipSpaces(s, nameEnd);
        List<String> extras = new ArrayList<>();
        if (i < s.length() && s.charAt(i) == '[') {
            int close = s.indexOf(']', i);
            if (close < 0) {
                problems.add(new ParseProblem(file, lineNo, i + 1, "unclosed [ in extras"));
                return Optional.empty();
            }
            for (String extra : s.substring(i + 1, close).split(",", -1)) {
                String e = extra.strip();
                if (e.isEmpty() || scanName(e, 0) != e.length()) {
                    if (!e.isEmpty() || close > i + 1) {
                        problems.add(new ParseProblem(file, lineNo, i + 2, "invalid extra '" + VersionSpecifier.clip(e) + "'"));
                        return Optional.empty();
                    }
                    continue;
                }
                extras.add(e);
            }
            i = skipSpaces(s, close + 1);
        }
        if (i < s.length() && s.charAt(i) == '@') {
            String rest = s.substring(i + 1).strip();
            int urlEnd = 0;
            while (urlEnd < rest.length() && !Character.isWhitespace(rest.charAt(urlEnd))) {
                urlEnd++;
            }
            String url = rest.substring(0, urlEnd);
            if (url.isEmpty()) {
                problems.add(new ParseProblem(file, lineNo, i + 1, "missing URL after @"));
                return Optional.empty();
            }
            String after = rest.substring(urlEnd).strip();
            String marker = null;
            if (after.startsWith(";")) {
                marker = after.substring(1).strip();
            } else if (!after.isEmpty()) {
                problems.add(new ParseProblem(file, lineNo, i + 1, "unexpected text after URL: " + VersionSpecifier.clip(after)));
                return Optional.empty();
            }
            return Optional.of(direct(file, lineNo, name, extras, url, marker, editable, constraint, hashes, text));
        }
        String marker = null;
        int semi = s.indexOf(';', i);
        String versionPart = semi < 0 ? s.substring(i) : s.substring(i, semi);
        if (semi >= 0) {
            marker = s.substring(semi + 1).strip();
            if (marker.isEmpty()) {
                problems.add(new ParseProblem(file, lineNo, semi + 1, "empty environment marker"));
                return Optional.empty();
            }
        }
        String specifier = versionPart.strip();
        if (specifier.startsWith("(")) {
            if (!specifier.endsWith(")")) {
                problems.add(new ParseProblem(file, lineNo, i + 1, "unclosed ( in version specifier"));
                return Optional.empty();
            }
            specifier = specifier.substring(1, specifier.length() - 1);
        }
        StringBuilder compact = new StringBuilder();
        for (int k = 0; k < specifier.length(); k++) {
            char c = specifier.charAt(k);
            if (!Character.isWhitespace(c)) {
                compact.append(c);
            }
        }
        specifier = compact.toString();
        String error = VersionSpecifier.validate(specifier);
        if (error != null) {
            problems.add(new ParseProblem(file, lineNo, i + 1, error));
            return Optional.empty();
        }
        String pinnedVersion = VersionSpecifier.exactVersion(specifier);
        return Optional.of(new Requirement(file, lineNo, name, extras, specifier, null, marker,
                RequirementKind.NAMED, editable, constraint, hashes, pinnedVersion != null, pinnedVersion,
                text));
    }

    private static Requirement urlRequirement(String file, int lineNo, String s, String text,
            boolean editable, boolean constraint, List<String> hashes) {
        // pip splits "URL ; marker" on the first "; " (a semicolon followed by whitespace).
        String url = s;
        String marker = null;
        for (int k = 0; k + 1 < s.length(); k++) {
            if (s.charAt(k) == ';' && Character.isWhitespace(s.charAt(k + 1))) {
                url = s.substring(0, k).strip();
                marker = s.substring(k + 1).strip();
                break;
            }
        }
        return direct(file, lineNo, nameFromUrl(url), List.of(), url, marker, editable, constraint, hashes, text);
    }

    private static Requirement direct(String file, int lineNo, String name, List<String> extras, String url,
            String marker, boolean editable, boolean constraint, List<String> optionHashes, String text) {
        List<String> hashes = new ArrayList<>(optionHashes);
        String fragmentHash = DirectUrl.fragmentHash(url);
        if (fragmentHash != null && !hashes.contains(fragmentHash)) {
            hashes.add(fragmentHash);
        }
        RequirementKind kind = DirectUrl.kind(url);
        String version = null;
        boolean pinned;
        switch (kind) {
            case VCS -> {
                String rev = DirectUrl.vcsRevision(url);
                pinned = rev != null && DirectUrl.isFullCommit(rev);
                version = pinned ? rev : null;
            }
            case URL -> pinned = DirectUrl.hasStrongFragmentHash(url);
            default -> pinned = false;
        }
        return new Requirement(file, lineNo, name, extras, "", url, marker, kind, editable, constraint, hashes,
                pinned, version, text);
    }

    private static String nameFromUrl(String url) {
        String egg = DirectUrl.fragmentValue(url, "egg");
        if (egg != null && !egg.isEmpty()) {
            int end = scanName(egg, 0);
            return end > 0 ? egg.substring(0, end) : egg;
        }
        String path = DirectUrl.withoutFragment(url);
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        String last = slash >= 0 ? path.substring(slash + 1) : path;
        if (last.endsWith(".whl") || last.endsWith(".tar.gz") || last.endsWith(".zip") || last.endsWith(".tar.bz2")) {
            int dash = last.indexOf('-');
            if (dash > 0) {
                return last.substring(0, dash);
            }
        }
        return url;
    }

    private static boolean startsLikePath(String s) {
        char c = s.charAt(0);
        return c == '.' || c == '/' || c == '~' || c == '\\' || s.startsWith("file:");
    }

    private static boolean hasSchemeAt(String s, int nameEnd) {
        // "git+https://…" scans as name "git" then "+"; "https://…" as name "https" then ":".
        return nameEnd < s.length() && (s.charAt(nameEnd) == ':' || s.charAt(nameEnd) == '+')
                && s.indexOf("://") > 0;
    }

    /** End of a PEP 508 name starting at {@code from}: letters/digits, inner {@code -_.}. */
    static int scanName(String s, int from) {
        int i = from;
        int lastAlnum = -1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                lastAlnum = i;
            } else if (!(c == '-' || c == '_' || c == '.') || i == from) {
                break;
            }
            i++;
        }
        return lastAlnum < 0 ? from : lastAlnum + 1;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isHex(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}
