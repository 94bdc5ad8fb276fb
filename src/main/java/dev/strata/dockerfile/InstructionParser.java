package dev.strata.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns one logical line into an {@link Instruction}, following BuildKit's
 * {@code newNodeFromLine}: split off the keyword, extract the builder flags, then split the
 * arguments with the keyword's own rule (its dispatch table). Works on index ranges of the
 * logical line so that every word keeps its exact source span.
 */
final class InstructionParser {
  private static final int IN_SPACES = 0;
  private static final int IN_WORD = 1;
  private static final int IN_QUOTE = 2;

  private final String fileName;
  private final String source;
  private final char escape;
  private final LogicalLine line;
  private final String text;
  private final int spanEnd;
  private final SourceSpan spanEndPosition;
  /** The first instruction-level error (unknown instruction), reported after parsing. */
  DockerfileParseException deferred;

  InstructionParser(
      String fileName, String source, char escape, LogicalLine line, SourceSpan end) {
    this.fileName = fileName;
    this.source = source;
    this.escape = escape;
    this.line = line;
    this.text = line.text;
    this.spanEnd = end.endOffset();
    this.spanEndPosition = end;
  }

  /** Builds the instruction in {@code text[from, to)}; its span ends where the line ends. */
  Instruction parse(int from, int to, boolean topLevel) throws DockerfileParseException {
    int a = from;
    int b = to;
    while (a < b && GoText.isSpace(text.charAt(a))) {
      a++;
    }
    while (b > a && GoText.isSpace(text.charAt(b - 1))) {
      b--;
    }
    int c = a;
    while (c < b && !GoText.isAsciiBlank(text.charAt(c))) {
      c++;
    }
    String keyword = text.substring(a, c);
    String name = keyword.toLowerCase(Locale.ROOT);
    List<Flag> flags = new ArrayList<>();
    int rest = b;
    if (c < b) {
      int argsStart = c;
      while (argsStart < b && GoText.isAsciiBlank(text.charAt(argsStart))) {
        argsStart++;
      }
      rest = extractBuilderFlags(argsStart, b, flags);
    }
    int r0 = rest;
    int r1 = b;
    while (r0 < r1 && GoText.isSpace(text.charAt(r0))) {
      r0++;
    }
    while (r1 > r0 && GoText.isSpace(text.charAt(r1 - 1))) {
      r1--;
    }

    Args args = new Args();
    Instruction trigger = null;
    switch (name) {
      case "add": case "copy": case "volume":
        parseMaybeJsonToList(r0, r1, args);
        break;
      case "arg":
        for (RawWord w : parseWords(r0, r1)) {
          args.words.add(new Word(w.value, line.span(w.start, w.end)));
        }
        break;
      case "cmd": case "entrypoint": case "run": case "shell":
        parseMaybeJson(r0, r1, args);
        break;
      case "env": case "label":
        parseNameVal(r0, r1, name.equals("env") ? "ENV" : "LABEL", args);
        break;
      case "expose": case "from":
        parseStringsWhitespaceDelimited(r0, r1, args);
        break;
      case "healthcheck":
        parseHealthConfig(r0, r1, args);
        break;
      case "maintainer": case "stopsignal": case "user": case "workdir":
        if (r1 > r0) {
          args.words.add(word(r0, r1));
        }
        break;
      case "onbuild":
        if (r1 > r0) {
          trigger = parse(r0, r1, false);
          String t = trigger.name();
          if (topLevel && deferred == null
              && (t.equals("onbuild") || t.equals("from") || t.equals("maintainer"))) {
            deferred = error(trigger.keywordSpan(), t.equals("onbuild")
                ? "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"
                : t.toUpperCase(Locale.ROOT) + " isn't allowed as an ONBUILD trigger");
          }
        }
        break;
      default:
        if (topLevel && deferred == null) {
          deferred = error(line.span(a, c), keyword.isEmpty()
              ? "empty instruction: a line continuation is followed by nothing"
              : "unknown instruction: " + keyword);
        }
        break;
    }

    SourceSpan keywordSpan = line.span(a, c);
    int startOffset = keywordSpan.startOffset();
    SourceSpan span = new SourceSpan(startOffset, Math.max(spanEnd, startOffset),
        keywordSpan.startLine(), keywordSpan.startColumn(),
        spanEnd >= startOffset ? spanEndPosition.endLine() : keywordSpan.startLine(),
        spanEnd >= startOffset ? spanEndPosition.endColumn() : keywordSpan.startColumn());
    SourceSpan rawSpan = r1 > r0 ? line.span(r0, r1) : emptyAt(r0 > c ? r0 : c);
    return new Instruction(
        keyword, name, span, keywordSpan, flags, args.words, args.json,
        args.looksLikeJsonButIsNot, text.substring(r0, r1), line.slice(r0, r1),
        rawSpan.textOf(source), rawSpan, List.of(), trigger);
  }

  private SourceSpan emptyAt(int index) {
    return line.span(index, index);
  }

  /** A word of the logical line: its value and the text range it was read from. */
  private record RawWord(String value, int start, int end) {}

  private static final class Args {
    final List<Word> words = new ArrayList<>();
    boolean json;
    boolean looksLikeJsonButIsNot;
  }

  private Word word(int start, int end) {
    return new Word(text.substring(start, end), line.span(start, end));
  }

  private DockerfileParseException error(SourceSpan at, String message) {
    return new DockerfileParseException(fileName, at.startLine(), at.startColumn(), message);
  }

  /** BuildKit's extractBuilderFlags; returns where the arguments after the flags start. */
  private int extractBuilderFlags(int from, int to, List<Flag> flags) {
    int phase = IN_SPACES;
    StringBuilder sb = new StringBuilder();
    IntList positions = new IntList();
    char quote = 0;
    boolean blankOk = false;
    int wordStart = from;
    for (int pos = from; pos <= to; pos++) {
      char ch = pos < to ? text.charAt(pos) : 0;
      if (phase == IN_SPACES) {
        if (pos == to) {
          break;
        }
        if (GoText.isSpace(ch)) {
          continue;
        }
        if (ch != '-' || pos + 1 == to || text.charAt(pos + 1) != '-') {
          return pos;
        }
        phase = IN_WORD;
        wordStart = pos;
      }
      if (pos == to) {
        String w = sb.toString();
        if (!w.equals("--") && (blankOk || !w.isEmpty())) {
          flags.add(flag(w, positions, wordStart, to));
        }
        break;
      }
      if (phase == IN_WORD) {
        if (GoText.isSpace(ch)) {
          String w = sb.toString();
          phase = IN_SPACES;
          if (w.equals("--")) {
            return pos;
          }
          if (blankOk || !w.isEmpty()) {
            flags.add(flag(w, positions, wordStart, pos));
          }
          sb.setLength(0);
          positions.clear();
          blankOk = false;
          continue;
        }
        if (ch == '\'' || ch == '"') {
          quote = ch;
          blankOk = true;
          phase = IN_QUOTE;
          continue;
        }
        if (ch == escape) {
          if (pos + 1 == to) {
            continue;
          }
          pos++;
          ch = text.charAt(pos);
        }
        sb.append(ch);
        positions.add(pos);
        continue;
      }
      // IN_QUOTE
      if (ch == quote) {
        phase = IN_WORD;
        continue;
      }
      if (ch == escape) {
        if (pos + 1 == to) {
          phase = IN_WORD;
          continue;
        }
        pos++;
        ch = text.charAt(pos);
      }
      sb.append(ch);
      positions.add(pos);
    }
    return to;
  }

  private Flag flag(String w, IntList positions, int start, int end) {
    SourceSpan whole = line.span(start, end);
    int eq = w.indexOf('=');
    int nameEnd = eq < 0 ? w.length() : eq;
    SourceSpan nameSpan = charsSpan(positions, 2, nameEnd, end);
    String value = eq < 0 ? null : w.substring(eq + 1);
    SourceSpan valueSpan =
        eq < 0 ? line.span(end, end) : charsSpan(positions, eq + 1, w.length(), end);
    return new Flag(w, w.substring(Math.min(2, nameEnd), nameEnd), value, whole, nameSpan,
        valueSpan);
  }

  /** Span of builder characters {@code [from, to)} given where each came from. */
  private SourceSpan charsSpan(IntList positions, int from, int to, int wordEnd) {
    if (to <= from) {
      int at = from < positions.size() ? positions.get(from) : wordEnd;
      return line.span(at, at);
    }
    return line.span(positions.get(from), positions.get(to - 1) + 1);
  }

  /** BuildKit's parseWords: quote-aware splitting that keeps quotes and escapes. */
  private List<RawWord> parseWords(int from, int to) {
    List<RawWord> out = new ArrayList<>();
    int phase = IN_SPACES;
    StringBuilder sb = new StringBuilder();
    char quote = 0;
    boolean blankOk = false;
    int wordStart = from;
    for (int pos = from; pos <= to; pos++) {
      char ch = pos < to ? text.charAt(pos) : 0;
      if (phase == IN_SPACES) {
        if (pos == to) {
          break;
        }
        if (GoText.isSpace(ch)) {
          continue;
        }
        phase = IN_WORD;
        wordStart = pos;
      }
      if (pos == to) {
        if (blankOk || sb.length() > 0) {
          out.add(new RawWord(sb.toString(), wordStart, to));
        }
        break;
      }
      if (phase == IN_WORD) {
        if (GoText.isSpace(ch)) {
          phase = IN_SPACES;
          if (blankOk || sb.length() > 0) {
            out.add(new RawWord(sb.toString(), wordStart, pos));
          }
          sb.setLength(0);
          blankOk = false;
          continue;
        }
        if (ch == '\'' || ch == '"') {
          quote = ch;
          blankOk = true;
          phase = IN_QUOTE;
        }
        if (ch == escape) {
          if (pos + 1 == to) {
            continue;
          }
          sb.append(ch);
          pos++;
          ch = text.charAt(pos);
        }
        sb.append(ch);
        continue;
      }
      // IN_QUOTE
      if (ch == quote) {
        phase = IN_WORD;
      }
      if (ch == escape && quote != '\'') {
        if (pos + 1 == to) {
          phase = IN_WORD;
          continue;
        }
        pos++;
        sb.append(ch);
        ch = text.charAt(pos);
      }
      sb.append(ch);
    }
    return out;
  }

  /** BuildKit's parseNameVal for ENV and LABEL. */
  private void parseNameVal(int from, int to, String key, Args args)
      throws DockerfileParseException {
    List<RawWord> words = parseWords(from, to);
    if (words.isEmpty()) {
      return;
    }
    if (words.get(0).value.indexOf('=') < 0) {
      int sep = from;
      while (sep < to && !GoText.isAsciiBlank(text.charAt(sep))) {
        sep++;
      }
      if (sep == to) {
        throw error(line.span(from, to), key + " must have two arguments");
      }
      int value = sep;
      while (value < to && GoText.isAsciiBlank(text.charAt(value))) {
        value++;
      }
      args.words.add(word(from, sep));
      args.words.add(word(value, to));
      args.words.add(new Word("", line.span(to, to)));
      return;
    }
    for (RawWord w : words) {
      int eq = w.value.indexOf('=');
      if (eq < 0) {
        throw error(line.span(w.start, w.end), "Syntax error - can't find = in "
            + GoText.quote(w.value) + ". Must be of the form: name=value");
      }
      // parseWords copies its input verbatim (only a lone escape at the very end is dropped),
      // so the word's characters map one to one onto the text from its start.
      int start = w.start;
      args.words.add(new Word(w.value.substring(0, eq), line.span(start, start + eq)));
      int valueEnd = Math.min(start + w.value.length(), w.end);
      args.words.add(new Word(w.value.substring(eq + 1), line.span(start + eq + 1, valueEnd)));
      args.words.add(new Word("=", line.span(start + eq, start + eq + 1)));
    }
  }

  /** BuildKit's parseStringsWhitespaceDelimited: split on runs of {@code [\t\v\f\r ]}. */
  private void parseStringsWhitespaceDelimited(int from, int to, Args args) {
    if (from >= to) {
      return;
    }
    int start = from;
    int pos = from;
    while (pos < to) {
      if (GoText.isAsciiBlank(text.charAt(pos))) {
        args.words.add(word(start, pos));
        while (pos < to && GoText.isAsciiBlank(text.charAt(pos))) {
          pos++;
        }
        start = pos;
      } else {
        pos++;
      }
    }
    args.words.add(word(start, to));
  }

  /** BuildKit's parseJSON; true when the text was a JSON array of strings. */
  private boolean parseJson(int from, int to, Args args) throws DockerfileParseException {
    if (from >= to || text.charAt(from) != '[') {
      return false;
    }
    JsonArray.Result result = JsonArray.read(text, from, to);
    switch (result.kind()) {
      case STRINGS:
        for (JsonArray.Element e : result.elements()) {
          args.words.add(new Word(e.value(), line.span(e.start(), e.end())));
        }
        args.json = true;
        return true;
      case NOT_STRING_ARRAY:
        throw error(line.span(from, to),
            "when using JSON array syntax, arrays must be comprised of strings only");
      default:
        args.looksLikeJsonButIsNot = true;
        return false;
    }
  }

  private void parseMaybeJson(int from, int to, Args args) throws DockerfileParseException {
    if (from >= to) {
      return;
    }
    if (!parseJson(from, to, args)) {
      args.words.add(word(from, to));
    }
  }

  private void parseMaybeJsonToList(int from, int to, Args args)
      throws DockerfileParseException {
    if (!parseJson(from, to, args)) {
      parseStringsWhitespaceDelimited(from, to, args);
    }
  }

  /** BuildKit's parseHealthConfig: a type word, then a command like CMD's. */
  private void parseHealthConfig(int from, int to, Args args) throws DockerfileParseException {
    int sep = from;
    while (sep < to && !GoText.isSpace(text.charAt(sep))) {
      sep++;
    }
    int next = sep;
    while (next < to && GoText.isSpace(text.charAt(next))) {
      next++;
    }
    if (sep == from) {
      return;
    }
    args.words.add(word(from, sep));
    parseMaybeJson(next, to, args);
  }

  /** A growable int array for flag character positions. */
  private static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int get(int i) {
      return values[i];
    }

    int size() {
      return size;
    }

    void clear() {
      size = 0;
    }
  }
}
