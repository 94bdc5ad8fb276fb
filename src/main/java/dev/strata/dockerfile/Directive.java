package dev.strata.dockerfile;

import java.util.Objects;

/**
 * A parser directive at the top of the file: {@code # syntax=...}, {@code # escape=...} or
 * {@code # check=...}.
 *
 * @param name lowercase name ({@code syntax}, {@code escape} or {@code check})
 * @param value the value, surrounding whitespace trimmed
 * @param span the whole directive line (line ending excluded)
 * @param valueSpan the value
 */
public record Directive(String name, String value, SourceSpan span, SourceSpan valueSpan) {
  public Directive {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(valueSpan, "valueSpan");
  }
}
