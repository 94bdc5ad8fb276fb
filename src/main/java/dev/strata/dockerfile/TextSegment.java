package dev.strata.dockerfile;

/**
 * A piece of a processed (continuation-joined) text that is a contiguous copy of one source
 * line: characters {@code textOffset..textOffset+length} of the processed text are the source's
 * {@code sourceOffset..sourceOffset+length}, which start at 1-based {@code line}:{@code column}.
 */
public record TextSegment(int textOffset, int sourceOffset, int length, int line, int column) {
  public TextSegment {
    if (textOffset < 0 || sourceOffset < 0 || length < 0 || line < 1 || column < 1) {
      throw new IllegalArgumentException("bad text segment");
    }
  }
}
