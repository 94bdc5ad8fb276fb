package dev.strata.rules.model;

import java.util.Set;

/** What a stage's FROM names, once ARG defaults are substituted. */
public sealed interface BaseImage {
    /** {@code FROM scratch}: nothing to pin. */
    record Scratch() implements BaseImage {}

    /** {@code FROM name} where name is an earlier stage. */
    record StageRef(String name, int stageIndex) implements BaseImage {}

    /**
     * A registry image.
     *
     * @param reference the resolved reference
     * @param variables the variables the written reference used (empty when written literally)
     */
    record Image(ImageReference reference, Set<String> variables) implements BaseImage {
        public Image {
            variables = Set.copyOf(variables);
        }
    }

    /** A reference built from variables with no known value: decided at build time, not guessed. */
    record Unknown(String written, Set<String> unknownVariables) implements BaseImage {
        public Unknown {
            unknownVariables = Set.copyOf(unknownVariables);
        }
    }
}
