package dev.strata.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code content-hash} Poetry records in {@code poetry.lock}: SHA-256 of
 * {@code json.dumps(relevant, sort_keys=True)} (default separators) where {@code relevant} holds the
 * {@code [tool.poetry]} keys dependencies, source, extras, dev-dependencies (present as null when
 * absent) and group (only when present). Poetry 2 also hashes {@code [project]} requires-python,
 * dependencies and optional-dependencies, nesting both under {@code project} and
 * {@code tool.poetry} when any is present. {@link #candidates} gives both variants.
 */
final class PoetryContentHash {

    private static final List<String> LEGACY_KEYS = List.of("dependencies", "source", "extras", "dev-dependencies");
    private static final List<String> RELEVANT_KEYS = List.of("dependencies", "source", "extras", "dev-dependencies", "group");
    private static final List<String> PROJECT_KEYS = List.of("requires-python", "dependencies", "optional-dependencies");

    private PoetryContentHash() {}

    static List<String> candidates(JsonNode pyproject) {
        List<String> out = new ArrayList<>();
        JsonNode poetry = pyproject.path("tool").path("poetry");
        out.add(PipfileHash.sha256(PythonJson.spaced(poetrySection(poetry, false))));
        Map<String, Object> project = new LinkedHashMap<>();
        for (String key : PROJECT_KEYS) {
            JsonNode value = pyproject.path("project").get(key);
            if (value != null && !value.isNull()) {
                project.put(key, value);
            }
        }
        Object relevant;
        if (project.isEmpty()) {
            relevant = poetrySection(poetry, false);
        } else {
            Map<String, Object> tool = new LinkedHashMap<>();
            tool.put("poetry", poetrySection(poetry, true));
            Map<String, Object> both = new LinkedHashMap<>();
            both.put("project", project);
            both.put("tool", tool);
            relevant = both;
        }
        String v2 = PipfileHash.sha256(PythonJson.spaced(relevant));
        if (!out.contains(v2)) {
            out.add(v2);
        }
        return out;
    }

    private static Map<String, Object> poetrySection(JsonNode poetry, boolean skipAbsentLegacyKeys) {
        Map<String, Object> relevant = new LinkedHashMap<>();
        for (String key : RELEVANT_KEYS) {
            JsonNode value = poetry.get(key);
            if (value == null && (!LEGACY_KEYS.contains(key) || skipAbsentLegacyKeys)) {
                continue;
            }
            relevant.put(key, value);
        }
        return relevant;
    }
}
