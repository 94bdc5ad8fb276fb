package dev.strata.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the dependencies a manifest declares, to compare them with its lock. Each reader is
 * lenient: unparsable manifests give an empty list (the lock comparison then says nothing).
 */
public final class Manifests {

    /** Packages that ship with R itself and never appear in renv.lock. */
    static final Set<String> R_BASE = Set.of("R", "base", "compiler", "datasets", "graphics", "grDevices", "grid",
            "methods", "parallel", "splines", "stats", "stats4", "tcltk", "tools", "utils");

    private Manifests() {}

    /**
     * pyproject.toml: PEP 621 {@code [project] dependencies} and Poetry's
     * {@code [tool.poetry.dependencies]}/{@code dev-dependencies}/{@code group.*.dependencies}
     * (without {@code python}).
     */
    public static List<DeclaredDependency> pyproject(String file, String text) {
        JsonNode root;
        try {
            root = Toml.read(file, text);
        } catch (ProjectParseException e) {
            return List.of();
        }
        List<DeclaredDependency> out = new ArrayList<>();
        for (JsonNode dep : root.path("project").path("dependencies")) {
            pep508Name(dep.asText("")).ifPresent(name -> out.add(new DeclaredDependency(file, dependencyLine(text, name), name)));
        }
        JsonNode poetry = root.path("tool").path("poetry");
        keys(file, text, poetry.path("dependencies"), out);
        keys(file, text, poetry.path("dev-dependencies"), out);
        Iterator<Map.Entry<String, JsonNode>> groups = poetry.path("group").properties().iterator();
        while (groups.hasNext()) {
            keys(file, text, groups.next().getValue().path("dependencies"), out);
        }
        return out;
    }

    /** Pipfile: {@code [packages]} and {@code [dev-packages]} keys. */
    public static List<DeclaredDependency> pipfile(String file, String text) {
        JsonNode root;
        try {
            root = Toml.read(file, text);
        } catch (ProjectParseException e) {
            return List.of();
        }
        List<DeclaredDependency> out = new ArrayList<>();
        keys(file, text, root.path("packages"), out);
        keys(file, text, root.path("dev-packages"), out);
        return out;
    }

    /** Julia Project.toml {@code [deps]} keys. */
    public static List<DeclaredDependency> juliaProject(String file, String text) {
        JsonNode root;
        try {
            root = Toml.read(file, text);
        } catch (ProjectParseException e) {
            return List.of();
        }
        List<DeclaredDependency> out = new ArrayList<>();
        keys(file, text, root.path("deps"), out);
        return out;
    }

    /**
     * R DESCRIPTION (Debian control format): packages in Depends, Imports and LinkingTo, without
     * version constraints, R itself and base packages.
     */
    public static List<DeclaredDependency> rDescription(String file, String text) {
        List<DeclaredDependency> out = new ArrayList<>();
        List<String> lines = RequirementsLineParser.physicalLines(text);
        String field = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String value;
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    field = "";
                    continue;
                }
                field = line.substring(0, colon).strip();
                value = line.substring(colon + 1);
            } else {
                value = line;
            }
            if (!(field.equals("Depends") || field.equals("Imports") || field.equals("LinkingTo"))) {
                continue;
            }
            for (String part : value.split(",")) {
                String name = part.strip();
                int paren = name.indexOf('(');
                if (paren >= 0) {
                    name = name.substring(0, paren).strip();
                }
                if (!name.isEmpty() && !R_BASE.contains(name)) {
                    out.add(new DeclaredDependency(file, i + 1, name));
                }
            }
        }
        return out;
    }

    /** environment.yml conda specs (without {@code pip} itself) as declared dependencies. */
    public static List<DeclaredDependency> condaEnvironment(CondaEnvironment env) {
        List<DeclaredDependency> out = new ArrayList<>();
        for (CondaDependency d : env.dependencies()) {
            if (!d.name().isEmpty() && !d.name().equals("pip")) {
                out.add(new DeclaredDependency(d.file(), d.line(), d.name()));
            }
        }
        for (Requirement r : env.pipRequirements()) {
            if (r.kind() != RequirementKind.PATH) {
                out.add(new DeclaredDependency(r.file(), r.line(), r.name()));
            }
        }
        return out;
    }

    private static void keys(String file, String text, JsonNode table, List<DeclaredDependency> out) {
        Iterator<String> names = table.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("python")) {
                out.add(new DeclaredDependency(file, dependencyLine(text, name), name));
            }
        }
    }

    static Optional<String> pep508Name(String requirement) {
        String s = requirement.strip();
        int end = RequirementsLineParser.scanName(s, 0);
        return end == 0 ? Optional.empty() : Optional.of(s.substring(0, end));
    }

    /**
     * The first line that declares {@code name}: starts with it as a TOML key, or holds it quoted
     * as a PEP 508 string; 0 when not found. One pass.
     */
    static int dependencyLine(String text, String name) {
        List<String> lines = RequirementsLineParser.physicalLines(text);
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (startsWithName(t, 0, name) || quotedName(t, name)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean quotedName(String line, String name) {
        for (int at = line.indexOf(name); at >= 0; at = line.indexOf(name, at + 1)) {
            if (at > 0 && (line.charAt(at - 1) == '"' || line.charAt(at - 1) == '\'') && startsWithName(line, at, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithName(String line, int at, String name) {
        if (!line.startsWith(name, at)) {
            return false;
        }
        int after = at + name.length();
        if (after >= line.length()) {
            return true;
        }
        char c = line.charAt(after);
        return !(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
    }
}
