package dev.strata.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The word splitting BuildKit's parser runs to find heredoc markers: its shell lexer's
 * {@code ProcessWords} with an empty environment and unset variables left as written, always
 * with {@code \} as escape character. Reproduced behaviour for behaviour, including that a
 * nested {@code ${...}} restarts the word being collected, because which words exist decides
 * which heredocs BuildKit sees. Variable values are never looked up here: that is the shell
 * package's job.
 */
final class ShellWordLexer {
  private static final int EOF = -1;
  private static final int ESCAPE = '\\';

  /** A lexing error; BuildKit reports it as {@code failed to process ...}. */
  static final class LexException extends Exception {
    private static final long serialVersionUID = 1L;

    LexException(String message) {
      super(message);
    }
  }

  private final String src;
  private final boolean rawQuotes;
  private boolean rawEscapes;
  private int pos;
  /** One buffer shared by nested word collections, exactly as BuildKit shares it. */
  private final StringBuilder wordsBuffer = new StringBuilder();

  private ShellWordLexer(String src, boolean rawQuotes, boolean rawEscapes) {
    this.src = src;
    this.rawQuotes = rawQuotes;
    this.rawEscapes = rawEscapes;
  }

  /** The words of {@code src}. */
  static List<String> words(String src, boolean rawQuotes, boolean rawEscapes)
      throws LexException {
    ShellWordLexer lexer = new ShellWordLexer(src, rawQuotes, rawEscapes);
    return lexer.processStopOn(EOF, rawEscapes).words;
  }

  private record Processed(String result, List<String> words) {}

  private final class Words {
    final List<String> words = new ArrayList<>();
    boolean inWord;

    void addChar(int ch) {
      boolean space = isSpace(ch);
      if (space && inWord) {
        if (wordsBuffer.length() != 0) {
          words.add(wordsBuffer.toString());
          wordsBuffer.setLength(0);
          inWord = false;
        }
      } else if (!space) {
        addRawChar(ch);
      }
    }

    void addRawChar(int ch) {
      wordsBuffer.appendCodePoint(ch);
      inWord = true;
    }

    void addString(String s) {
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        i += Character.charCount(cp);
        addChar(cp);
      }
    }

    void addRawString(String s) {
      wordsBuffer.append(s);
      inWord = true;
    }

    List<String> getWords() {
      if (wordsBuffer.length() > 0) {
        words.add(wordsBuffer.toString());
        wordsBuffer.setLength(0);
        inWord = false;
      }
      return words;
    }
  }

  private static boolean isSpace(int cp) {
    return cp <= 0xFFFF && GoText.isSpace((char) cp);
  }

  private int peek() {
    return pos < src.length() ? src.codePointAt(pos) : EOF;
  }

  private int next() {
    if (pos >= src.length()) {
      return EOF;
    }
    int cp = src.codePointAt(pos);
    pos += Character.charCount(cp);
    return cp;
  }

  private Processed processStopOn(int stopChar, boolean raw) throws LexException {
    StringBuilder result = new StringBuilder();
    wordsBuffer.setLength(0);
    Words words = new Words();
    boolean saved = rawEscapes;
    rawEscapes = raw;
    try {
      while (peek() != EOF) {
        int ch = peek();
        if (stopChar != EOF && ch == stopChar) {
          next();
          return new Processed(result.toString(), words.getWords());
        }
        if (ch == '$') {
          String tmp = processDollar();
          result.append(tmp);
          words.addString(tmp);
        } else if (ch == '<') {
          String tmp = processPossibleHeredoc();
          result.append(tmp);
          words.addRawString(tmp);
        } else if (ch == '\'') {
          String tmp = processSingleQuote();
          result.append(tmp);
          words.addRawString(tmp);
        } else if (ch == '"') {
          String tmp = processDoubleQuote();
          result.append(tmp);
          words.addRawString(tmp);
        } else {
          ch = next();
          if (ch == ESCAPE) {
            if (rawEscapes) {
              words.addRawChar(ch);
              result.appendCodePoint(ch);
            }
            ch = next();
            if (ch == EOF) {
              break;
            }
            words.addRawChar(ch);
          } else {
            words.addChar(ch);
          }
          result.appendCodePoint(ch);
        }
      }
      if (stopChar != EOF) {
        throw new LexException(
            "unexpected end of statement while looking for matching " + Character.toString(stopChar));
      }
      return new Processed(result.toString(), words.getWords());
    } finally {
      rawEscapes = saved;
    }
  }

  private String processSingleQuote() throws LexException {
    StringBuilder result = new StringBuilder();
    int ch = next();
    if (rawQuotes) {
      result.appendCodePoint(ch);
    }
    while (true) {
      ch = next();
      if (ch == EOF) {
        throw new LexException("unexpected end of statement while looking for matching single-quote");
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

  private String processDoubleQuote() throws LexException {
    StringBuilder result = new StringBuilder();
    int ch = next();
    if (rawQuotes) {
      result.appendCodePoint(ch);
    }
    while (true) {
      int p = peek();
      if (p == EOF) {
        throw new LexException("unexpected end of statement while looking for matching double-quote");
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
      if (ch == ESCAPE) {
        if (rawEscapes) {
          result.appendCodePoint(ch);
        }
        int q = peek();
        if (q == EOF) {
          continue;
        }
        if (q == '"' || q == '$' || q == ESCAPE) {
          ch = next();
        }
      }
      result.appendCodePoint(ch);
    }
  }

  private String processDollar() throws LexException {
    next();
    if (peek() != '{') {
      String name = processName();
      return name.isEmpty() ? "$" : "$" + name;
    }
    next();
    int p = peek();
    if (p == EOF) {
      throw new LexException("syntax error: missing '}'");
    }
    if (p == '{' || p == '}' || p == ':') {
      throw new LexException("syntax error: bad substitution");
    }
    String name = processName();
    int ch = next();
    String chs = codePointString(ch);
    boolean nullIsUnset = false;
    switch (ch) {
      case '}':
        return "${" + name + "}";
      case ':':
        nullIsUnset = true;
        ch = next();
        chs += codePointString(ch);
        return modifier(name, ch, chs, nullIsUnset);
      case '+': case '-': case '?': case '#': case '%':
        return modifier(name, ch, chs, nullIsUnset);
      case '/': {
        if (peek() == '/') {
          next();
        }
        String pattern;
        try {
          pattern = processStopOn('/', true).result;
        } catch (LexException e) {
          if (peek() == EOF) {
            throw new LexException("syntax error: missing '/' in ${}");
          }
          throw e;
        }
        String replacement;
        try {
          replacement = processStopOn('}', true).result;
        } catch (LexException e) {
          if (peek() == EOF) {
            throw new LexException("syntax error: missing '}'");
          }
          throw e;
        }
        return "${" + name + "/" + pattern + "/" + replacement + "}";
      }
      default:
        throw new LexException("unsupported modifier (" + chs + ") in substitution");
    }
  }

  private String modifier(String name, int ch, String chs, boolean nullIsUnset)
      throws LexException {
    boolean raw = ch == '#' || ch == '%';
    if (nullIsUnset && raw) {
      throw new LexException("unsupported modifier (" + chs + ") in substitution");
    }
    String word;
    try {
      word = processStopOn('}', raw).result;
    } catch (LexException e) {
      if (peek() == EOF) {
        throw new LexException("syntax error: missing '}'");
      }
      throw e;
    }
    return "${" + name + chs + word + "}";
  }

  private static String codePointString(int cp) {
    return cp == EOF ? "\uFFFD" : Character.toString(cp);
  }

  private String processName() {
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

  private static boolean isSpecialParam(int ch) {
    switch (ch) {
      case '@': case '*': case '#': case '?': case '-': case '$': case '!': case '0':
        return true;
      default:
        return false;
    }
  }

  private String processPossibleHeredoc() {
    next();
    if (peek() != '<') {
      return "<";
    }
    next();
    StringBuilder space = new StringBuilder();
    int c = peek();
    while (c == '\t' || c == '\r' || c == ' ') {
      space.appendCodePoint(c);
      next();
      c = peek();
    }
    return "<<" + space;
  }
}
