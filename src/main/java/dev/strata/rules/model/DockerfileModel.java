package dev.strata.rules.model;

import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.Instruction;
import dev.strata.shell.WordExpander;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The meaning of a parsed Dockerfile as the rules need it: stages with resolved base images, the
 * variables known at each instruction, the build context, and the inline suppressions.
 *
 * @param file the Dockerfile's path relative to the audited root (findings name it)
 * @param ast the parsed file
 * @param globalArgs the ARGs declared before the first FROM whose defaults are known
 * @param stages the build stages in order
 * @param context the files of the build context
 * @param expander word expansion with this file's escape character
 * @param suppressions rule ids suppressed per instruction
 * @param runs every RUN split into simple commands, in source order
 * @param memo analyses derived from this model, shared by the rules (not part of its value)
 */
public record DockerfileModel(
        String file,
        Dockerfile ast,
        Map<String, String> globalArgs,
        List<Stage> stages,
        BuildContext context,
        WordExpander expander,
        Map<Instruction, Set<String>> suppressions,
        List<RunScript> runs,
        Memo memo) {

    public DockerfileModel {
        globalArgs = Map.copyOf(globalArgs);
        stages = List.copyOf(stages);
        IdentityHashMap<Instruction, Set<String>> copy = new IdentityHashMap<>(suppressions);
        suppressions = java.util.Collections.unmodifiableMap(copy);
        runs = List.copyOf(runs);
    }

    /** The RUN scripts of one stage, in order. */
    public List<RunScript> runs(int stageIndex) {
        return runs.stream().filter(r -> r.step().stageIndex() == stageIndex).toList();
    }

    /** The span of source offsets {@code start..end}. */
    public dev.strata.dockerfile.SourceSpan span(int start, int end) {
        return ast.span(start, end);
    }

    /** Rule ids suppressed for an instruction by {@code # strata ignore=...} on the lines above it. */
    public Set<String> suppressed(Instruction instruction) {
        return suppressions.getOrDefault(instruction, Set.of());
    }

    /** Every step of every stage, in source order. */
    public List<Step> steps() {
        return memo.get("steps", () -> stages.stream().flatMap(s -> s.steps().stream()).toList());
    }

    /** 1-based line of a source offset. */
    public int line(int offset) {
        return ast.line(offset);
    }

    /** 1-based column of a source offset. */
    public int column(int offset) {
        return ast.column(offset);
    }
}
