package dev.strata.shell;

import dev.strata.dockerfile.ShellWordLexer;
import java.util.List;
import java.util.Map;

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
    /** BuildKit's pattern dialect for {@code ${V#p}}, {@code ${V%p}} and {@code ${V/p/r}}. */
    private static final ShellWordLexer.Patterns PATTERNS = new ShellWordLexer.Patterns() {
        @Override
        public String remove(String value, String pattern, boolean suffix, boolean longest)
                throws ShellWordLexer.LexException {
            ShellPattern p = compile(pattern);
            return suffix ? p.removeSuffix(value, longest) : p.removePrefix(value, longest);
        }

        @Override
        public String replace(String value, String pattern, String replacement, boolean all)
                throws ShellWordLexer.LexException {
            return compile(pattern).replace(value, replacement, all);
        }

        private ShellPattern compile(String pattern) throws ShellWordLexer.LexException {
            try {
                return ShellPattern.buildKit(pattern);
            } catch (WordExpansionException e) {
                throw new ShellWordLexer.LexException(e.getMessage(), e.position());
            }
        }
    };

    private final char escape;
    private final boolean rawQuotes;
    private final boolean rawEscapes;
    private final boolean skipUnsetEnv;
    /** The lexing itself is BuildKit's one algorithm, shared with the Dockerfile parser. */
    private final ShellWordLexer lexer;

    private WordExpander(char escape, boolean rawQuotes, boolean rawEscapes, boolean skipUnsetEnv) {
        if (escape != '\\' && escape != '`') {
            throw new IllegalArgumentException("escape must be \\ or `, got " + escape);
        }
        this.escape = escape;
        this.rawQuotes = rawQuotes;
        this.rawEscapes = rawEscapes;
        this.skipUnsetEnv = skipUnsetEnv;
        this.lexer = ShellWordLexer.of(escape, rawQuotes, rawEscapes, skipUnsetEnv, PATTERNS);
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
        ShellWordLexer.Result r;
        try {
            r = lexer.process(word, env);
        } catch (ShellWordLexer.LexException e) {
            throw new WordExpansionException(e.getMessage(), e.position());
        }
        return new Expansion(r.value(), r.words(), r.used(), r.unset());
    }

    /** BuildKit's ProcessWord: the expanded string only. */
    public String expandToString(String word, Map<String, String> env) throws WordExpansionException {
        return expand(word, env).value();
    }

    /** BuildKit's ProcessWords: the expanded text split into words. */
    public List<String> expandToWords(String word, Map<String, String> env) throws WordExpansionException {
        return expand(word, env).words();
    }

    static boolean isSpecialParam(int c) {
        return ShellWordLexer.isSpecialParam(c);
    }
}
