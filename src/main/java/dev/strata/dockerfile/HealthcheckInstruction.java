package dev.strata.dockerfile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed view of HEALTHCHECK: {@code HEALTHCHECK [flags] CMD command} or {@code HEALTHCHECK NONE}.
 *
 * @param type the first word ({@code CMD}, {@code NONE}, or whatever was written), if any
 * @param json true when the command is in exec (JSON) form
 * @param execArgs the exec-form command (empty otherwise)
 * @param shellCommand the shell-form command word (its value is the command text)
 */
public record HealthcheckInstruction(
    Instruction instruction, Optional<Word> type, boolean json, List<Word> execArgs,
    Optional<Word> shellCommand) {

  public HealthcheckInstruction {
    execArgs = List.copyOf(execArgs);
  }

  public static HealthcheckInstruction of(Instruction instruction) {
    Views.require(instruction, "healthcheck");
    List<Word> args = instruction.arguments();
    Optional<Word> type = args.isEmpty() ? Optional.empty() : Optional.of(args.get(0));
    List<Word> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    boolean json = instruction.json();
    Optional<Word> shell = !json && !rest.isEmpty() ? Optional.of(rest.get(0)) : Optional.empty();
    return new HealthcheckInstruction(instruction, type, json, json ? rest : List.of(), shell);
  }

  /** True for {@code HEALTHCHECK NONE}. */
  public boolean isNone() {
    return type.map(t -> t.value().toUpperCase(Locale.ROOT).equals("NONE")).orElse(false);
  }

  public Optional<Flag> interval() {
    return instruction.flag("interval");
  }

  public Optional<Flag> timeout() {
    return instruction.flag("timeout");
  }

  public Optional<Flag> retries() {
    return instruction.flag("retries");
  }

  public Optional<Flag> startPeriod() {
    return instruction.flag("start-period");
  }

  public Optional<Flag> startInterval() {
    return instruction.flag("start-interval");
  }
}
