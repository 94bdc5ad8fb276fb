package dev.strata.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * An instruction's text after BuildKit joined its continuation lines, with the segments that map
 * each character back to the source.
 */
final class LogicalLine {
  final String text;
  final List<TextSegment> segments;
  /** Where the instruction starts in the source, used for spans of an empty text. */
  private final SourceSpan anchor;

  private LogicalLine(String text, List<TextSegment> segments, SourceSpan anchor) {
    this.text = text;
    this.segments = segments;
    this.anchor = anchor;
  }

  /** Builds a logical line from source pieces. */
  static final class Builder {
    private final String source;
    private final LineIndex lines;
    private final StringBuilder text = new StringBuilder();
    private final List<TextSegment> segments = new ArrayList<>();

    Builder(String source, LineIndex lines) {
      this.source = source;
      this.lines = lines;
    }

    void add(int start, int end, int line) {
      if (end > start) {
        segments.add(new TextSegment(
            text.length(), start, end - start, line, start - lines.lineStart(line) + 1));
        text.append(source, start, end);
      }
    }

    LogicalLine build(SourceSpan anchor) {
      return new LogicalLine(text.toString(), List.copyOf(segments), anchor);
    }
  }

  int length() {
    return text.length();
  }

  SourceSpan span(int start, int end) {
    return TextSegments.span(segments, start, end, anchor);
  }

  int sourceOffset(int index) {
    return TextSegments.sourceOffset(segments, index, anchor);
  }

  /** The segments of {@code text[start, end)}, rebased so that {@code start} is 0. */
  List<TextSegment> slice(int start, int end) {
    List<TextSegment> out = new ArrayList<>();
    for (TextSegment s : segments) {
      int a = Math.max(start, s.textOffset());
      int b = Math.min(end, s.textOffset() + s.length());
      if (b > a) {
        int shift = a - s.textOffset();
        out.add(new TextSegment(
            a - start, s.sourceOffset() + shift, b - a, s.line(), s.column() + shift));
      }
    }
    return out;
  }
}
