package dev.strata.rules.model;

import dev.strata.dockerfile.FromInstruction;
import java.util.List;
import java.util.Optional;

/**
 * One build stage: its FROM, what it builds on, and its instructions (FROM excluded).
 *
 * @param index 0-based position among the stages
 * @param name the {@code AS} name, lower-cased as BuildKit compares it, if any
 * @param from the FROM instruction
 * @param base what the FROM resolves to
 * @param steps the stage's instructions after FROM, each with the variables known there
 */
public record Stage(int index, Optional<String> name, FromInstruction from, BaseImage base, List<Step> steps) {
    public Stage {
        steps = List.copyOf(steps);
    }

    /** True when the stage declares {@code ARG TARGETARCH}/{@code TARGETPLATFORM}/... or FROM has --platform. */
    public boolean platformAware() {
        if (from.platform().isPresent()) {
            return true;
        }
        for (Step s : steps) {
            if (s.instruction().is("arg")) {
                for (String v : s.instruction().argumentValues()) {
                    String n = v.contains("=") ? v.substring(0, v.indexOf('=')) : v;
                    if (n.startsWith("TARGET") || n.startsWith("BUILD")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
