package dev.strata.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a uv.lock says the project itself required when it was resolved: the root package's
 * {@code [package.metadata] requires-dist}. uv re-locks when this differs from pyproject.toml, so
 * a difference means the lock is stale.
 */
final class UvLockMetadata {

    private UvLockMetadata() {}

    /**
     * Required distributions of the root package (source {@code editable = "."} or
     * {@code virtual = "."}), without optional extras: normalised name to its specifier clauses
     * (spaces removed, sorted). Empty when the lock has no root package or it records no metadata.
     */
    static Optional<Map<String, String>> rootRequirements(JsonNode lock) {
        for (JsonNode pkg : lock.path("package")) {
            JsonNode source = pkg.path("source");
            boolean root = ".".equals(source.path("editable").asText(null)) || ".".equals(source.path("virtual").asText(null));
            if (!root) {
                continue;
            }
            if (!pkg.path("metadata").isObject()) {
                return Optional.empty(); // nothing recorded: the comparison cannot be made
            }
            Map<String, String> out = new TreeMap<>();
            for (JsonNode dist : pkg.path("metadata").path("requires-dist")) {
                if (dist.path("marker").asText("").contains("extra ==")) {
                    continue;
                }
                String name = Requirement.normalize(dist.path("name").asText(""));
                if (!name.isEmpty()) {
                    out.merge(name, clauses(dist.path("specifier").asText("")), UvLockMetadata::union);
                }
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** pyproject.toml {@code [project] dependencies} in the same shape. */
    static Map<String, String> declared(String file, JsonNode pyproject) {
        Map<String, String> out = new TreeMap<>();
        List<ParseProblem> ignored = new ArrayList<>();
        for (JsonNode dep : pyproject.path("project").path("dependencies")) {
            RequirementsLineParser.parseRequirement(file, 0, dep.asText(""), dep.asText(""), false, false, List.of(), ignored)
                    .ifPresent(r -> out.merge(r.normalizedName(), clauses(r.specifier()), UvLockMetadata::union));
        }
        return out;
    }

    static String clauses(String specifier) {
        TreeSet<String> set = new TreeSet<>();
        for (String clause : specifier.split(",")) {
            StringBuilder compact = new StringBuilder();
            for (int i = 0; i < clause.length(); i++) {
                if (!Character.isWhitespace(clause.charAt(i))) {
                    compact.append(clause.charAt(i));
                }
            }
            if (compact.length() > 0) {
                set.add(compact.toString());
            }
        }
        return String.join(",", set);
    }

    private static String union(String a, String b) {
        return clauses(a + "," + b);
    }
}
