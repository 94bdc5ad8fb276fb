package dev.strata.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed view of ARG: {@code ARG name[=default] ...}. */
public record ArgInstruction(Instruction instruction, List<Declaration> declarations) {

  /**
   * One declared build argument.
   *
   * @param name the name (text before the first {@code '='})
   * @param defaultValue the default exactly as written after {@code '='} (quotes kept, not
   *     expanded; BuildKit unquotes and expands it when the stage is built), empty without
   *     {@code '='}
   * @param nameSpan the name in the source
   * @param valueSpan the default in the source (empty, after the name, without a default)
   */
  public record Declaration(
      String name, Optional<String> defaultValue, SourceSpan nameSpan, SourceSpan valueSpan) {}

  public ArgInstruction {
    declarations = List.copyOf(declarations);
  }

  public static ArgInstruction of(Instruction instruction) {
    Views.require(instruction, "arg");
    List<Declaration> out = new ArrayList<>();
    for (Word w : instruction.arguments()) {
      String v = w.value();
      int eq = v.indexOf('=');
      if (eq < 0) {
        SourceSpan name = instruction.spanWithin(w, 0, v.length());
        out.add(new Declaration(v, Optional.empty(), name,
            instruction.spanWithin(w, v.length(), v.length())));
      } else {
        out.add(new Declaration(v.substring(0, eq), Optional.of(v.substring(eq + 1)),
            instruction.spanWithin(w, 0, eq), instruction.spanWithin(w, eq + 1, v.length())));
      }
    }
    return new ArgInstruction(instruction, out);
  }
}
