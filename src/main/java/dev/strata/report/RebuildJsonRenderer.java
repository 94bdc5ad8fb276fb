package dev.strata.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.build.Variation;
import dev.strata.rebuild.BuildFailure;
import dev.strata.rebuild.BuildRecord;
import dev.strata.rebuild.CauseExplanation;
import dev.strata.rebuild.PairComparison;
import dev.strata.rebuild.RebuildResult;
import dev.strata.rebuild.Timings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The JSON document of {@code strata rebuild --format json} (docs/json/rebuild.md, schemaVersion "1"). */
public final class RebuildJsonRenderer {
    public static final String SCHEMA_VERSION = "1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RebuildJsonRenderer() {}

    public static String render(RebuildResult r) {
        try {
            return JSON.writeValueAsString(toJson(r)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a rebuild result", e);
        }
    }

    public static ObjectNode toJson(RebuildResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("verdict", r.verdict().id());
        root.put("project", r.project().toString());
        root.put("dockerfile", r.dockerfile());
        ObjectNode builder = root.putObject("builder");
        builder.put("name", r.builder());
        builder.put("detail", r.builderDetail());
        ArrayNode variations = root.putArray("variations");
        for (Variation v : r.varied()) {
            ObjectNode n = variations.addObject();
            n.put("name", v.id());
            n.put("description", v.describe());
        }
        ArrayNode unsupported = root.putArray("unsupportedVariations");
        r.unsupported().forEach(v -> unsupported.add(v.id()));
        if (r.sourceDateEpoch() == null) {
            root.putNull("sourceDateEpoch");
        } else {
            root.put("sourceDateEpoch", r.sourceDateEpoch());
        }
        root.put("timestamp", r.timestamp());
        ArrayNode builds = root.putArray("builds");
        for (BuildRecord b : r.builds()) {
            builds.add(build(b));
        }
        ArrayNode comparisons = root.putArray("comparisons");
        for (PairComparison p : r.comparisons()) {
            ObjectNode n = comparisons.addObject();
            n.put("a", p.a());
            n.put("b", p.b());
            n.put("verdict", p.comparison().verdict().id());
            n.put("seconds", seconds(p.time()));
            n.set("comparison", CompareJsonRenderer.toJson(p.comparison()));
        }
        root.set("causes", CompareJsonRenderer.causes(r.causes()));
        ArrayNode explanations = root.putArray("explanations");
        for (CauseExplanation e : r.explanations()) {
            ObjectNode n = explanations.addObject();
            n.put("cause", e.cause());
            n.put("subject", e.subject());
            ArrayNode fs = n.putArray("findings");
            for (CauseExplanation.LinkedFinding f : e.findings()) {
                ObjectNode fn = fs.addObject();
                fn.put("rule", f.rule());
                fn.put("file", f.file());
                fn.put("line", f.line());
                fn.put("message", f.message());
            }
        }
        if (r.failure() == null) {
            root.putNull("failure");
        } else {
            BuildRecord failed = r.builds().get(r.builds().size() - 1);
            ObjectNode f = failure(r.failure());
            f.put("build", failed.index());
            putPath(f, "log", failed.log());
            root.set("failure", f);
        }
        Timings t = r.timings();
        ObjectNode timings = root.putObject("timings");
        timings.put("totalSeconds", seconds(t.total()));
        timings.put("buildSeconds", seconds(t.builds()));
        timings.put("copySeconds", seconds(t.copy()));
        timings.put("exportSeconds", seconds(t.export()));
        timings.put("compareSeconds", seconds(t.compare()));
        timings.put("overheadSeconds", seconds(t.overhead()));
        root.put("workDirectory", r.workDir().toString());
        root.put("kept", r.kept());
        return root;
    }

    private static ObjectNode build(BuildRecord b) {
        ObjectNode n = JSON.createObjectNode();
        n.put("index", b.index());
        n.put("succeeded", b.succeeded());
        n.put("exitCode", b.exitCode());
        ObjectNode d = n.putObject("seconds");
        d.put("copy", seconds(b.copyTime()));
        d.put("build", seconds(b.buildTime()));
        d.put("export", seconds(b.exportTime()));
        putPath(n, "log", b.log());
        putPath(n, "archive", b.archive());
        ArrayNode varied = n.putArray("varied");
        b.varied().forEach(varied::add);
        ArrayNode cmd = n.putArray("command");
        b.command().forEach(cmd::add);
        if (b.failure() == null) {
            n.putNull("failure");
        } else {
            n.set("failure", failure(b.failure()));
        }
        return n;
    }

    private static ObjectNode failure(BuildFailure f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", f.kind().id());
        n.put("title", f.kind().title());
        n.put("instruction", f.instruction());
        n.put("step", f.step());
        if (f.exitStatus() == null) {
            n.putNull("exitStatus");
        } else {
            n.put("exitStatus", f.exitStatus());
        }
        n.put("evidence", f.evidence());
        ArrayNode lines = n.putArray("lastLines");
        List<String> last = f.lastLines();
        last.forEach(lines::add);
        return n;
    }

    private static void putPath(ObjectNode n, String field, Path p) {
        if (p == null) {
            n.putNull(field);
        } else {
            n.put(field, p.toString());
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
