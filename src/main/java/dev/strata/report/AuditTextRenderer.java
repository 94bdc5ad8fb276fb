package dev.strata.report;

import dev.strata.audit.AuditResult;
import dev.strata.audit.AuditVerdict;
import dev.strata.project.Evidence;
import dev.strata.project.LayerResult;
import dev.strata.project.LayerStatus;
import dev.strata.rules.Finding;
import dev.strata.rules.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit for people: the verdict line and the layer table first, then the findings grouped by
 * file with line numbers and fixes. ANSI colour only when asked (the CLI asks on a terminal).
 */
public final class AuditTextRenderer {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";
    private static final String CYAN = "\u001b[36m";

    private final boolean colour;
    private final StringBuilder out = new StringBuilder();

    private AuditTextRenderer(boolean colour) {
        this.colour = colour;
    }

    /** Renders the report; {@code colour} adds ANSI escapes. */
    public static String render(AuditResult r, boolean colour) {
        AuditTextRenderer t = new AuditTextRenderer(colour);
        t.verdict(r);
        t.layers(r.layers());
        t.findings(r.findings());
        t.out.append("Static audit: it says what floats, not whether bytes match; `strata rebuild` checks that.\n");
        return t.out.toString();
    }

    private void verdict(AuditResult r) {
        AuditVerdict v = r.verdict();
        String c = switch (v) {
            case WILL_DRIFT -> RED;
            case MAY_DRIFT -> YELLOW;
            case PINNED -> GREEN;
        };
        out.append("strata audit ").append(r.target()).append(": ").append(paint(BOLD + c, v.label()));
        out.append(" (")
                .append(plural(r.count(Severity.ERROR), "error"))
                .append(", ")
                .append(plural(r.count(Severity.WARNING), "warning"))
                .append(", ")
                .append(plural(r.count(Severity.INFO), "info"))
                .append(" in ")
                .append(plural(r.files().size(), "Dockerfile"))
                .append(")\n\n");
    }

    private void layers(List<LayerResult> layers) {
        if (layers.isEmpty()) {
            return;
        }
        int w = "layer".length();
        for (LayerResult l : layers) {
            w = Math.max(w, l.layer().id().length());
        }
        int sw = "not-applicable".length();
        out.append(paint(BOLD, pad("layer", w) + "  " + pad("status", sw) + "  evidence")).append('\n');
        for (LayerResult l : layers) {
            out.append(pad(l.layer().id(), w)).append("  ");
            out.append(paint(statusColour(l.status()), pad(l.status().id(), sw))).append("  ");
            List<Evidence> ev = l.evidence();
            if (ev.isEmpty()) {
                out.append('-');
            } else {
                out.append(evidence(ev.get(0)));
                if (ev.size() > 1) {
                    out.append(paint(DIM, " (+" + (ev.size() - 1) + " more)"));
                }
            }
            out.append('\n');
        }
        out.append('\n');
    }

    private void findings(List<Finding> findings) {
        if (findings.isEmpty()) {
            out.append("No findings.\n\n");
            return;
        }
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : findings) {
            byFile.computeIfAbsent(f.file(), k -> new java.util.ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            out.append(paint(BOLD, e.getKey())).append('\n');
            for (Finding f : e.getValue()) {
                String pos = f.line() + ":" + f.column();
                out.append("  ").append(pad(pos, 7)).append(' ');
                out.append(paint(severityColour(f.severity()), pad(f.severity().id(), 7))).append(' ');
                out.append(paint(BOLD, f.rule()));
                if (f.hadolint() != null) {
                    out.append(paint(DIM, " (" + f.hadolint() + ")"));
                }
                out.append('\n');
                out.append("          ").append(f.message()).append('\n');
                out.append("          ").append(paint(GREEN, "fix: ")).append(indentContinuation(f.fix())).append('\n');
            }
            out.append('\n');
        }
    }

    private static String indentContinuation(String s) {
        return s.replace("\n", "\n               ");
    }

    private static String evidence(Evidence e) {
        if (e.file() == null || e.file().isEmpty()) {
            return e.statement();
        }
        return e.file() + (e.line() > 0 ? ":" + e.line() : "") + " " + e.statement();
    }

    private String paint(String code, String s) {
        return colour ? code + s + RESET : s;
    }

    private static String severityColour(Severity s) {
        return switch (s) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case INFO -> CYAN;
        };
    }

    private static String statusColour(LayerStatus s) {
        return switch (s) {
            case LOCKED -> GREEN;
            case PARTIAL -> YELLOW;
            case MISSING -> RED;
            case NOT_APPLICABLE -> DIM;
        };
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 || word.equals("info") ? "" : "s");
    }
}
