package dev.strata.dockerfile;

import java.util.List;
import java.util.Optional;

/**
 * Typed view of FROM: {@code FROM [--platform=P] image [AS name]}.
 *
 * @param image the image reference word, empty when FROM has no argument
 * @param platform the {@code --platform} flag
 * @param stageName the word after {@code AS} (any case), when given as the third argument
 */
public record FromInstruction(
    Instruction instruction, Optional<Word> image, Optional<Flag> platform,
    Optional<Word> stageName) {

  public static FromInstruction of(Instruction instruction) {
    Views.require(instruction, "from");
    List<Word> args = instruction.arguments();
    Optional<Word> image = args.isEmpty() ? Optional.empty() : Optional.of(args.get(0));
    Optional<Word> stage =
        args.size() == 3 && args.get(1).value().equalsIgnoreCase("as")
            ? Optional.of(args.get(2))
            : Optional.empty();
    return new FromInstruction(instruction, image, instruction.flag("platform"), stage);
  }
}
