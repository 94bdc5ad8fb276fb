package dev.strata.dockerfile;

import java.util.Objects;

/**
 * A comment line ({@code #} as the first non-blank character), also inside line continuations.
 *
 * @param text the text after {@code #}, surrounding whitespace trimmed
 * @param span from the {@code #} to the end of the line (line ending excluded)
 * @param directive true when BuildKit read this line as a parser directive
 */
public record Comment(String text, SourceSpan span, boolean directive) {
  public Comment {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(span, "span");
  }
}
