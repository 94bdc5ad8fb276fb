package dev.strata.build;

import java.util.List;

/**
 * The builder a rebuild will use, and what the probe of each candidate found.
 *
 * @param builder the chosen, usable builder
 * @param probes every probe made, in order (the chosen one last)
 */
public record BuilderChoice(Builder builder, List<Usability> probes) {
    public BuilderChoice {
        probes = List.copyOf(probes);
    }
}
