package dev.strata.project;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML or JSON into {@link Node}s with line numbers. Jackson's stream-read constraints bound
 * nesting depth and value sizes, so hostile input fails with a {@link ProjectParseException}
 * instead of exhausting the stack; YAML aliases are not expanded.
 */
public final class LocatedTree {

    private static final int MAX_DEPTH = 500;
    private static final int MAX_CODE_POINTS = 32 * 1024 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /** Holder so SnakeYAML is only loaded when a YAML file is read (start-up time of small audits). */
    private static final class Yaml {
        static final YAMLFactory FACTORY = yamlFactory();
    }

    private LocatedTree() {}

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowDuplicateKeys(true);
        return YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
    }

    /** Parses JSON; throws {@link ProjectParseException} with the line and column of the error. */
    public static Node json(String file, String text) {
        return read(file, JSON, text);
    }

    /** Parses a YAML document (the first, if several); empty documents give an empty map. */
    public static Node yaml(String file, String text) {
        return read(file, Yaml.FACTORY, text);
    }

    private static Node read(String file, JsonFactory factory, String text) {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Node.MapNode(1, Map.of(), Map.of());
            }
            return value(parser, first, 0);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProjectParseException p) {
                throw p;
            }
            int line = 0;
            int column = 0;
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
                line = Math.max(0, jpe.getLocation().getLineNr());
                column = Math.max(0, jpe.getLocation().getColumnNr());
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int cut = message.indexOf('\n');
            throw new ProjectParseException(new ParseProblem(file, line, column,
                    "malformed " + (factory == JSON ? "JSON" : "YAML") + ": "
                            + (cut < 0 ? message : message.substring(0, cut))));
        }
    }

    private static Node value(JsonParser parser, JsonToken token, int depth) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        if (depth > MAX_DEPTH) {
            throw new ProjectParseException(new ParseProblem("", line, 0, "nesting deeper than " + MAX_DEPTH));
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                JsonToken t;
                while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    Node child = value(parser, parser.nextToken(), depth + 1);
                    entries.putIfAbsent(key, child);
                    keyLines.putIfAbsent(key, keyLine);
                }
                return new Node.MapNode(line, entries, keyLines);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new IOException("unexpected end of input");
                    }
                    items.add(value(parser, t, depth + 1));
                }
                return new Node.ListNode(line, items);
            }
            case VALUE_NULL -> {
                return new Node.ScalarNode(line, null);
            }
            default -> {
                if (token.isScalarValue()) {
                    return new Node.ScalarNode(line, parser.getText());
                }
                throw new IOException("unexpected token " + token);
            }
        }
    }
}
