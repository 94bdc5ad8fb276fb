package dev.strata.dockerfile;

import java.util.Objects;

/**
 * A here-document attached to RUN, COPY or ADD.
 *
 * @param name the delimiter word with quotes removed ({@code EOF} for {@code <<"EOF"})
 * @param expand false when any part of the delimiter was quoted: the body is not expanded
 * @param chomp true for {@code <<-}: leading tabs are stripped from body lines
 * @param content the body exactly as BuildKit stores it: every line up to the terminator,
 *     each with its line ending, leading tabs not yet stripped (see {@link #effectiveContent()}).
 *     It is a verbatim copy of the source at {@code bodySpan}: character {@code k} of it is
 *     source offset {@code bodySpan.startOffset() + k}
 * @param bodySpan the body in the source (empty, at the terminator line, when the body is empty)
 * @param delimiterSpan the closing terminator line in the source, its line ending excluded
 */
public record Heredoc(
    String name, boolean expand, boolean chomp, String content, SourceSpan bodySpan,
    SourceSpan delimiterSpan) {

  public Heredoc {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(bodySpan, "bodySpan");
    Objects.requireNonNull(delimiterSpan, "delimiterSpan");
  }

  /** The body as the build uses it: with {@code <<-}, leading tabs removed from every line. */
  public String effectiveContent() {
    if (!chomp) {
      return content;
    }
    StringBuilder out = new StringBuilder(content.length());
    boolean lineStart = true;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (lineStart && c == '\t') {
        continue;
      }
      lineStart = c == '\n';
      out.append(c);
    }
    return out.toString();
  }
}
