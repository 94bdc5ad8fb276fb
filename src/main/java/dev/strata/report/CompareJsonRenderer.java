package dev.strata.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.compare.BaseImageChange;
import dev.strata.compare.Cause;
import dev.strata.compare.Comparison;
import dev.strata.compare.ConfigChange;
import dev.strata.compare.Counts;
import dev.strata.compare.FileChange;
import dev.strata.compare.ImageSummary;
import dev.strata.compare.LayerInfo;
import dev.strata.compare.NoiseHit;
import dev.strata.compare.NoiseRule;
import dev.strata.compare.PackageChange;
import dev.strata.compare.PackageDatabaseChange;
import dev.strata.image.FileEntry;
import dev.strata.packages.DatabaseIssue;
import java.util.List;
import java.util.Map;

/** The JSON document of {@code strata compare --format json} (docs/json/compare.md, schemaVersion "1"). */
public final class CompareJsonRenderer {
    public static final String SCHEMA_VERSION = "1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CompareJsonRenderer() {}

    public static String render(Comparison c) {
        try {
            return JSON.writeValueAsString(toJson(c)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a comparison", e);
        }
    }

    public static ObjectNode toJson(Comparison c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("verdict", c.verdict().id());
        root.set("a", image(c.a()));
        root.set("b", image(c.b()));
        root.set("causes", causes(c.causes()));
        root.set("counts", counts(c.counts()));
        ArrayNode noise = root.putArray("noise");
        for (NoiseHit h : c.noise()) {
            ObjectNode n = noise.addObject();
            n.put("subject", h.subject());
            n.put("change", h.change());
            n.put("rule", h.rule().pattern());
            n.put("reason", h.rule().reason());
        }
        ArrayNode rules = root.putArray("rules");
        for (NoiseRule r : c.rules()) {
            ObjectNode n = rules.addObject();
            n.put("target", r.target().id());
            n.put("pattern", r.pattern());
            n.put("reason", r.reason());
            n.put("origin", r.origin());
        }
        ArrayNode issues = root.putArray("issues");
        for (DatabaseIssue i : c.issues()) {
            issues.addObject().put("path", i.path()).put("problem", i.problem());
        }
        return root;
    }

    /** The {@code causes} array; {@code strata rebuild} embeds the same shape. */
    public static ArrayNode causes(List<Cause> causes) {
        ArrayNode out = JSON.createArrayNode();
        for (Cause cause : causes) {
            out.add(cause(cause));
        }
        return out;
    }

    static ObjectNode cause(Cause cause) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", cause.kind());
        if (cause instanceof BaseImageChange b) {
                n.set("layersA", layers(b.layersA()));
                n.set("layersB", layers(b.layersB()));
                n.put("sharedLayers", b.sharedLayers());
        } else if (cause instanceof PackageChange p) {
                n.put("ecosystem", p.ecosystem().id());
                n.put("name", p.name());
                n.put("arch", p.arch());
                n.put("from", p.from());
                n.put("to", p.to());
                n.put("introducedBy", p.introducedBy());
                ArrayNode files = n.putArray("files");
                p.files().forEach(f -> files.add(cause(f)));
        } else if (cause instanceof PackageDatabaseChange d) {
                n.put("ecosystem", d.ecosystem().id());
                ArrayNode files = n.putArray("files");
                d.files().forEach(f -> files.add(cause(f)));
        } else if (cause instanceof FileChange f) {
                n.put("path", f.path());
                ArrayNode aspects = n.putArray("aspects");
                f.aspects().forEach(aspects::add);
                n.set("a", entry(f.a()));
                n.set("b", entry(f.b()));
                n.put("owner", f.owner());
                n.put("introducedBy", f.introducedBy());
        } else if (cause instanceof ConfigChange c) {
                n.put("field", c.field());
                n.put("key", c.key());
                n.set("from", c.from());
                n.set("to", c.to());
        }
        n.put("explanation", CompareTextRenderer.explanation(cause));
        return n;
    }

    private static ArrayNode layers(List<LayerInfo> layers) {
        ArrayNode a = JSON.createArrayNode();
        for (LayerInfo l : layers) {
            a.addObject().put("index", l.index()).put("diffId", l.diffId()).put("createdBy", l.createdBy());
        }
        return a;
    }

    private static JsonNode entry(FileEntry e) {
        if (e == null) {
            return JSON.nullNode();
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("type", e.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        n.put("mode", String.format("%04o", e.mode() & 07777));
        n.put("uid", e.uid());
        n.put("gid", e.gid());
        n.put("size", e.size());
        n.put("sha256", e.sha256());
        n.put("linkTarget", e.linkTarget());
        ObjectNode x = n.putObject("xattrs");
        for (Map.Entry<String, String> kv : e.xattrs().entrySet()) {
            x.put(kv.getKey(), kv.getValue());
        }
        n.put("layer", e.layerIndex());
        return n;
    }

    private static ObjectNode image(ImageSummary s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("source", s.source());
        n.put("format", s.format());
        n.put("configDigest", s.configDigest());
        n.put("manifestDigest", s.manifestDigest());
        n.put("platform", s.platform());
        n.put("layers", s.layers());
        n.put("files", s.files());
        return n;
    }

    private static ObjectNode counts(Counts c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("sharedLayers", c.sharedLayers());
        n.put("filesCompared", c.filesCompared());
        n.put("filesAdded", c.filesAdded());
        n.put("filesRemoved", c.filesRemoved());
        n.put("filesChanged", c.filesChanged());
        n.put("filesExplained", c.filesExplained());
        n.put("packagesAdded", c.packagesAdded());
        n.put("packagesRemoved", c.packagesRemoved());
        n.put("packagesChanged", c.packagesChanged());
        n.put("configChanges", c.configChanges());
        n.put("noise", c.noise());
        return n;
    }
}
