package dev.strata.compare;

/**
 * How to compare.
 *
 * @param noise the noise rules in force ({@link NoiseRules#none()} for {@code --strict})
 */
public record CompareOptions(NoiseRules noise) {

    /** Built-in noise rules. */
    public static CompareOptions defaults() {
        return new CompareOptions(NoiseRules.builtIn());
    }

    /** No noise rules: every difference but timestamps counts. */
    public static CompareOptions strict() {
        return new CompareOptions(NoiseRules.none());
    }
}
