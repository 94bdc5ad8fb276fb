package dev.strata.compare;

/**
 * One thing a functional comparison sets aside, and why.
 *
 * @param target what the rule looks at
 * @param pattern for {@link Target#PATH} and {@link Target#CONTENT}: a glob over absolute paths
 *     ({@code *} within one path segment, {@code **} across segments, {@code ?} one character);
 *     for {@link Target#LABEL}: a config label name
 * @param reason why differences here do not change what the image does
 * @param origin "built-in" or where a user rule came from (".strata.yaml")
 */
public record NoiseRule(Target target, String pattern, String reason, String origin) {

    /** What a noise rule applies to. */
    public enum Target {
        /** The whole file at matching paths is set aside (content, metadata, presence). */
        PATH,
        /** Matching files are compared after a content normaliser removes a known volatile field. */
        CONTENT,
        /** A config label whose value is volatile (build dates). */
        LABEL;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public NoiseRule {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a noise rule needs a pattern");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("noise rule " + pattern + " needs a reason");
        }
    }

    public static NoiseRule path(String pattern, String reason) {
        return new NoiseRule(Target.PATH, pattern, reason, "built-in");
    }
}
