package dev.strata.dockerfile;

/**
 * A region of the decoded Dockerfile text.
 *
 * <p>Offsets index the decoded source {@link String} (UTF-16 code units, the BOM excluded);
 * {@code endOffset} is exclusive. Lines and columns are 1-based; columns count UTF-16 code
 * units. The end position is exclusive too: it is the position just after the last character
 * (the same convention as SARIF's {@code endColumn}). An empty span has equal start and end.
 */
public record SourceSpan(
    int startOffset, int endOffset, int startLine, int startColumn, int endLine, int endColumn) {

  public SourceSpan {
    if (startOffset < 0 || endOffset < startOffset) {
      throw new IllegalArgumentException(
          "bad span offsets " + startOffset + ".." + endOffset);
    }
    if (startLine < 1 || startColumn < 1 || endLine < startLine || endColumn < 1) {
      throw new IllegalArgumentException(
          "bad span position " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
    }
  }

  /** Number of UTF-16 code units covered. */
  public int length() {
    return endOffset - startOffset;
  }

  public boolean isEmpty() {
    return startOffset == endOffset;
  }

  /** True when {@code other} lies entirely within this span. */
  public boolean contains(SourceSpan other) {
    return other.startOffset >= startOffset && other.endOffset <= endOffset;
  }

  /** The covered text of {@code source}. */
  public String textOf(String source) {
    return source.substring(startOffset, endOffset);
  }

  @Override
  public String toString() {
    return startLine + ":" + startColumn + "-" + endLine + ":" + endColumn
        + "[" + startOffset + "," + endOffset + ")";
  }
}
