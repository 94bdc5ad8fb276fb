package dev.strata.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** Typed view of ENV and LABEL: {@code K=V ...} or the legacy {@code K V} form. */
public record KeyValueInstruction(Instruction instruction, List<Pair> pairs) {

  /**
   * One key/value pair, both exactly as BuildKit's parser yields them: quotes and escapes are
   * kept (BuildKit removes them when it evaluates the instruction). In the legacy form the value
   * is the rest of the line after the key.
   */
  public record Pair(String key, String value, boolean legacyForm, Word keyWord, Word valueWord) {
    public SourceSpan keySpan() {
      return keyWord.span();
    }

    public SourceSpan valueSpan() {
      return valueWord.span();
    }
  }

  public KeyValueInstruction {
    pairs = List.copyOf(pairs);
  }

  public static KeyValueInstruction of(Instruction instruction) {
    Views.require(instruction, "env", "label");
    List<Word> args = instruction.arguments();
    List<Pair> out = new ArrayList<>();
    for (int i = 0; i + 2 < args.size(); i += 3) {
      Word key = args.get(i);
      Word value = args.get(i + 1);
      boolean legacy = args.get(i + 2).value().isEmpty();
      out.add(new Pair(key.value(), value.value(), legacy, key, value));
    }
    return new KeyValueInstruction(instruction, out);
  }
}
