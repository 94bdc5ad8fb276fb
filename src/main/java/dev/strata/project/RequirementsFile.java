package dev.strata.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed pip requirements file with its {@code -r}/{@code -c} includes flattened in order.
 *
 * <p>Parsing follows pip's own steps: continuation lines ending in a backslash are joined (the
 * logical line keeps the first physical line's number), comments start at a {@code #} at line
 * start or after whitespace, a line starting with {@code -} holds options, any other line is a
 * requirement optionally followed by per-requirement options ({@code --hash}). Every step is a
 * single pass over the text, so parsing is linear in the input size.
 *
 * @param file         the name the file was parsed under
 * @param requirements every requirement in order, includes expanded in place (each keeps its own
 *                     file and line; requirements from {@code -c} files have {@code constraint})
 * @param includes     every {@code -r}/{@code -c} line seen, in this file and in includes
 * @param options      global options ({@code --index-url}, {@code --require-hashes}, …)
 * @param problems     what could not be understood; empty when the file is clean
 */
public record RequirementsFile(
        String file,
        List<Requirement> requirements,
        List<RequirementsInclude> includes,
        List<RequirementsOption> options,
        List<ParseProblem> problems) {

    /** Most include files one top-level parse follows (cycle and fan-out protection). */
    public static final int MAX_INCLUDED_FILES = 64;

    public RequirementsFile {
        requirements = List.copyOf(requirements);
        includes = List.copyOf(includes);
        options = List.copyOf(options);
        problems = List.copyOf(problems);
    }

    /** Lenient parse of one file's text; includes are recorded but not followed. Never throws. */
    public static RequirementsFile parse(String name, String text) {
        return parse(name, text, IncludeLoader.none());
    }

    /** Lenient parse following includes through {@code loader}. Never throws. */
    public static RequirementsFile parse(String name, String text, IncludeLoader loader) {
        Collector out = new Collector(loader);
        out.active.add(name);
        out.seen.add(name);
        RequirementsLineParser.parseInto(name, text, false, out);
        return new RequirementsFile(name, out.requirements, out.includes, out.options, out.problems);
    }

    /**
     * Reads and parses a file, following includes relative to it but never outside its directory
     * tree's {@code root}; the file is named relative to {@code root}. Never throws: unreadable
     * files give an empty result with a problem.
     */
    public static RequirementsFile parse(Path root, String relativeName, long maxBytes) {
        IncludeLoader loader = IncludeLoader.within(root, maxBytes);
        return loader.load("", relativeName)
                .map(source -> parse(source.name(), source.text(), loader))
                .orElseGet(() -> new RequirementsFile(relativeName, List.of(), List.of(), List.of(),
                        List.of(new ParseProblem(relativeName, 0, 0, "file cannot be read"))));
    }

    /**
     * Strict parse: the same grammar, but the first syntax problem is thrown as a
     * {@link ProjectParseException} with its line and column. Includes are not followed.
     */
    public static RequirementsFile parseStrict(String name, String text) {
        RequirementsFile result = parse(name, text);
        if (!result.problems.isEmpty()) {
            throw new ProjectParseException(result.problems.get(0));
        }
        return result;
    }

    /** pip's hash-checking mode: {@code --require-hashes} given, or any requirement has a hash. */
    public boolean hashCheckingMode() {
        return requireHashes() || requirements.stream().anyMatch(Requirement::hasHashes);
    }

    public boolean requireHashes() {
        return options.stream().anyMatch(o -> o.name().equals("--require-hashes"));
    }

    /** Requirements that install something (not constraints) and are not local paths. */
    public List<Requirement> installed() {
        return requirements.stream()
                .filter(r -> !r.constraint() && r.kind() != RequirementKind.PATH)
                .toList();
    }

    /** Installed requirements that are not pinned. */
    public List<Requirement> unpinned() {
        return installed().stream().filter(r -> !r.pinned()).toList();
    }

    /** Installed requirements without any hash. */
    public List<Requirement> unhashed() {
        return installed().stream().filter(r -> !r.hasHashes()).toList();
    }

    /** Mutable state shared across the top-level file and its includes. */
    static final class Collector {
        final IncludeLoader loader;
        final List<Requirement> requirements = new ArrayList<>();
        final List<RequirementsInclude> includes = new ArrayList<>();
        final List<RequirementsOption> options = new ArrayList<>();
        final List<ParseProblem> problems = new ArrayList<>();
        final Set<String> active = new HashSet<>();
        final Set<String> seen = new HashSet<>();

        Collector(IncludeLoader loader) {
            this.loader = loader;
        }
    }
}
