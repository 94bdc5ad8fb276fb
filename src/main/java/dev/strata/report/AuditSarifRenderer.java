package dev.strata.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.audit.AuditResult;
import dev.strata.rules.Finding;
import dev.strata.rules.RuleInfo;
import dev.strata.rules.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit as SARIF 2.1.0, the format GitHub code scanning uploads. Artifact URIs are the audited
 * root (as the caller named it) joined with each finding's file, so uploading from the repository
 * root annotates the right lines.
 */
public final class AuditSarifRenderer {
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AuditSarifRenderer() {}

    /** The SARIF log as a tree, without {@code helpUri}s. */
    public static ObjectNode toSarif(AuditResult r, List<RuleInfo> rules, String toolVersion) {
        return toSarif(r, rules, toolVersion, null);
    }

    /**
     * The SARIF log as a tree. {@code rules} is the catalog, reported as the driver's rules, each
     * with its rule page (shipped in the jar) as {@code help}. {@code docsBaseUrl}, when not null,
     * is where the user publishes those pages: each rule's {@code helpUri} is it plus
     * {@code <id>.md}; when null no {@code helpUri} is written.
     */
    public static ObjectNode toSarif(AuditResult r, List<RuleInfo> rules, String toolVersion, String docsBaseUrl) {
        ObjectNode log = F.objectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "strata");
        driver.put("version", toolVersion);
        ArrayNode ruleArray = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo info : rules) {
            index.put(info.id(), index.size());
            ObjectNode o = ruleArray.addObject();
            o.put("id", info.id());
            o.put("name", pascal(info.id()));
            o.putObject("shortDescription").put("text", info.title());
            if (docsBaseUrl != null) {
                o.put("helpUri", (docsBaseUrl.endsWith("/") ? docsBaseUrl : docsBaseUrl + "/") + info.id() + ".md");
            }
            ObjectNode help = o.putObject("help");
            Optional<String> page = RuleHelp.markdown(info.id());
            if (page.isPresent()) {
                help.put("text", RuleHelp.plainText(page.get()));
                help.put("markdown", page.get());
            } else {
                help.put("text", info.title());
            }
            o.putObject("defaultConfiguration").put("level", level(info.severity()));
            ObjectNode props = o.putObject("properties");
            ArrayNode tags = props.putArray("tags");
            tags.add("reproducibility");
            tags.add(info.layer().id());
            if (info.hadolint() != null) {
                props.put("hadolint", info.hadolint());
            }
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : r.findings()) {
            ObjectNode o = results.addObject();
            o.put("ruleId", f.rule());
            Integer i = index.get(f.rule());
            if (i != null) {
                o.put("ruleIndex", i);
            }
            o.put("level", level(f.severity()));
            o.putObject("message").put("text", f.message() + " Fix: " + f.fix());
            ObjectNode phys = o.putArray("locations").addObject().putObject("physicalLocation");
            phys.putObject("artifactLocation").put("uri", uri(r.root(), f.file()));
            ObjectNode region = phys.putObject("region");
            region.put("startLine", Math.max(1, f.line()));
            region.put("startColumn", Math.max(1, f.column()));
            ObjectNode props = o.putObject("properties");
            props.put("layer", f.layer().id());
            props.put("fix", f.fix());
        }
        run.put("columnKind", "unicodeCodePoints");
        return log;
    }

    /** Pretty-printed SARIF with a trailing newline, without {@code helpUri}s. */
    public static String render(AuditResult r, List<RuleInfo> rules, String toolVersion) {
        return render(r, rules, toolVersion, null);
    }

    /** Pretty-printed SARIF with a trailing newline; see {@link #toSarif(AuditResult, List, String, String)}. */
    public static String render(AuditResult r, List<RuleInfo> rules, String toolVersion, String docsBaseUrl) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(pp).writeValueAsString(toSarif(r, rules, toolVersion, docsBaseUrl)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** Relative URI of a file: root joined with file, percent-encoding what URIs cannot hold. */
    static String uri(String root, String file) {
        String joined = root.equals(".") || root.isEmpty() ? file : stripSlash(root) + "/" + file;
        joined = joined.replace('\\', '/');
        StringBuilder sb = new StringBuilder();
        if (joined.startsWith("/")) {
            sb.append("file://");
        }
        for (byte b : joined.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    private static String stripSlash(String s) {
        String t = s.startsWith("./") ? s.substring(2) : s;
        while (t.endsWith("/") && t.length() > 1) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static String pascal(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
