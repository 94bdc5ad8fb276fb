package dev.strata.dockerfile;

import java.util.List;

/**
 * Typed view of EXPOSE and VOLUME: a list of values (whitespace-separated, or a JSON array for
 * VOLUME).
 */
public record ValuesInstruction(Instruction instruction, List<Word> values) {
  public ValuesInstruction {
    values = List.copyOf(values);
  }

  public static ValuesInstruction of(Instruction instruction) {
    Views.require(instruction, "expose", "volume");
    return new ValuesInstruction(instruction, instruction.arguments());
  }
}
