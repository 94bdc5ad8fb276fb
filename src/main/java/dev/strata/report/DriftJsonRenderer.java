package dev.strata.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.lock.DriftEntry;
import dev.strata.lock.DriftReport;
import dev.strata.lock.DriftStatus;

/** {@code strata drift --format json}; shape documented in docs/json/drift.md. */
public final class DriftJsonRenderer {
    public static final String SCHEMA_VERSION = "1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DriftJsonRenderer() {}

    public static String render(DriftReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("lockFile", report.lockFile());
        ObjectNode summary = root.putObject("summary");
        for (DriftStatus s : DriftStatus.values()) {
            summary.put(s.label(), report.count(s));
        }
        ArrayNode entries = root.putArray("entries");
        for (DriftEntry e : report.entries()) {
            ObjectNode n = entries.addObject();
            n.put("kind", e.kind());
            n.put("subject", e.subject());
            n.put("status", e.status().label());
            n.put("locked", e.locked());
            n.put("current", e.current());
            n.put("detail", e.detail());
        }
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serialises", e);
        }
    }
}
