package dev.strata.dockerfile;

import java.util.List;
import java.util.Optional;

/**
 * Typed view of RUN.
 *
 * @param mounts every {@code --mount} flag
 * @param shellText for shell form, the script BuildKit hands to the shell (empty in exec form);
 *     map offsets in it to the source with {@link Instruction#argumentSpan(int, int)}
 * @param execArgs for exec (JSON) form, the argument vector (empty in shell form)
 */
public record RunInstruction(
    Instruction instruction,
    List<Flag> mounts,
    Optional<Flag> network,
    Optional<Flag> security,
    boolean json,
    String shellText,
    List<Word> execArgs,
    List<Heredoc> heredocs) {

  public RunInstruction {
    mounts = List.copyOf(mounts);
    execArgs = List.copyOf(execArgs);
    heredocs = List.copyOf(heredocs);
  }

  public static RunInstruction of(Instruction instruction) {
    Views.require(instruction, "run");
    boolean json = instruction.json();
    return new RunInstruction(
        instruction,
        instruction.flags("mount"),
        instruction.flag("network"),
        instruction.flag("security"),
        json,
        json ? "" : instruction.argumentText(),
        json ? instruction.arguments() : List.of(),
        instruction.heredocs());
  }
}
