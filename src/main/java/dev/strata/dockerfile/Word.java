package dev.strata.dockerfile;

/**
 * One argument of an instruction, with its value exactly as BuildKit's parser yields it (quotes
 * kept where BuildKit keeps them) and the span of the source text it came from. For JSON (exec)
 * form the span covers the JSON string literal including its quotes; for values BuildKit
 * synthesises (the empty separator of a legacy {@code ENV K V}) the span is empty.
 */
public record Word(String value, SourceSpan span) {
  public Word {
    java.util.Objects.requireNonNull(value, "value");
    java.util.Objects.requireNonNull(span, "span");
  }
}
