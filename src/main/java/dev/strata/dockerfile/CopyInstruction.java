package dev.strata.dockerfile;

import java.util.List;
import java.util.Optional;

/**
 * Typed view of COPY and ADD.
 *
 * @param add true for ADD
 * @param sources the source words (all arguments but the last; heredoc markers such as
 *     {@code <<EOF} appear here as written, their bodies are in {@code heredocs})
 * @param destination the last argument
 */
public record CopyInstruction(
    Instruction instruction,
    boolean add,
    Optional<Flag> from,
    Optional<Flag> chmod,
    Optional<Flag> chown,
    Optional<Flag> link,
    Optional<Flag> checksum,
    Optional<Flag> keepGitDir,
    List<Flag> excludes,
    Optional<Flag> parents,
    List<Word> sources,
    Optional<Word> destination,
    List<Heredoc> heredocs) {

  public CopyInstruction {
    excludes = List.copyOf(excludes);
    sources = List.copyOf(sources);
    heredocs = List.copyOf(heredocs);
  }

  public static CopyInstruction of(Instruction instruction) {
    Views.require(instruction, "copy", "add");
    List<Word> args = instruction.arguments();
    List<Word> sources = args.isEmpty() ? List.of() : args.subList(0, args.size() - 1);
    Optional<Word> destination =
        args.isEmpty() ? Optional.empty() : Optional.of(args.get(args.size() - 1));
    return new CopyInstruction(
        instruction,
        instruction.is("add"),
        instruction.flag("from"),
        instruction.flag("chmod"),
        instruction.flag("chown"),
        instruction.flag("link"),
        instruction.flag("checksum"),
        instruction.flag("keep-git-dir"),
        instruction.flags("exclude"),
        instruction.flag("parents"),
        sources,
        destination,
        instruction.heredocs());
  }
}
