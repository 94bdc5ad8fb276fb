package dev.strata.shell;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The result of expanding one Dockerfile word the way BuildKit does.
 *
 * @param value            BuildKit's ProcessWord string (quotes removed, variables substituted;
 *                         an unset variable expands to the empty string, exactly as BuildKit does)
 * @param words            BuildKit's ProcessWords result: the same text split into words
 * @param usedVariables    variables referenced and set, in first-use order
 * @param unknownVariables variables referenced but not set, in first-use order: the value built
 *                         from them is BuildKit's, but what the author meant is unknown, so rules
 *                         must treat anything derived from it as UNKNOWN
 */
public record Expansion(String value, List<String> words, Set<String> usedVariables,
                        Set<String> unknownVariables) {
    public Expansion {
        words = List.copyOf(words);
        usedVariables = Collections.unmodifiableSet(new LinkedHashSet<>(usedVariables));
        unknownVariables = Collections.unmodifiableSet(new LinkedHashSet<>(unknownVariables));
    }

    /** True when no referenced variable was unset. */
    public boolean known() {
        return unknownVariables.isEmpty();
    }
}
