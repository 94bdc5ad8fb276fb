package dev.strata.dockerfile;

import java.util.Optional;

/**
 * Typed view of USER, WORKDIR, STOPSIGNAL and MAINTAINER, whose whole argument text is one
 * value (BuildKit's parseString).
 */
public record StringInstruction(Instruction instruction, Optional<Word> value) {
  public static StringInstruction of(Instruction instruction) {
    Views.require(instruction, "user", "workdir", "stopsignal", "maintainer");
    return new StringInstruction(
        instruction,
        instruction.arguments().isEmpty()
            ? Optional.empty()
            : Optional.of(instruction.arguments().get(0)));
  }
}
