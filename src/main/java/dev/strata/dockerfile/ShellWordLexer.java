package dev.strata.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BuildKit's shell word lexer ({@code ProcessWord} / {@code ProcessWords}): quotes, the Dockerfile
 * escape character, {@code $VAR}, {@code ${VAR}} and its modifiers. Reproduced behaviour for
 * behaviour, including that a nested {@code ${...}} restarts the word being collected, because
 * which words exist decides which heredocs BuildKit sees and what each instruction's words are.
 *
 * <p>The parser uses it with an empty environment and unset variables left as written, to find
 * heredoc markers; the shell package's {@code WordExpander} uses it with real variables. Pattern
 * operators ({@code ${V#p}}, {@code ${V%p}}, {@code ${V/p/r}}) only run on set variables, through
 * the {@link Patterns} the caller supplies, so this package holds no glob engine.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ShellWordLexer {
  private static final int EOF = -1;

  /** A lexing error; BuildKit reports it as {@code failed to process ...}. */
  public static final class LexException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int position;

    LexException(String message) {
      this(message, -1);
    }

    public LexException(String message, int position) {
      // no stack trace: the position says where, and expansion errors are ordinary input
      super(message, null, false, false);
      this.position = position;
    }

    /** Index (in chars) into the lexed text where the error was detected, -1 when none. */
    public int position() {
      return position;
    }
  }

  /** The shell pattern operations BuildKit applies to set variables. */
  public interface Patterns {
    /** {@code ${V#p}} / {@code ${V##p}} (prefix) or {@code ${V%p}} / {@code ${V%%p}} (suffix). */
    String remove(String value, String pattern, boolean suffix, boolean longest)
        throws LexException;

    /** {@code ${V/p/r}} or, with {@code all}, {@code ${V//p/r}}. */
    String replace(String value, String pattern, String replacement, boolean all)
        throws LexException;
  }

  /**
   * One lexed word.
   *
   * @param value BuildKit's ProcessWord string
   * @param words BuildKit's ProcessWords split of the same text
   * @param used variables referenced and set, in first-use order
   * @param unset variables referenced but not set, in first-use order
   */
  public record Result(String value, List<String> words, Set<String> used, Set<String> unset) {}

  /** Used only with an empty environment, where no variable is set and no pattern runs. */
  private static final Patterns UNUSED_PATTERNS =
      new Patterns() {
        @Override
        public String remove(String value, String pattern, boolean suffix, boolean longest) {
          throw new IllegalStateException("pattern operator applied with an empty environment");
        }

        @Override
        public String replace(String value, String pattern, String replacement, boolean all) {
          throw new IllegalStateException("pattern operator applied with an empty environment");
        }
      };

  private final char escape;
  private final boolean rawQuotes;
  private final boolean rawEscapes;
  private final boolean skipUnsetEnv;
  private final Patterns patterns;

  private ShellWordLexer(
      char escape, boolean rawQuotes, boolean rawEscapes, boolean skipUnsetEnv, Patterns patterns) {
    this.escape = escape;
    this.rawQuotes = rawQuotes;
    this.rawEscapes = rawEscapes;
    this.skipUnsetEnv = skipUnsetEnv;
    this.patterns = patterns;
  }

  /**
   * A lexer with BuildKit's options: {@code rawQuotes} keeps quote characters, {@code rawEscapes}
   * keeps escape characters, {@code skipUnsetEnv} leaves references to unset variables as written.
   */
  public static ShellWordLexer of(
      char escape, boolean rawQuotes, boolean rawEscapes, boolean skipUnsetEnv, Patterns patterns) {
    return new ShellWordLexer(escape, rawQuotes, rawEscapes, skipUnsetEnv, patterns);
  }

  /** The words of {@code src} with no variables set and references left as written. */
  static List<String> words(String src, boolean rawQuotes, boolean rawEscapes)
      throws LexException {
    return new ShellWordLexer('\\', rawQuotes, rawEscapes, true, UNUSED_PATTERNS)
        .process(src, Map.of())
        .words();
  }

  /** Lexes {@code src} with the given variables (a key absent from the map is unset). */
  public Result process(String src, Map<String, String> env) throws LexException {
    Run run = new Run(src, env);
    List<String> words = new ArrayList<>();
    String value = run.processStopOn(EOF, rawEscapes, words);
    return new Result(value, words, run.used, run.unset);
  }

  /** BuildKit's special parameters ({@code $@ $* $# $? $- $$ $! $0}). */
  public static boolean isSpecialParam(int c) {
    switch (c) {
      case '@': case '*': case '#': case '?': case '-': case '$': case '!': case '0':
        return true;
      default:
        return false;
    }
  }

  private static boolean isSpace(int cp) {
    return cp <= 0xFFFF && GoText.isSpace((char) cp);
  }

  private static String codePointString(int cp) {
    // Go's string(rune(-1)) is U+FFFD
    return cp == EOF ? "\uFFFD" : Character.toString(cp);
  }

  /** One lexing in progress: a cursor over the text plus what it has looked up. */
  private final class Run {
    final String s;
    final Map<String, String> env;
    int pos;
    boolean raw;
    /**
     * BuildKit shares one word buffer between nested scans and resets it at the start of each;
     * text gathered before a {@code ${V:-w}} in the same word is therefore dropped from the word
     * list. Mirrored so that ProcessWords results match BuildKit byte for byte.
     */
    final StringBuilder wordsBuffer = new StringBuilder();
    final Set<String> used = new LinkedHashSet<>();
    final Set<String> unset = new LinkedHashSet<>();

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

    /** Word-list accumulator for one scan (BuildKit's wordsStruct). */
    final class Words {
      final List<String> out;
      boolean inWord;

      Words(List<String> out) {
        this.out = out;
      }

      void addChar(int ch) {
        if (isSpace(ch)) {
          if (inWord && wordsBuffer.length() != 0) {
            out.add(wordsBuffer.toString());
            wordsBuffer.setLength(0);
            inWord = false;
          }
        } else {
          addRawChar(ch);
        }
      }

      void addRawChar(int ch) {
        wordsBuffer.appendCodePoint(ch);
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
        wordsBuffer.append(str);
        inWord = true;
      }

      void finish() {
        if (wordsBuffer.length() > 0) {
          out.add(wordsBuffer.toString());
          wordsBuffer.setLength(0);
          inWord = false;
        }
      }
    }

    String processStopOn(int stop, boolean rawEsc, List<String> wordsOut) throws LexException {
      StringBuilder result = new StringBuilder();
      wordsBuffer.setLength(0);
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
          throw new LexException(
              "unexpected end of statement while looking for matching " + Character.toString(stop),
              pos);
        }
        w.finish();
        return result.toString();
      } finally {
        raw = saved;
      }
    }

    String processSingleQuote() throws LexException {
      StringBuilder result = new StringBuilder();
      int ch = next();
      if (rawQuotes) {
        result.appendCodePoint(ch);
      }
      while (true) {
        ch = next();
        if (ch == EOF) {
          throw new LexException(
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

    String processDoubleQuote() throws LexException {
      StringBuilder result = new StringBuilder();
      int ch = next();
      if (rawQuotes) {
        result.appendCodePoint(ch);
      }
      while (true) {
        int p = peek();
        if (p == EOF) {
          throw new LexException(
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

    String processDollar() throws LexException {
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
        throw new LexException("syntax error: missing '}'", dollarAt);
      }
      if (p == '{' || p == '}' || p == ':') {
        throw new LexException("syntax error: bad substitution", dollarAt);
      }
      String name = processName();
      int ch = next();
      String chs = codePointString(ch);
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
        chs += codePointString(ch);
      } else if (ch != '+' && ch != '-' && ch != '?' && ch != '#' && ch != '%') {
        throw new LexException("unsupported modifier (" + chs + ") in substitution", dollarAt);
      }
      boolean patternOp = ch == '#' || ch == '%';
      if (nullIsUnset && patternOp) {
        throw new LexException("unsupported modifier (" + chs + ") in substitution", dollarAt);
      }
      String word;
      try {
        word = processStopOn('}', patternOp, new ArrayList<>());
      } catch (LexException e) {
        if (peek() == EOF) {
          throw new LexException("syntax error: missing '}'", dollarAt);
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
            throw new LexException(
                name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word), dollarAt);
          }
          if (nullIsUnset && value.isEmpty()) {
            throw new LexException(
                name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word), dollarAt);
          }
          return value;
        case '%':
        case '#': {
          boolean longest = !word.isEmpty() && word.charAt(0) == ch;
          if (longest) {
            word = word.substring(1);
          }
          return patterns.remove(value, word, ch == '%', longest);
        }
        default:
          throw new LexException("unsupported modifier (" + chs + ") in substitution", dollarAt);
      }
    }

    private String processReplace(String name, int dollarAt) throws LexException {
      boolean all = peek() == '/';
      if (all) {
        next();
      }
      String pattern;
      try {
        pattern = processStopOn('/', true, new ArrayList<>());
      } catch (LexException e) {
        if (peek() == EOF) {
          throw new LexException("syntax error: missing '/' in ${}", dollarAt);
        }
        throw e;
      }
      String replacement;
      try {
        replacement = processStopOn('}', true, new ArrayList<>());
      } catch (LexException e) {
        if (peek() == EOF) {
          throw new LexException("syntax error: missing '}'", dollarAt);
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
      return patterns.replace(value, pattern, replacement, all);
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
        unset.add(name);
      }
      return v;
    }
  }
}
