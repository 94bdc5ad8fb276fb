package dev.strata.dockerfile;

import java.util.List;

/**
 * Typed view of CMD, ENTRYPOINT and SHELL: exec (JSON) form or shell form.
 *
 * @param execArgs the JSON array's strings in exec form (empty in shell form)
 * @param shellText the command text in shell form (empty in exec form); map offsets in it with
 *     {@link Instruction#argumentSpan(int, int)}
 */
public record CommandInstruction(
    Instruction instruction, boolean json, List<Word> execArgs, String shellText) {

  public CommandInstruction {
    execArgs = List.copyOf(execArgs);
  }

  public static CommandInstruction of(Instruction instruction) {
    Views.require(instruction, "cmd", "entrypoint", "shell");
    boolean json = instruction.json();
    return new CommandInstruction(
        instruction,
        json,
        json ? instruction.arguments() : List.of(),
        json ? "" : instruction.argumentText());
  }
}
