package dev.strata.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the raw text of a shell-form RUN into what BuildKit hands to {@code /bin/sh -c}: lines
 * ending in the escape char are joined (escape, trailing blanks and newline removed), comment
 * lines and blank lines inside a continuation are dropped, and heredoc bodies that follow the
 * instruction line are kept verbatim. Every char keeps its source offset.
 */
final class RunText {
    /** The text for the shell, mapped to the source. */
    final MappedText shell;
    /**
     * When the whole instruction is one heredoc ({@code RUN <<EOF}), BuildKit runs its body as the
     * script: that body (tabs stripped for {@code <<-}); else null.
     */
    final MappedText singleHeredoc;

    private RunText(MappedText shell, MappedText singleHeredoc) {
        this.shell = shell;
        this.singleHeredoc = singleHeredoc;
    }

    private record Heredoc(String name, boolean chomp) {
    }

    static RunText of(String raw, int offset, char escape) {
        MappedText.Builder out = new MappedText.Builder(raw.length());
        MappedText single = null;
        int n = raw.length();
        int pos = 0;
        boolean firstLogical = true;
        while (pos < n) {
            if (out.length() == 0) {
                firstLogical = true;
            }
            if (!firstLogical) {
                // a new logical line: the newline that ended the previous one separates them
                out.append('\n', offset + pos - 1, offset + pos);
            }
            boolean atStart = out.length() == 0;
            int lineBegin = out.length();
            boolean first = true;
            boolean continued = true;
            while (continued && pos < n) {
                int ls = pos;
                int le = raw.indexOf('\n', pos);
                if (le < 0) {
                    le = n;
                }
                pos = le < n ? le + 1 : n;
                int ce = le;
                while (ce > ls && (raw.charAt(ce - 1) == '\r' || raw.charAt(ce - 1) == '\n')) {
                    ce--;
                }
                if (!first) {
                    if (isComment(raw, ls, ce)) {
                        continue;
                    }
                    if (isBlank(raw, ls, ce)) {
                        continue;
                    }
                }
                first = false;
                int q = ce;
                while (q > ls && (raw.charAt(q - 1) == ' ' || raw.charAt(q - 1) == '\t')) {
                    q--;
                }
                boolean isContinuation = q > ls && raw.charAt(q - 1) == escape
                        && (q - 1 == ls || raw.charAt(q - 2) != escape);
                int contentEnd = isContinuation ? q - 1 : ce;
                out.appendRange(raw, ls, contentEnd, offset);
                continued = isContinuation;
            }
            String logical = out.toString(lineBegin);
            firstLogical = false;
            if (logical.indexOf("<<") < 0) {
                continue;
            }
            List<Heredoc> heredocs = heredocs(logical);
            if (heredocs.isEmpty()) {
                continue;
            }
            boolean wholeIsHeredoc = atStart && isSingleHeredocCommand(logical.trim());
            // bodies and terminators, verbatim
            if (pos > 0 && pos <= n && raw.charAt(pos - 1) == '\n') {
                out.append('\n', offset + pos - 1, offset + pos);
            }
            for (int h = 0; h < heredocs.size(); h++) {
                Heredoc doc = heredocs.get(h);
                int bodyStart = out.length();
                int bodyEnd = -1;
                while (pos < n) {
                    int ls = pos;
                    int le = raw.indexOf('\n', pos);
                    if (le < 0) {
                        le = n;
                    }
                    int ce = le;
                    while (ce > ls && (raw.charAt(ce - 1) == '\r' || raw.charAt(ce - 1) == '\n')) {
                        ce--;
                    }
                    int cs = ls;
                    if (doc.chomp) {
                        while (cs < ce && raw.charAt(cs) == '\t') {
                            cs++;
                        }
                    }
                    boolean terminator = ce - cs == doc.name.length() && raw.startsWith(doc.name, cs);
                    if (terminator && bodyEnd < 0) {
                        bodyEnd = out.length();
                    }
                    int stop = le < n ? le + 1 : n;
                    out.appendRange(raw, ls, stop, offset);
                    pos = stop;
                    if (terminator) {
                        break;
                    }
                }
                if (bodyEnd < 0) {
                    bodyEnd = out.length();
                }
                if (h == 0 && wholeIsHeredoc && heredocs.size() == 1) {
                    MappedText all = out.build(raw, offset, false);
                    single = chompIfNeeded(all.slice(bodyStart, bodyEnd), doc.chomp);
                }
            }
            // the terminator line's newline already separates what follows
            firstLogical = true;
        }
        return new RunText(out.build(raw, offset, false), single);
    }

    private static MappedText chompIfNeeded(MappedText body, boolean chomp) {
        if (!chomp) {
            return body;
        }
        MappedText.Builder b = new MappedText.Builder(body.length());
        boolean lineStart = true;
        for (int i = 0; i < body.length(); i++) {
            char c = body.text.charAt(i);
            if (lineStart && c == '\t') {
                continue;
            }
            lineStart = c == '\n';
            b.append(c, body.start[i], body.end[i]);
        }
        return b.build(body.source, body.sourceBase, false);
    }

    private static boolean isComment(String s, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i < to && s.charAt(i) == '#';
    }

    private static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** BuildKit's heredoc detection: words of the line shaped [n]<<[-]NAME, with NAME a single word. */
    static List<Heredoc> heredocs(String line) {
        List<Heredoc> out = new ArrayList<>(1);
        List<String> words;
        try {
            words = WordExpander.forEscape('\\').withRawQuotes(true).withRawEscapes(true).withSkipUnsetEnv(true)
                    .expand(line, Map.of()).words();
        } catch (WordExpansionException e) {
            return out;
        }
        for (String word : words) {
            Heredoc h = heredocWord(word);
            if (h != null) {
                out.add(h);
            }
        }
        return out;
    }

    private static Heredoc heredocWord(String word) {
        int i = 0;
        while (i < word.length() && Character.isDigit(word.charAt(i))) {
            i++;
        }
        if (!word.startsWith("<<", i)) {
            return null;
        }
        i += 2;
        boolean chomp = i < word.length() && word.charAt(i) == '-';
        if (chomp) {
            i++;
        }
        String rest = word.substring(i);
        if (rest.isEmpty() || rest.indexOf('<') >= 0) {
            return null;
        }
        try {
            List<String> names = WordExpander.forEscape('\\').withSkipUnsetEnv(true).expand(rest, Map.of()).words();
            if (names.size() != 1) {
                return null;
            }
            return new Heredoc(names.get(0), chomp);
        } catch (WordExpansionException e) {
            return null;
        }
    }

    /** Whether the instruction text is exactly one heredoc word (BuildKit then runs the body). */
    private static boolean isSingleHeredocCommand(String line) {
        if (heredocWord(line) == null) {
            return false;
        }
        // [^<]* in BuildKit's pattern allows blanks; the name must still be a single word
        return true;
    }
}
