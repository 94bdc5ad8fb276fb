package dev.strata.build;

/**
 * Whether a builder can build here, and why not.
 *
 * @param builder the builder's name
 * @param usable true when a probe build step worked
 * @param detail what was found ("buildah 1.28.2, vfs storage") or why it is not usable
 */
public record Usability(String builder, boolean usable, String detail) {
    public static Usability usable(String builder, String detail) {
        return new Usability(builder, true, detail);
    }

    public static Usability unusable(String builder, String why) {
        return new Usability(builder, false, why);
    }
}
