package dev.strata.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.compare.BaseImageChange;
import dev.strata.compare.Cause;
import dev.strata.compare.Comparison;
import dev.strata.compare.ConfigChange;
import dev.strata.compare.Counts;
import dev.strata.compare.FileChange;
import dev.strata.compare.NoiseHit;
import dev.strata.compare.PackageChange;
import dev.strata.compare.PackageDatabaseChange;
import dev.strata.compare.Verdict;
import dev.strata.image.FileEntry;
import dev.strata.packages.DatabaseIssue;
import java.util.List;

/**
 * Text output of {@code strata compare} for people: the verdict first, then the causes (most
 * informative first, files folded under the package that explains them), then counts. Colour only
 * when asked (the CLI asks on a terminal).
 */
public final class CompareTextRenderer {
    /** Files listed under one package before the rest are summarised. */
    static final int FILES_PER_PACKAGE = 5;
    /** Unexplained file changes listed before the rest are summarised. */
    static final int UNEXPLAINED_FILES = 40;

    private final boolean colour;
    private final boolean showNoise;
    private final StringBuilder out = new StringBuilder();

    private CompareTextRenderer(boolean colour, boolean showNoise) {
        this.colour = colour;
        this.showNoise = showNoise;
    }

    public static String render(Comparison c, boolean showNoise, boolean colour) {
        CompareTextRenderer r = new CompareTextRenderer(colour, showNoise);
        r.write(c);
        return r.out.toString();
    }

    private String paint(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    private void write(Comparison c) {
        String code = c.verdict() == Verdict.DIFFERENT ? "1;31" : "1;32";
        out.append(paint(code, c.verdict().id())).append('\n');
        out.append("  A: ").append(c.a().source()).append(" (").append(c.a().format()).append(", ").append(c.a().configDigest()).append(")\n");
        out.append("  B: ").append(c.b().source()).append(" (").append(c.b().format()).append(", ").append(c.b().configDigest()).append(")\n");
        if (!c.causes().isEmpty()) {
            out.append('\n').append(paint("1", "causes")).append('\n');
            int unexplained = 0;
            for (Cause cause : c.causes()) {
                if (cause instanceof FileChange && ++unexplained > UNEXPLAINED_FILES) {
                    continue;
                }
                writeCause(cause);
            }
            if (unexplained > UNEXPLAINED_FILES) {
                out.append("  … and ").append(unexplained - UNEXPLAINED_FILES)
                        .append(" more files no package explains (--format json lists every one)\n");
            }
        }
        if (!c.issues().isEmpty()) {
            out.append('\n').append(paint("1", "package databases not read")).append('\n');
            for (DatabaseIssue i : c.issues()) {
                out.append("  ").append(i.path()).append(": ").append(i.problem()).append('\n');
            }
        }
        Counts n = c.counts();
        out.append('\n').append(paint("1", "counts")).append('\n');
        out.append("  layers shared from the base: ").append(n.sharedLayers()).append(" (A has ").append(c.a().layers())
                .append(", B has ").append(c.b().layers()).append(")\n");
        out.append("  paths compared: ").append(n.filesCompared()).append("; added ").append(n.filesAdded()).append(", removed ")
                .append(n.filesRemoved()).append(", changed ").append(n.filesChanged()).append(" (").append(n.filesExplained())
                .append(" explained by packages)\n");
        out.append("  packages: added ").append(n.packagesAdded()).append(", removed ").append(n.packagesRemoved())
                .append(", version changed ").append(n.packagesChanged()).append("; config fields changed: ").append(n.configChanges()).append('\n');
        out.append("  noise set aside: ").append(n.noise());
        if (!showNoise && n.noise() > 0) {
            out.append(" (--show-noise lists them)");
        }
        out.append('\n');
        if (showNoise && !c.noise().isEmpty()) {
            out.append('\n').append(paint("1", "noise set aside")).append('\n');
            for (NoiseHit h : c.noise()) {
                out.append("  ").append(h.subject()).append(" (").append(h.change()).append("): ").append(h.rule().reason()).append('\n');
            }
        }
    }

    private void writeCause(Cause cause) {
        out.append("  ").append(paint("33", cause.kind())).append("  ").append(explanation(cause)).append('\n');
        if (cause instanceof PackageChange p) {
            writeFiles(p.files());
        } else if (cause instanceof PackageDatabaseChange d) {
            writeFiles(d.files());
        }
    }

    private void writeFiles(List<FileChange> files) {
        for (int i = 0; i < files.size() && i < FILES_PER_PACKAGE; i++) {
            FileChange f = files.get(i);
            out.append("      ").append(f.change().kind().substring(5)).append(' ').append(f.path());
            if (!f.aspects().isEmpty()) {
                out.append(" (").append(String.join(", ", f.aspects())).append(')');
            }
            out.append('\n');
        }
        if (files.size() > FILES_PER_PACKAGE) {
            out.append("      … and ").append(files.size() - FILES_PER_PACKAGE).append(" more files\n");
        }
    }

    /** One sentence that names the subject and what explains it; the JSON carries it too. */
    public static String explanation(Cause cause) {
        if (cause instanceof BaseImageChange b) {
            String la = b.layersA().isEmpty() ? "?" : describe(b.layersA().get(0).createdBy(), b.layersA().get(0).diffId());
            String lb = b.layersB().isEmpty() ? "?" : describe(b.layersB().get(0).createdBy(), b.layersB().get(0).diffId());
            return "the base image layers differ (the images record their base), so they are built on different base images (A: " + la + "; B: " + lb + "); "
                    + b.layersA().size() + " of A's layers and " + b.layersB().size() + " of B's are not in the other image";
        }
        if (cause instanceof PackageChange p) {
            String version = switch (p.change()) {
                case ADDED -> p.to();
                case REMOVED -> p.from();
                default -> p.from() + " → " + p.to();
            };
            String s = p.name() + " " + version + " (" + p.ecosystem().id() + ")";
            if (!p.files().isEmpty()) {
                s += ", " + p.files().size() + " changed file" + (p.files().size() == 1 ? "" : "s");
            }
            return p.introducedBy() == null ? s : s + "; installed by " + oneLine(p.introducedBy());
        }
        if (cause instanceof PackageDatabaseChange d) {
            return d.files().size() + " " + d.ecosystem().id() + " database/cache file" + (d.files().size() == 1 ? "" : "s")
                    + " rewritten because " + d.ecosystem().id() + " packages changed";
        }
        if (cause instanceof FileChange f) {
            StringBuilder s = new StringBuilder(f.path());
            if (!f.aspects().isEmpty()) {
                s.append(" (").append(String.join(", ", f.aspects())).append(')');
                if (f.aspects().contains("type")) {
                    s.append(": ").append(type(f.a())).append(" → ").append(type(f.b()));
                } else if (f.aspects().contains("link-target")) {
                    s.append(": ").append(f.a().linkTarget()).append(" → ").append(f.b().linkTarget());
                } else if (f.aspects().contains("mode")) {
                    s.append(String.format(": %04o → %04o", f.a().mode() & 07777, f.b().mode() & 07777));
                } else if (f.aspects().contains("owner")) {
                    s.append(": ").append(f.a().uid()).append(':').append(f.a().gid()).append(" → ").append(f.b().uid()).append(':').append(f.b().gid());
                }
            }
            s.append(f.owner() == null ? ", no package explains it" : ", owned by " + f.owner() + " whose version did not change");
            if (f.introducedBy() != null) {
                s.append("; ").append(f.change() == FileChange.Change.REMOVED ? "A's layer: " : "written by ").append(oneLine(f.introducedBy()));
            }
            return s.toString();
        }
        ConfigChange c = (ConfigChange) cause;
        String subject = c.key() == null ? c.field() : c.field() + " " + c.key();
        return subject + ": " + value(c.from()) + " → " + value(c.to());
    }

    private static String describe(String createdBy, String diffId) {
        return createdBy != null ? oneLine(createdBy) : diffId;
    }

    private static String type(FileEntry e) {
        return e == null ? "absent" : e.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String value(JsonNode n) {
        if (n == null || n.isNull()) {
            return "(absent)";
        }
        return n.isTextual() ? "\"" + n.asText() + "\"" : n.toString();
    }

    /** History lines can be long shell commands: squeeze whitespace and cut at 120 characters. */
    static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        if (t.startsWith("/bin/sh -c #(nop) ")) {
            t = t.substring("/bin/sh -c #(nop) ".length()).trim();
        } else if (t.startsWith("/bin/sh -c ")) {
            t = "RUN " + t.substring("/bin/sh -c ".length());
        }
        return t.length() > 120 ? t.substring(0, 117) + "…" : t;
    }
}
