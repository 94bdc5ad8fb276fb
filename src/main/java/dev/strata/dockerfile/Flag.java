package dev.strata.dockerfile;

import java.util.Objects;
import java.util.Optional;

/**
 * A builder flag such as {@code --from=build} or {@code --link}.
 *
 * @param text the flag as BuildKit yields it after quote removal, e.g. {@code --from=build}
 * @param name the name without the leading dashes, e.g. {@code from}
 * @param value the text after the first {@code '='}, or null when the flag has no {@code '='}
 * @param span the whole flag in the source
 * @param nameSpan the name (without dashes) in the source
 * @param valueSpan the value in the source (empty, at the flag's end, when there is no value)
 */
public record Flag(
    String text, String name, String value, SourceSpan span, SourceSpan nameSpan,
    SourceSpan valueSpan) {

  public Flag {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(nameSpan, "nameSpan");
    Objects.requireNonNull(valueSpan, "valueSpan");
  }

  /** The value, empty when the flag was written without {@code '='}. */
  public Optional<String> optionalValue() {
    return Optional.ofNullable(value);
  }

  /** True for a boolean flag that is on: written without a value, or as {@code =true}. */
  public boolean isTrue() {
    return value == null || value.equalsIgnoreCase("true");
  }
}
