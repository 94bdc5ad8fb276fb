package dev.strata.dockerfile;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A hand-written Dockerfile parser that follows BuildKit's {@code frontend/dockerfile/parser}
 * line for line in behaviour: parser directives, escape character, line continuations (with
 * comments and empty lines inside them), heredocs, JSON versus shell form and each
 * instruction's argument splitting. It runs in one linear pass without regular expressions and
 * records the exact source span of every instruction, flag and word.
 *
 * <p>Beyond BuildKit's parser it rejects what makes a build fail before anything runs: unknown
 * instructions (and forbidden ONBUILD triggers), text that is not UTF-8 or contains NUL bytes.
 * Every problem is a {@link DockerfileParseException} located at line and column.
 */
public final class DockerfileParser {
  /** BuildKit reads lines with Go's bufio.Scanner, whose tokens are at most 64 KiB. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  private DockerfileParser() {}

  /** Decodes {@code bytes} as UTF-8 (a leading byte-order mark is dropped) and parses them. */
  public static Dockerfile parse(String fileName, byte[] bytes) throws DockerfileParseException {
    int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    return new Parse(fileName, decode(fileName, bytes, skip)).run();
  }

  /** Parses already decoded text (a leading byte-order mark is dropped). */
  public static Dockerfile parse(String fileName, String text) throws DockerfileParseException {
    String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return new Parse(fileName, source).run();
  }

  private static String decode(String fileName, byte[] bytes, int skip)
      throws DockerfileParseException {
    // Fast path: the JDK's own decoder, which replaces malformed input with U+FFFD. Only when a
    // U+FFFD shows up (malformed input, or a real U+FFFD) is the strict decoder run to tell.
    String fast = new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return fast;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    CharBuffer out = CharBuffer.allocate(bytes.length - skip);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int bad = in.position();
      out.flip();
      String prefix = out.toString();
      LineIndex lines = LineIndex.of(prefix);
      int line = lines.line(prefix.length());
      int column = lines.column(prefix.length());
      throw new DockerfileParseException(fileName, line, column, String.format(Locale.ROOT,
          "not valid UTF-8: byte 0x%02x at byte offset %d", bytes[bad] & 0xFF, bad));
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  /** The state of one parse. */
  private static final class Parse {
    private final String file;
    private final String src;
    private final int len;
    private final LineIndex lines;
    private char escape = '\\';
    private boolean directivesDone;
    private final List<Directive> directives = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    private final List<Instruction> instructions = new ArrayList<>();
    private DockerfileParseException deferred;

    // the physical line last read
    private int pos;
    private int lineNo;
    private int lineStart;
    private int lineContentEnd;

    Parse(String file, String src) {
      this.file = file;
      this.src = src;
      this.len = src.length();
      this.lines = LineIndex.of(src);
    }

    /** A span on the physical line last read (no line lookup needed). */
    private SourceSpan onCurrentLine(int start, int end) {
      return new SourceSpan(start, end, lineNo, start - lineStart + 1, lineNo,
          end - lineStart + 1);
    }

    private DockerfileParseException error(int offset, String message) {
      return new DockerfileParseException(
          file, lines.line(offset), lines.column(offset), message);
    }

    /** Reads the next physical line; false at the end of the text. */
    private boolean readLine() throws DockerfileParseException {
      if (pos >= len) {
        return false;
      }
      int nl = src.indexOf('\n', pos);
      int next = nl < 0 ? len : nl + 1;
      int end = next;
      while (end > pos && (src.charAt(end - 1) == '\n' || src.charAt(end - 1) == '\r')) {
        end--;
      }
      lineStart = pos;
      lineContentEnd = end;
      pos = next;
      lineNo++;
      checkLineLength(lineStart, next, nl >= 0);
      return true;
    }

    private void checkLineLength(int start, int end, boolean hasNewline)
        throws DockerfileParseException {
      if ((end - start) * 3L < MAX_LINE_BYTES) {
        return;
      }
      long bytes = 0;
      for (int i = start; i < end; i++) {
        char c = src.charAt(i);
        if (c < 0x80) {
          bytes++;
        } else if (c < 0x800) {
          bytes += 2;
        } else if (Character.isHighSurrogate(c)) {
          bytes += 4;
          i++;
        } else {
          bytes += 3;
        }
      }
      // A final line without newline must leave room in the scanner's buffer to see the end.
      if (bytes > MAX_LINE_BYTES || !hasNewline && bytes >= MAX_LINE_BYTES) {
        throw error(start, "dockerfile line greater than max allowed size of "
            + (MAX_LINE_BYTES - 1));
      }
    }

    Dockerfile run() throws DockerfileParseException {
      int nul = src.indexOf('\0');
      if (nul >= 0) {
        throw error(nul, "binary content: NUL byte (this is not a text Dockerfile)");
      }
      while (readLine()) {
        int t = skipSpaces(lineStart, lineContentEnd);
        boolean comment = t < lineContentEnd && src.charAt(t) == '#';
        boolean directive = possibleDirective(t, lineContentEnd);
        if (comment) {
          addComment(t, lineContentEnd, directive);
          continue;
        }
        int k = continuationEscape(t, lineContentEnd);
        if (k < 0 && t == lineContentEnd) {
          continue;
        }
        instruction(t, k);
      }
      if (instructions.isEmpty() && deferred == null) {
        throw new DockerfileParseException(file, Math.max(1, lineNo), 1,
            "file with no instructions");
      }
      if (deferred != null) {
        throw deferred;
      }
      return new Dockerfile(file, src, directives, escape, instructions, comments, lines);
    }

    /** Reads one instruction whose first line starts at {@code t}. */
    private void instruction(int t, int escapeAt) throws DockerfileParseException {
      int firstLine = lineNo;
      SourceSpan anchor = onCurrentLine(t, t);
      LogicalLine.Builder builder = new LogicalLine.Builder(src, lines);
      builder.add(t, escapeAt >= 0 ? escapeAt : lineContentEnd, lineNo);
      SourceSpan end = onCurrentLine(lineContentEnd, lineContentEnd);
      boolean continued = escapeAt >= 0;
      while (continued && readLine()) {
        int mt = skipSpaces(lineStart, lineContentEnd);
        if (mt < lineContentEnd && src.charAt(mt) == '#') {
          addComment(mt, lineContentEnd, false);
          continue;
        }
        if (mt == lineContentEnd) {
          continue;
        }
        int k = continuationEscape(lineStart, lineContentEnd);
        builder.add(lineStart, k >= 0 ? k : lineContentEnd, lineNo);
        end = onCurrentLine(lineContentEnd, lineContentEnd);
        continued = k >= 0;
      }
      LogicalLine logical = builder.build(anchor);
      if (isGoBlank(logical.text)) {
        if (deferred == null) {
          deferred = new DockerfileParseException(file, firstLine, anchor.startColumn(),
              "empty instruction: a line continuation is followed by nothing");
        }
        return;
      }
      InstructionParser parser = new InstructionParser(file, src, escape, logical, end);
      Instruction ins = parser.parse(0, logical.length(), true);
      if (parser.deferred != null && deferred == null) {
        deferred = parser.deferred;
      }
      Instruction target = ins.trigger() != null ? ins.trigger() : ins;
      boolean heredocCapable = (target.name().equals("run") || target.name().equals("copy")
          || target.name().equals("add")) && !target.json();
      if (heredocCapable && logical.text.contains("<<")) {
        List<HeredocMarker> markers;
        try {
          markers = HeredocMarker.fromLine(logical.text);
        } catch (ShellWordLexer.LexException e) {
          throw error(t, "failed to process heredoc: " + e.getMessage());
        }
        if (!markers.isEmpty()) {
          List<Heredoc> heredocs = new ArrayList<>();
          for (HeredocMarker m : markers) {
            heredocs.add(readHeredoc(m, ins));
          }
          ins = withHeredocs(ins, heredocs);
        }
      }
      instructions.add(ins);
    }

    private boolean isGoBlank(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (!GoText.isSpace(s.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    private Heredoc readHeredoc(HeredocMarker m, Instruction ins)
        throws DockerfileParseException {
      int bodyStart = pos;
      String name = m.name();
      while (readLine()) {
        int ts = lineStart;
        if (m.chomp()) {
          while (ts < lineContentEnd && src.charAt(ts) == '\t') {
            ts++;
          }
        }
        if (lineContentEnd - ts == name.length() && src.startsWith(name, ts)) {
          return new Heredoc(name, m.expand(), m.chomp(), src.substring(bodyStart, lineStart),
              lines.span(bodyStart, lineStart), lines.span(ts, lineContentEnd));
        }
      }
      SourceSpan at = ins.keywordSpan();
      throw new DockerfileParseException(file, at.startLine(), at.startColumn(),
          "unterminated heredoc: no line \"" + name + "\" ends the here-document started on line "
              + at.startLine());
    }

    private static Instruction withHeredocs(Instruction ins, List<Heredoc> heredocs) {
      Instruction trigger = ins.trigger() == null ? null : withHeredocs(ins.trigger(), heredocs);
      return new Instruction(ins.keyword(), ins.name(), ins.span(), ins.keywordSpan(),
          ins.flags(), ins.arguments(), ins.json(), ins.looksLikeJsonButIsNot(),
          ins.argumentText(), ins.argumentSegments(), ins.rawArguments(),
          ins.rawArgumentsSpan(), heredocs, trigger);
    }

    private int skipSpaces(int from, int to) {
      while (from < to && GoText.isSpace(src.charAt(from))) {
        from++;
      }
      return from;
    }

    /**
     * BuildKit's line-continuation test on {@code src[from, to)}: the escape character followed
     * only by spaces and tabs, not itself escaped. Returns the escape's index, or -1.
     */
    private int continuationEscape(int from, int to) {
      int k = to - 1;
      while (k >= from && (src.charAt(k) == ' ' || src.charAt(k) == '\t')) {
        k--;
      }
      if (k < from || src.charAt(k) != escape) {
        return -1;
      }
      return k == from || src.charAt(k - 1) != escape ? k : -1;
    }

    private void addComment(int hash, int end, boolean directive) {
      int a = hash + 1;
      int b = end;
      while (a < b && GoText.isSpace(src.charAt(a))) {
        a++;
      }
      while (b > a && GoText.isSpace(src.charAt(b - 1))) {
        b--;
      }
      comments.add(new Comment(src.substring(a, b), onCurrentLine(hash, end), directive));
    }

    /**
     * BuildKit's directive parser on one line {@code src[t, end)} (leading space removed):
     * {@code #} then {@code ^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$}, names syntax, escape and
     * check, each at most once; the first line that is not one ends the directives.
     */
    private boolean possibleDirective(int t, int end) throws DockerfileParseException {
      if (directivesDone) {
        return false;
      }
      if (t >= end || src.charAt(t) != '#') {
        directivesDone = true;
        return false;
      }
      int p = skipSpaces(t + 1, end);
      if (p >= end || !isAsciiLetter(src.charAt(p))) {
        directivesDone = true;
        return false;
      }
      int nameStart = p;
      while (p < end && (isAsciiLetter(src.charAt(p)) || isAsciiDigit(src.charAt(p)))) {
        p++;
      }
      int nameEnd = p;
      while (p < end && GoText.isRe2Space(src.charAt(p))) {
        p++;
      }
      if (p >= end || src.charAt(p) != '=') {
        directivesDone = true;
        return false;
      }
      p++;
      if (p >= end) {
        directivesDone = true;
        return false;
      }
      int vs = p;
      while (vs < end && GoText.isRe2Space(src.charAt(vs))) {
        vs++;
      }
      int ve = end;
      while (ve > vs && GoText.isRe2Space(src.charAt(ve - 1))) {
        ve--;
      }
      if (vs == end) {
        // only white space after '=': the lazy value group takes the last character
        vs = end - 1;
        ve = end;
      }
      String name = src.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
      if (!name.equals("syntax") && !name.equals("escape") && !name.equals("check")) {
        directivesDone = true;
        return false;
      }
      for (Directive d : directives) {
        if (d.name().equals(name)) {
          throw error(nameStart, "only one " + name + " parser directive can be used");
        }
      }
      String value = src.substring(vs, ve);
      if (name.equals("escape")) {
        if (!value.equals("`") && !value.equals("\\")) {
          throw error(vs, "invalid escape token '" + value + "' does not match ` or \\");
        }
        escape = value.charAt(0);
      }
      directives.add(new Directive(name, value, onCurrentLine(t, end), onCurrentLine(vs, ve)));
      return true;
    }

    private static boolean isAsciiLetter(char c) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }
}
