package dev.strata.project;

/**
 * A {@code -r}/{@code --requirement} or {@code -c}/{@code --constraint} line.
 *
 * @param file       the including file
 * @param line       1-based line of the option
 * @param constraint true for {@code -c}
 * @param target     the path or URL as written
 * @param resolvedAs the name the included file was read as, or null when it was not read (no loader,
 *                   missing, outside the root, a URL, or a cycle; a {@link ParseProblem} says which)
 */
public record RequirementsInclude(String file, int line, boolean constraint, String target, String resolvedAs) {}
