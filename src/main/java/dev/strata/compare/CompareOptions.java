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

    /**
     * The options the CLI uses: no rules when {@code strict}; else the built-in rules plus those of
     * {@code config} (a .strata.yaml; when null, ./.strata.yaml if it exists).
     */
    public static CompareOptions from(java.nio.file.Path config, boolean strict) throws NoiseConfigException {
        if (strict) {
            return strict();
        }
        java.nio.file.Path file = config != null ? config : java.nio.file.Path.of(".strata.yaml");
        if (!java.nio.file.Files.isRegularFile(file)) {
            if (config == null) {
                return defaults();
            }
            throw new NoiseConfigException(file + ": no such file");
        }
        return new CompareOptions(NoiseRules.builtIn().plus(NoiseConfig.load(file)));
    }

    /** No noise rules: every difference but timestamps counts. */
    public static CompareOptions strict() {
        return new CompareOptions(NoiseRules.none());
    }
}
