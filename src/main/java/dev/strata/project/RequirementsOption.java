package dev.strata.project;

/**
 * A global option line in a requirements file, e.g. {@code --index-url URL},
 * {@code --require-hashes}, {@code --extra-index-url}, {@code --find-links}, {@code --no-index}.
 *
 * @param name  the long option name with its dashes ({@code "--index-url"}); short forms are
 *              normalised ({@code -i} becomes {@code --index-url})
 * @param value the value, or "" for flags
 */
public record RequirementsOption(String file, int line, String name, String value) {}
