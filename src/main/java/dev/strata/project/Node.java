package dev.strata.project;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML or JSON value that remembers the 1-based line it starts on, so evidence can point at the
 * line that decided it. Built by {@link LocatedTree} from Jackson's streaming parser.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    int line();

    /** A mapping; keys keep document order. */
    record MapNode(int line, Map<String, Node> entries, Map<String, Integer> keyLines) implements Node {
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLines = Collections.unmodifiableMap(new LinkedHashMap<>(keyLines));
        }

        public Optional<Node> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        /** Line of {@code key}, or this map's line when absent. */
        public int keyLine(String key) {
            return keyLines.getOrDefault(key, line);
        }
    }

    record ListNode(int line, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }
    }

    /** A scalar; {@code value} is its text ("null" values are null). */
    record ScalarNode(int line, String value) implements Node {}

    /** The scalar text, or empty when this is not a (non-null) scalar. */
    default Optional<String> text() {
        return this instanceof ScalarNode s && s.value() != null ? Optional.of(s.value()) : Optional.empty();
    }

    default Optional<MapNode> asMap() {
        return this instanceof MapNode m ? Optional.of(m) : Optional.empty();
    }

    default List<Node> asList() {
        return this instanceof ListNode l ? l.items() : List.of();
    }

    /** Child by key when this is a map. */
    default Optional<Node> at(String key) {
        return asMap().flatMap(m -> m.get(key));
    }
}
