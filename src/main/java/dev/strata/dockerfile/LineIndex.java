package dev.strata.dockerfile;

import java.util.Arrays;

/**
 * Turns offsets into the decoded Dockerfile text into 1-based line:column positions.
 *
 * <p>Lines end at {@code '\n'} only, as in BuildKit (a {@code '\r'} before it belongs to the
 * line). Built once per file in linear time; each lookup is a binary search.
 */
public final class LineIndex {
  private final int[] lineStarts;
  private final int length;

  private LineIndex(int[] lineStarts, int length) {
    this.lineStarts = lineStarts;
    this.length = length;
  }

  public static LineIndex of(String text) {
    int[] starts = new int[Math.max(16, text.length() / 32)];
    int count = 1;
    int nl = text.indexOf('\n');
    while (nl >= 0) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = nl + 1;
      nl = text.indexOf('\n', nl + 1);
    }
    return new LineIndex(Arrays.copyOf(starts, count), text.length());
  }

  /** Number of lines (a text ending in a newline has an empty last line). */
  public int lineCount() {
    return lineStarts.length;
  }

  /** Length of the indexed text. */
  public int textLength() {
    return length;
  }

  /** 1-based line of {@code offset} (0..length inclusive). */
  public int line(int offset) {
    checkOffset(offset);
    int index = Arrays.binarySearch(lineStarts, offset);
    return index >= 0 ? index + 1 : -index - 1;
  }

  /** 1-based column of {@code offset}. */
  public int column(int offset) {
    return offset - lineStarts[line(offset) - 1] + 1;
  }

  /** Offset where the 1-based {@code line} starts. */
  public int lineStart(int line) {
    if (line < 1 || line > lineStarts.length) {
      throw new IndexOutOfBoundsException("line " + line + " of " + lineStarts.length);
    }
    return lineStarts[line - 1];
  }

  /** Offset of the 1-based {@code line}'s end: its {@code '\n'}, or the end of the text. */
  public int lineEnd(int line) {
    return line < lineStarts.length ? lineStarts[line] - 1 : length;
  }

  /** The span from {@code start} (inclusive) to {@code end} (exclusive). */
  public SourceSpan span(int start, int end) {
    if (end < start) {
      throw new IllegalArgumentException("span end " + end + " before start " + start);
    }
    int startLine = line(start);
    int endLine = line(end);
    return new SourceSpan(
        start,
        end,
        startLine,
        start - lineStarts[startLine - 1] + 1,
        endLine,
        end - lineStarts[endLine - 1] + 1);
  }

  private void checkOffset(int offset) {
    if (offset < 0 || offset > length) {
      throw new IndexOutOfBoundsException("offset " + offset + " outside 0.." + length);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LineIndex other
        && length == other.length
        && Arrays.equals(lineStarts, other.lineStarts);
  }

  @Override
  public int hashCode() {
    return 31 * length + Arrays.hashCode(lineStarts);
  }

  @Override
  public String toString() {
    return "LineIndex[lines=" + lineStarts.length + ", length=" + length + "]";
  }
}
