package dev.strata.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TOML reading for lock files and manifests. Jackson's TOML reader gives no positions, so entry
 * lines come from a separate single pass over table headers ({@code [[package]]},
 * {@code [[deps.Name]]}).
 */
final class Toml {

    private static final TomlMapper MAPPER = new TomlMapper(TomlFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build());

    private Toml() {}

    /** Parses TOML; a syntax error becomes a {@link ProjectParseException} located where Jackson says. */
    static JsonNode read(String file, String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null ? MAPPER.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
            String message = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
            int cut = message.indexOf('\n');
            throw new ProjectParseException(new ParseProblem(file, line, column,
                    "malformed TOML: " + (cut < 0 ? message : message.substring(0, cut))));
        } catch (RuntimeException | StackOverflowError e) {
            throw new ProjectParseException(new ParseProblem(file, 0, 0, "malformed TOML: "
                    + e.getClass().getSimpleName()));
        }
    }

    /** 1-based lines of every table header equal to {@code header} (comments and spaces ignored), in order. */
    static List<Integer> headerLines(String text, String header) {
        List<Integer> out = new ArrayList<>();
        List<String> lines = RequirementsLineParser.physicalLines(text);
        for (int i = 0; i < lines.size(); i++) {
            if (header(lines.get(i)).equals(header)) {
                out.add(i + 1);
            }
        }
        return out;
    }

    /** Lines of {@code [[prefix.NAME]]} headers by NAME (first occurrence), e.g. Julia {@code [[deps.CSV]]}. */
    static Map<String, Integer> namedHeaderLines(String text, String prefix) {
        Map<String, Integer> out = new HashMap<>();
        List<String> lines = RequirementsLineParser.physicalLines(text);
        String open = "[[" + prefix;
        for (int i = 0; i < lines.size(); i++) {
            String h = header(lines.get(i));
            if (h.startsWith(open) && h.endsWith("]]")) {
                String name = h.substring(open.length(), h.length() - 2).strip();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                if (!name.isEmpty() && name.indexOf('.') < 0) {
                    out.putIfAbsent(name, i + 1);
                }
            }
        }
        return out;
    }

    private static String header(String line) {
        String t = line.strip();
        if (!t.startsWith("[")) {
            return "";
        }
        int hash = t.indexOf('#');
        if (hash >= 0) {
            t = t.substring(0, hash).strip();
        }
        StringBuilder compact = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != ' ' && c != '\t') {
                compact.append(c);
            }
        }
        return compact.toString();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText();
    }

    static int lineAt(List<Integer> lines, int index) {
        return index < lines.size() ? lines.get(index) : 0;
    }
}
