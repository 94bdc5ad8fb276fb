package dev.strata.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands one Dockerfile word exactly as BuildKit's word processor does (quotes, the Dockerfile
 * escape character, {@code $VAR}, {@code ${VAR}} and its modifiers), for instructions other than
 * RUN's shell text: FROM, ENV, ARG, COPY, WORKDIR, LABEL, EXPOSE, ... It additionally reports which
 * referenced variables were not set, so that callers treat what was built from them as unknown.
 *
 * <p>Instances are immutable and thread-safe. The options mirror BuildKit's: {@code rawQuotes}
 * keeps the quote characters, {@code rawEscapes} keeps escape characters, {@code skipUnsetEnv}
 * leaves references to unset variables as written.
 */
public final class WordExpander {
    private final char escape;
    private final boolean rawQuotes;
    private final boolean rawEscapes;
    private final boolean skipUnsetEnv;

    private WordExpander(char escape, boolean rawQuotes, boolean rawEscapes, boolean skipUnsetEnv) {
        if (escape != '\\' && escape != '`') {
            throw new IllegalArgumentException("escape must be \\ or `, got " + escape);
        }
        this.escape = escape;
        this.rawQuotes = rawQuotes;
        this.rawEscapes = rawEscapes;
        this.skipUnsetEnv = skipUnsetEnv;
    }

    /** An expander for the given Dockerfile escape character ({@code \} or {@code `}). */
    public static WordExpander forEscape(char escape) {
        return new WordExpander(escape, false, false, false);
    }

    public WordExpander withRawQuotes(boolean on) {
        return new WordExpander(escape, on, rawEscapes, skipUnsetEnv);
    }

    public WordExpander withRawEscapes(boolean on) {
        return new WordExpander(escape, rawQuotes, on, skipUnsetEnv);
    }

    public WordExpander withSkipUnsetEnv(boolean on) {
        return new WordExpander(escape, rawQuotes, rawEscapes, on);
    }

    public char escape() {
        return escape;
    }

    /**
     * Expands {@code word} with the given variables (a key absent from the map is unset).
     * The result carries both BuildKit's single string (ProcessWord) and its word split
     * (ProcessWords).
     *
     * @throws WordExpansionException where BuildKit fails
     */
    public Expansion expand(String word, Map<String, String> env) throws WordExpansionException {
        Run run = new Run(word, env);
        run.words = new StringBuilder();
        List<String> words = new ArrayList<>();
        String value = run.processStopOn(-1, rawEscapes, words);
        return new Expansion(value, words, run.used, run.unknown);
    }

    /** BuildKit's ProcessWord: the expanded string only. */
    public String expandToString(String word, Map<String, String> env) throws WordExpansionException {
        return expand(word, env).value();
    }

    /** BuildKit's ProcessWords: the expanded text split into words. */
    public List<String> expandToWords(String word, Map<String, String> env) throws WordExpansionException {
        return expand(word, env).words();
    }

    private static final int EOF = -1;

    /** Go's unicode.IsSpace. */
    static boolean isSpace(int c) {
        switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0:
                return true;
            default:
                return c > 0xFF && Character.isSpaceChar(c);
        }
    }

    /** One expansion in progress: a cursor over the word plus what it has looked up. */
    private final class Run {
        final String s;
        final Map<String, String> env;
        int pos;
        boolean raw;
        /**
         * BuildKit shares one word buffer between nested scans and resets it at the start of each;
         * text gathered before a {@code ${V:-w}} in the same word is therefore dropped from the
         * word list. Mirrored so that ProcessWords results match BuildKit byte for byte.
         */
        StringBuilder words;
        final Set<String> used = new LinkedHashSet<>();
        final Set<String> unknown = new LinkedHashSet<>();

        Run(String s, Map<String, String> env) {
            this.s = s;
            this.env = env;
            this.raw = rawEscapes;
        }

        int peek() {
            return pos < s.length() ? s.codePointAt(pos) : EOF;
        }

        int next() {
            if (pos >= s.length()) {
                return EOF;
            }
            int c = s.codePointAt(pos);
            pos += Character.charCount(c);
            return c;
        }

        /** Word-list accumulator state for one scan (BuildKit's wordsStruct). */
        final class Words {
            final List<String> out;
            boolean inWord;

            Words(List<String> out) {
                this.out = out;
            }

            void addChar(int ch) {
                if (isSpace(ch)) {
                    if (inWord && words.length() != 0) {
                        out.add(words.toString());
                        words.setLength(0);
                        inWord = false;
                    }
                } else {
                    addRawChar(ch);
                }
            }

            void addRawChar(int ch) {
                words.appendCodePoint(ch);
                inWord = true;
            }

            void addString(String str) {
                for (int i = 0; i < str.length(); ) {
                    int c = str.codePointAt(i);
                    addChar(c);
                    i += Character.charCount(c);
                }
            }

            void addRawString(String str) {
                words.append(str);
                inWord = true;
            }

            void finish() {
                if (words.length() > 0) {
                    out.add(words.toString());
                    words.setLength(0);
                    inWord = false;
                }
            }
        }

        String processStopOn(int stop, boolean rawEsc, List<String> wordsOut) throws WordExpansionException {
            StringBuilder result = new StringBuilder();
            words.setLength(0);
            Words w = new Words(wordsOut);
            boolean saved = raw;
            raw = rawEsc;
            try {
                while (peek() != EOF) {
                    int ch = peek();
                    if (stop != EOF && ch == stop) {
                        next();
                        w.finish();
                        return result.toString();
                    }
                    String special = null;
                    if (ch == '$') {
                        special = processDollar();
                        w.addString(special);
                    } else if (ch == '<') {
                        special = processPossibleHeredoc();
                        w.addRawString(special);
                    } else if (ch == '\'') {
                        special = processSingleQuote();
                        w.addRawString(special);
                    } else if (ch == '"') {
                        special = processDoubleQuote();
                        w.addRawString(special);
                    }
                    if (special != null) {
                        result.append(special);
                        continue;
                    }
                    ch = next();
                    if (ch == escape) {
                        if (raw) {
                            w.addRawChar(ch);
                            result.appendCodePoint(ch);
                        }
                        ch = next();
                        if (ch == EOF) {
                            break;
                        }
                        w.addRawChar(ch);
                    } else {
                        w.addChar(ch);
                    }
                    result.appendCodePoint(ch);
                }
                if (stop != EOF) {
                    throw new WordExpansionException("unexpected end of statement while looking for matching "
                            + Character.toString(stop), pos);
                }
                w.finish();
                return result.toString();
            } finally {
                raw = saved;
            }
        }

        String processSingleQuote() throws WordExpansionException {
            StringBuilder result = new StringBuilder();
            int ch = next();
            if (rawQuotes) {
                result.appendCodePoint(ch);
            }
            while (true) {
                ch = next();
                if (ch == EOF) {
                    throw new WordExpansionException(
                            "unexpected end of statement while looking for matching single-quote", pos);
                }
                if (ch == '\'') {
                    if (rawQuotes) {
                        result.appendCodePoint(ch);
                    }
                    return result.toString();
                }
                result.appendCodePoint(ch);
            }
        }

        String processDoubleQuote() throws WordExpansionException {
            StringBuilder result = new StringBuilder();
            int ch = next();
            if (rawQuotes) {
                result.appendCodePoint(ch);
            }
            while (true) {
                int p = peek();
                if (p == EOF) {
                    throw new WordExpansionException(
                            "unexpected end of statement while looking for matching double-quote", pos);
                }
                if (p == '"') {
                    ch = next();
                    if (rawQuotes) {
                        result.appendCodePoint(ch);
                    }
                    return result.toString();
                }
                if (p == '$') {
                    result.append(processDollar());
                    continue;
                }
                ch = next();
                if (ch == escape) {
                    if (raw) {
                        result.appendCodePoint(ch);
                    }
                    int after = peek();
                    if (after == EOF) {
                        continue;
                    }
                    if (after == '"' || after == '$' || after == escape) {
                        ch = next();
                    }
                }
                result.appendCodePoint(ch);
            }
        }

        String processDollar() throws WordExpansionException {
            int dollarAt = pos;
            next();
            if (peek() != '{') {
                String name = processName();
                if (name.isEmpty()) {
                    return "$";
                }
                String value = lookup(name);
                if (value == null) {
                    return skipUnsetEnv ? "$" + name : "";
                }
                return value;
            }
            next();
            int p = peek();
            if (p == EOF) {
                throw new WordExpansionException("syntax error: missing '}'", dollarAt);
            }
            if (p == '{' || p == '}' || p == ':') {
                throw new WordExpansionException("syntax error: bad substitution", dollarAt);
            }
            String name = processName();
            int ch = next();
            StringBuilder chs = new StringBuilder();
            if (ch != EOF) {
                chs.appendCodePoint(ch);
            }
            boolean nullIsUnset = false;
            if (ch == '}') {
                String value = lookup(name);
                if (value == null) {
                    return skipUnsetEnv ? "${" + name + "}" : "";
                }
                return value;
            }
            if (ch == '/') {
                return processReplace(name, dollarAt);
            }
            if (ch == ':') {
                nullIsUnset = true;
                ch = next();
                if (ch != EOF) {
                    chs.appendCodePoint(ch);
                }
            } else if (ch != '+' && ch != '-' && ch != '?' && ch != '#' && ch != '%') {
                throw new WordExpansionException("unsupported modifier (" + chs + ") in substitution", dollarAt);
            }
            boolean patternOp = ch == '#' || ch == '%';
            if (nullIsUnset && patternOp) {
                throw new WordExpansionException("unsupported modifier (" + chs + ") in substitution", dollarAt);
            }
            String word;
            try {
                word = processStopOn('}', patternOp, new ArrayList<>());
            } catch (WordExpansionException e) {
                if (peek() == EOF) {
                    throw new WordExpansionException("syntax error: missing '}'", dollarAt);
                }
                throw e;
            }
            String value = lookup(name);
            boolean set = value != null;
            if (!set && skipUnsetEnv) {
                return "${" + name + chs + word + "}";
            }
            if (!set) {
                value = "";
            }
            switch (ch) {
                case '-':
                    return (!set || (nullIsUnset && value.isEmpty())) ? word : value;
                case '+':
                    return (!set || (nullIsUnset && value.isEmpty())) ? "" : word;
                case '?':
                    if (!set) {
                        throw new WordExpansionException(name + ": "
                                + (word.isEmpty() ? "is not allowed to be unset" : word), dollarAt);
                    }
                    if (nullIsUnset && value.isEmpty()) {
                        throw new WordExpansionException(name + ": "
                                + (word.isEmpty() ? "is not allowed to be empty" : word), dollarAt);
                    }
                    return value;
                case '%':
                case '#': {
                    boolean longest = !word.isEmpty() && word.charAt(0) == ch;
                    if (longest) {
                        word = word.substring(1);
                    }
                    ShellPattern pattern = ShellPattern.buildKit(word);
                    return ch == '%' ? pattern.removeSuffix(value, longest) : pattern.removePrefix(value, longest);
                }
                default:
                    throw new WordExpansionException("unsupported modifier (" + chs + ") in substitution", dollarAt);
            }
        }

        private String processReplace(String name, int dollarAt) throws WordExpansionException {
            boolean all = peek() == '/';
            if (all) {
                next();
            }
            String pattern;
            try {
                pattern = processStopOn('/', true, new ArrayList<>());
            } catch (WordExpansionException e) {
                if (peek() == EOF) {
                    throw new WordExpansionException("syntax error: missing '/' in ${}", dollarAt);
                }
                throw e;
            }
            String replacement;
            try {
                replacement = processStopOn('}', true, new ArrayList<>());
            } catch (WordExpansionException e) {
                if (peek() == EOF) {
                    throw new WordExpansionException("syntax error: missing '}'", dollarAt);
                }
                throw e;
            }
            String value = lookup(name);
            if (value == null && skipUnsetEnv) {
                return "${" + name + "/" + pattern + "/" + replacement + "}";
            }
            if (value == null) {
                value = "";
            }
            return ShellPattern.buildKit(pattern).replace(value, replacement, all);
        }

        String processName() {
            StringBuilder name = new StringBuilder();
            while (peek() != EOF) {
                int ch = peek();
                if (name.length() == 0 && Character.isDigit(ch)) {
                    while (peek() != EOF && Character.isDigit(peek())) {
                        name.appendCodePoint(next());
                    }
                    return name.toString();
                }
                if (name.length() == 0 && isSpecialParam(ch)) {
                    next();
                    return Character.toString(ch);
                }
                if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                    break;
                }
                name.appendCodePoint(next());
            }
            return name.toString();
        }

        String processPossibleHeredoc() {
            next();
            if (peek() != '<') {
                return "<";
            }
            next();
            StringBuilder result = new StringBuilder("<<");
            while (peek() == '\t' || peek() == '\r' || peek() == ' ') {
                result.appendCodePoint(next());
            }
            return result.toString();
        }

        String lookup(String name) {
            String v = env.get(name);
            if (v != null) {
                used.add(name);
            } else {
                unknown.add(name);
            }
            return v;
        }
    }

    static boolean isSpecialParam(int c) {
        switch (c) {
            case '@', '*', '#', '?', '-', '$', '!', '0':
                return true;
            default:
                return false;
        }
    }
}
