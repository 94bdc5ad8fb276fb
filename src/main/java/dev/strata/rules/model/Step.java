package dev.strata.rules.model;

import dev.strata.dockerfile.Instruction;
import java.util.Map;

/**
 * An instruction inside a stage with the context rules need.
 *
 * @param instruction the instruction
 * @param stageIndex the stage it belongs to
 * @param variables the ARG and ENV variables whose values are known when it runs (a variable
 *     declared without a known value is absent, so expansions report it as unknown)
 * @param workdir the working directory in effect (absolute, "/" when never set), or null when it
 *     was set from an unknown variable
 */
public record Step(Instruction instruction, int stageIndex, Map<String, String> variables, String workdir) {
    public Step {
        variables = Map.copyOf(variables);
    }
}
