package dev.strata.dockerfile;

import java.util.List;

/** Offset mapping through a list of {@link TextSegment}s (each lies within one line). */
final class TextSegments {
  private TextSegments() {}

  /** Index of the segment holding processed-text {@code index} (a segment's end counts). */
  static int segmentOf(List<TextSegment> segments, int index) {
    int lo = 0;
    int hi = segments.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (segments.get(mid).textOffset() <= index) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    TextSegment s = segments.get(lo);
    if (index < 0 || index - s.textOffset() > s.length()) {
      throw new IndexOutOfBoundsException("index " + index + " outside the text");
    }
    return lo;
  }

  static int sourceOffset(List<TextSegment> segments, int index, SourceSpan whole) {
    if (segments.isEmpty()) {
      if (index != 0) {
        throw new IndexOutOfBoundsException("index " + index + " in empty text");
      }
      return whole.startOffset();
    }
    TextSegment s = segments.get(segmentOf(segments, index));
    return s.sourceOffset() + index - s.textOffset();
  }

  /** The source span of processed text {@code start..end}. */
  static SourceSpan span(List<TextSegment> segments, int start, int end, SourceSpan whole) {
    if (end < start) {
      throw new IllegalArgumentException("end " + end + " before start " + start);
    }
    if (segments.isEmpty()) {
      if (start != 0 || end != 0) {
        throw new IndexOutOfBoundsException(start + ".." + end + " in empty text");
      }
      return new SourceSpan(whole.startOffset(), whole.startOffset(), whole.startLine(),
          whole.startColumn(), whole.startLine(), whole.startColumn());
    }
    TextSegment a = segments.get(segmentOf(segments, start));
    int endIndex = segmentOf(segments, end);
    TextSegment b = segments.get(endIndex);
    // An empty range at a boundary belongs to the first segment; a non-empty range ending at a
    // boundary ends on the earlier segment, not at the start of the next line.
    if (end > start && end == b.textOffset() && endIndex > 0) {
      b = segments.get(endIndex - 1);
    }
    int so = a.sourceOffset() + start - a.textOffset();
    int eo = b.sourceOffset() + end - b.textOffset();
    return new SourceSpan(
        so, eo, a.line(), a.column() + start - a.textOffset(),
        b.line(), b.column() + end - b.textOffset());
  }

  /** The processed-text index of source offset {@code offset}, or -1 when it was removed. */
  static int textIndex(List<TextSegment> segments, int offset) {
    int lo = 0;
    int hi = segments.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      TextSegment s = segments.get(mid);
      if (offset < s.sourceOffset()) {
        hi = mid - 1;
      } else if (offset > s.sourceOffset() + s.length()) {
        lo = mid + 1;
      } else {
        return s.textOffset() + offset - s.sourceOffset();
      }
    }
    return -1;
  }
}
