package dev.strata.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A conda environment description in one of three formats: an {@code environment.yml}
 * (loose or exported specs, with a nested {@code pip:} list), a conda-lock file
 * ({@code conda-lock.yml}: every package with version, URL and hashes, per platform), or an
 * explicit spec file ({@code @EXPLICIT} followed by package URLs with {@code #md5} or
 * {@code #sha256:} fragments).
 *
 * @param file           the name the file was parsed under
 * @param format         which of the three formats
 * @param name           environment name ({@code name:}), "" when absent
 * @param channels       channels in order (environment.yml, conda-lock metadata)
 * @param dependencies   environment.yml conda specs (empty for the other formats)
 * @param pipRequirements environment.yml {@code pip:} entries parsed as pip requirement lines
 * @param lockedPackages conda-lock and explicit entries (empty for environment.yml)
 * @param problems       what could not be understood; parsing never throws
 */
public record CondaEnvironment(
        String file,
        Format format,
        String name,
        List<String> channels,
        List<CondaDependency> dependencies,
        List<Requirement> pipRequirements,
        List<LockedPackage> lockedPackages,
        List<ParseProblem> problems) {

    public enum Format { ENVIRONMENT_YML, CONDA_LOCK, EXPLICIT }

    public CondaEnvironment {
        channels = List.copyOf(channels);
        dependencies = List.copyOf(dependencies);
        pipRequirements = List.copyOf(pipRequirements);
        lockedPackages = List.copyOf(lockedPackages);
        problems = List.copyOf(problems);
    }

    /** Detects the format from the content ({@code @EXPLICIT}, a conda-lock {@code package:} list) and parses. */
    public static CondaEnvironment parse(String file, String text) {
        if (isExplicit(text)) {
            return parseExplicit(file, text);
        }
        Node root;
        try {
            root = LocatedTree.yaml(file, text);
        } catch (ProjectParseException e) {
            return failed(file, Format.ENVIRONMENT_YML, e.problem());
        }
        if (root.at("package").isPresent() && root.at("metadata").isPresent()) {
            return condaLock(file, root);
        }
        return environmentYml(file, root, IncludeLoader.none());
    }

    /** Parses an environment.yml; {@code -r} lines in its {@code pip:} list are not followed. Never throws. */
    public static CondaEnvironment parseEnvironmentYml(String file, String text) {
        return parseEnvironmentYml(file, text, IncludeLoader.none());
    }

    /**
     * Parses an environment.yml, reading {@code -r FILE} lines of its {@code pip:} list through
     * {@code loader} (relative to the environment file, as conda does). Never throws.
     */
    public static CondaEnvironment parseEnvironmentYml(String file, String text, IncludeLoader loader) {
        try {
            return environmentYml(file, LocatedTree.yaml(file, text), loader);
        } catch (ProjectParseException e) {
            return failed(file, Format.ENVIRONMENT_YML, e.problem());
        }
    }

    /** Parses a conda-lock.yml. Never throws. */
    public static CondaEnvironment parseCondaLock(String file, String text) {
        try {
            return condaLock(file, LocatedTree.yaml(file, text));
        } catch (ProjectParseException e) {
            return failed(file, Format.CONDA_LOCK, e.problem());
        }
    }

    /** True when all conda specs and pip requirements pin one version (vacuously false when empty). */
    public boolean fullyPinned() {
        return switch (format) {
            case ENVIRONMENT_YML -> !(dependencies.isEmpty() && pipRequirements.isEmpty())
                    && dependencies.stream().allMatch(CondaDependency::pinned)
                    && pipRequirements.stream().allMatch(r -> r.pinned() || r.kind() == RequirementKind.PATH);
            case CONDA_LOCK, EXPLICIT -> !lockedPackages.isEmpty()
                    && lockedPackages.stream().noneMatch(p -> p.version().isEmpty());
        };
    }

    private static CondaEnvironment failed(String file, Format format, ParseProblem problem) {
        ParseProblem located = new ParseProblem(file, problem.line(), problem.column(), problem.message());
        return new CondaEnvironment(file, format, "", List.of(), List.of(), List.of(), List.of(), List.of(located));
    }

    private static CondaEnvironment environmentYml(String file, Node root, IncludeLoader loader) {
        List<ParseProblem> problems = new ArrayList<>();
        if (root.asMap().isEmpty()) {
            problems.add(new ParseProblem(file, root.line(), 0, "environment file is not a YAML mapping"));
        }
        String name = root.at("name").flatMap(Node::text).orElse("");
        List<String> channels = new ArrayList<>();
        for (Node channel : root.at("channels").map(Node::asList).orElse(List.of())) {
            channel.text().ifPresent(channels::add);
        }
        List<CondaDependency> dependencies = new ArrayList<>();
        RequirementsFile.Collector pip = new RequirementsFile.Collector(loader);
        pip.active.add(file);
        pip.seen.add(file);
        for (Node entry : root.at("dependencies").map(Node::asList).orElse(List.of())) {
            if (entry.text().isPresent()) {
                dependencies.add(matchSpec(file, entry.line(), entry.text().get()));
            } else if (entry.at("pip").isPresent()) {
                for (Node line : entry.at("pip").get().asList()) {
                    line.text().ifPresent(t -> RequirementsLineParser.parseLogicalLine(file, line.line(), t, false, pip));
                }
            } else {
                problems.add(new ParseProblem(file, entry.line(), 0, "dependency is neither a spec nor a pip: list"));
            }
        }
        problems.addAll(pip.problems);
        return new CondaEnvironment(file, Format.ENVIRONMENT_YML, name, channels, dependencies, pip.requirements,
                List.of(), problems);
    }

    private static CondaEnvironment condaLock(String file, Node root) {
        List<ParseProblem> problems = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        for (Node channel : root.at("metadata").flatMap(m -> m.at("channels")).map(Node::asList).orElse(List.of())) {
            channel.text().or(() -> channel.at("url").flatMap(Node::text)).ifPresent(channels::add);
        }
        List<LockedPackage> packages = new ArrayList<>();
        for (Node entry : root.at("package").map(Node::asList).orElse(List.of())) {
            String name = entry.at("name").flatMap(Node::text).orElse("");
            if (name.isEmpty()) {
                problems.add(new ParseProblem(file, entry.line(), 0, "package entry without a name"));
                continue;
            }
            String manager = entry.at("manager").flatMap(Node::text).orElse("conda");
            List<String> hashes = new ArrayList<>();
            entry.at("hash").flatMap(Node::asMap).ifPresent(h -> h.entries().forEach((algorithm, value) ->
                    value.text().filter(v -> !v.isEmpty()).ifPresent(v -> hashes.add(algorithm.toLowerCase(Locale.ROOT) + ":" + v))));
            packages.add(new LockedPackage(file, entry.line(), manager.equals("pip") ? "pypi" : "conda", name,
                    entry.at("version").flatMap(Node::text).orElse(""),
                    entry.at("url").flatMap(Node::text).orElse(""),
                    entry.at("platform").flatMap(Node::text).orElse(""), hashes));
        }
        return new CondaEnvironment(file, Format.CONDA_LOCK, "", channels, List.of(), List.of(), packages, problems);
    }

    private static boolean isExplicit(String text) {
        for (String line : RequirementsLineParser.physicalLines(text)) {
            String t = line.strip();
            if (t.equals("@EXPLICIT")) {
                return true;
            }
            if (!t.isEmpty() && !t.startsWith("#")) {
                return false;
            }
        }
        return false;
    }

    /** Parses an explicit spec file ({@code conda list --explicit [--md5|--sha256]}). Never throws. */
    public static CondaEnvironment parseExplicit(String file, String text) {
        List<ParseProblem> problems = new ArrayList<>();
        List<LockedPackage> packages = new ArrayList<>();
        String platform = "";
        boolean sawMarker = false;
        List<String> lines = RequirementsLineParser.physicalLines(text);
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("# platform:")) {
                platform = t.substring("# platform:".length()).strip();
                continue;
            }
            if (t.startsWith("#")) {
                continue;
            }
            if (t.equals("@EXPLICIT")) {
                sawMarker = true;
                continue;
            }
            if (!sawMarker) {
                problems.add(new ParseProblem(file, i + 1, 1, "package line before @EXPLICIT"));
                continue;
            }
            packages.add(explicitEntry(file, i + 1, t, platform, problems));
        }
        if (!sawMarker) {
            problems.add(new ParseProblem(file, 0, 0, "no @EXPLICIT line"));
        }
        return new CondaEnvironment(file, Format.EXPLICIT, "", List.of(), List.of(), List.of(), packages, problems);
    }

    private static LockedPackage explicitEntry(String file, int line, String url, String platform,
            List<ParseProblem> problems) {
        List<String> hashes = new ArrayList<>();
        String base = url;
        int hash = url.indexOf('#');
        if (hash >= 0) {
            String fragment = url.substring(hash + 1);
            base = url.substring(0, hash);
            String lower = fragment.toLowerCase(Locale.ROOT);
            if (lower.startsWith("sha256:") && RequirementsLineParser.isHex(lower, 7, lower.length())) {
                hashes.add(lower);
            } else if (lower.length() == 32 && RequirementsLineParser.isHex(lower, 0, 32)) {
                hashes.add("md5:" + lower);
            } else if (lower.length() == 64 && RequirementsLineParser.isHex(lower, 0, 64)) {
                hashes.add("sha256:" + lower);
            } else {
                problems.add(new ParseProblem(file, line, hash + 1, "unrecognised hash fragment #" + fragment));
            }
        }
        String fileName = base.substring(base.lastIndexOf('/') + 1);
        String stem = fileName.endsWith(".tar.bz2") ? fileName.substring(0, fileName.length() - 8)
                : fileName.endsWith(".conda") ? fileName.substring(0, fileName.length() - 6) : null;
        String name = fileName;
        String version = "";
        if (stem == null) {
            problems.add(new ParseProblem(file, line, 1, "not a .conda or .tar.bz2 package URL"));
        } else {
            int buildDash = stem.lastIndexOf('-');
            int versionDash = buildDash > 0 ? stem.lastIndexOf('-', buildDash - 1) : -1;
            if (versionDash <= 0) {
                problems.add(new ParseProblem(file, line, 1, "package file name is not name-version-build"));
            } else {
                name = stem.substring(0, versionDash);
                version = stem.substring(versionDash + 1, buildDash);
            }
        }
        return new LockedPackage(file, line, "conda", name, version, base, platform, hashes);
    }

    /** Parses one conda match spec ({@code chan::name=1.2=build}, {@code name >=1.2}, {@code name 1.2 build}). */
    public static CondaDependency matchSpec(String file, int line, String spec) {
        String s = spec.strip();
        String channel = "";
        int colons = s.indexOf("::");
        if (colons >= 0) {
            channel = s.substring(0, colons);
            s = s.substring(colons + 2);
        }
        int bracket = s.indexOf('[');
        if (bracket >= 0) {
            s = s.substring(0, bracket);
        }
        int i = 0;
        while (i < s.length() && isNameChar(s.charAt(i))) {
            i++;
        }
        String name = s.substring(0, i);
        String rest = s.substring(i).strip();
        String version = "";
        String build = "";
        boolean pinned = false;
        if (rest.startsWith("==")) {
            version = firstToken(rest.substring(2).strip());
            int eq = version.indexOf('=');
            if (eq >= 0) {
                build = version.substring(eq + 1);
                version = version.substring(0, eq);
            }
            pinned = isExactVersion(version);
        } else if (rest.startsWith("=") && !rest.startsWith("=>")) {
            String v = firstToken(rest.substring(1).strip());
            int eq = v.indexOf('=');
            version = eq < 0 ? v : v.substring(0, eq);
            build = eq < 0 ? "" : v.substring(eq + 1);
            pinned = isExactVersion(version) && (!build.isEmpty() || releaseParts(version) >= 3);
        } else if (!rest.isEmpty() && (Character.isLetterOrDigit(rest.charAt(0)))) {
            String[] parts = rest.split("\\s+", 3);
            version = parts[0];
            build = parts.length > 1 ? parts[1] : "";
            pinned = isExactVersion(version);
        } else {
            version = rest;
        }
        return new CondaDependency(file, line, channel, name, version, build, pinned, spec);
    }

    private static boolean isNameChar(char c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || c == '_' || c == '-' || c == '.';
    }

    private static String firstToken(String s) {
        int end = 0;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end);
    }

    private static boolean isExactVersion(String version) {
        if (version.isEmpty()) {
            return false;
        }
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (c == '*' || c == ',' || c == '|' || c == '<' || c == '>' || c == '!' || c == '~' || c == '=') {
                return false;
            }
        }
        return true;
    }

    private static int releaseParts(String version) {
        int parts = 1;
        for (int i = 0; i < version.length(); i++) {
            if (version.charAt(i) == '.') {
                parts++;
            }
        }
        return parts;
    }
}
