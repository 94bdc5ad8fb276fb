package dev.strata.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.audit.AuditResult;
import dev.strata.project.Evidence;
import dev.strata.project.LayerResult;
import dev.strata.rules.Finding;
import dev.strata.rules.Severity;

/** The audit as the versioned JSON document described in docs/json/audit.md. */
public final class AuditJsonRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AuditJsonRenderer() {}

    /** The document as a tree (field order is the documented order). */
    public static ObjectNode toJson(AuditResult r) {
        ObjectNode root = F.objectNode();
        root.put("schemaVersion", AuditResult.SCHEMA_VERSION);
        root.put("target", r.target());
        root.put("root", r.root());
        root.put("verdict", r.verdict().id());
        ObjectNode summary = root.putObject("summary");
        for (Severity s : Severity.values()) {
            summary.put(s.id(), r.count(s));
        }
        ArrayNode files = root.putArray("files");
        r.files().forEach(files::add);
        ArrayNode findings = root.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode o = findings.addObject();
            o.put("rule", f.rule());
            if (f.hadolint() == null) {
                o.putNull("hadolint");
            } else {
                o.put("hadolint", f.hadolint());
            }
            o.put("severity", f.severity().id());
            o.put("layer", f.layer().id());
            o.put("file", f.file());
            o.put("line", f.line());
            o.put("column", f.column());
            o.put("message", f.message());
            o.put("fix", f.fix());
        }
        ArrayNode layers = root.putArray("layers");
        for (LayerResult l : r.layers()) {
            ObjectNode o = layers.addObject();
            o.put("layer", l.layer().id());
            o.put("status", l.status().id());
            ArrayNode ev = o.putArray("evidence");
            for (Evidence e : l.evidence()) {
                ObjectNode eo = ev.addObject();
                eo.put("file", e.file());
                eo.put("line", e.line());
                eo.put("statement", e.statement());
            }
        }
        return root;
    }

    /** Pretty-printed, two-space indented, "\n" line ends, trailing newline. */
    public static String render(AuditResult r) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(pp).writeValueAsString(toJson(r)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
