package dev.strata.report;

import dev.strata.build.Variation;
import dev.strata.compare.Cause;
import dev.strata.compare.FileChange;
import dev.strata.compare.Verdict;
import dev.strata.rebuild.BuildFailure;
import dev.strata.rebuild.BuildRecord;
import dev.strata.rebuild.CauseExplanation;
import dev.strata.rebuild.PairComparison;
import dev.strata.rebuild.RebuildResult;
import dev.strata.rebuild.Timings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The text report of {@code strata rebuild}: verdict first, then why, then builds and times. */
public final class RebuildTextRenderer {
    /** How many causes the text lists; JSON has them all. */
    static final int MAX_CAUSES = 40;

    private final boolean colour;
    private final StringBuilder out = new StringBuilder();

    private RebuildTextRenderer(boolean colour) {
        this.colour = colour;
    }

    public static String render(RebuildResult r, boolean colour) {
        RebuildTextRenderer t = new RebuildTextRenderer(colour);
        t.write(r);
        return t.out.toString();
    }

    private String paint(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    private void write(RebuildResult r) {
        boolean good = r.verdict() == Verdict.BITWISE_IDENTICAL || r.verdict() == Verdict.FUNCTIONALLY_EQUIVALENT;
        String headline = r.verdict().id();
        if (r.failure() != null) {
            headline += " (" + r.failure().kind().title() + ")";
        }
        out.append(paint(good ? "1;32" : "1;31", headline)).append('\n');
        out.append("  ").append(r.builds().size()).append(" build").append(r.builds().size() == 1 ? "" : "s")
                .append(r.failure() == null ? "" : " (stopped at the first failure)").append(" of ").append(r.dockerfile())
                .append(" in ").append(r.project()).append(" with ").append(r.builder()).append(" (")
                .append(r.builderDetail()).append(")\n");
        out.append("  varied: ").append(r.varied().isEmpty() ? "nothing"
                : String.join(", ", r.varied().stream().map(Variation::id).toList()));
        if (!r.unsupported().isEmpty()) {
            out.append("; not supported by ").append(r.builder()).append(": ")
                    .append(String.join(", ", r.unsupported().stream().map(Variation::id).toList()));
        }
        out.append('\n');
        if (r.sourceDateEpoch() != null) {
            out.append("  fixed time: SOURCE_DATE_EPOCH=").append(r.sourceDateEpoch())
                    .append(r.timestamp() ? ", builder timestamp option on" : "").append('\n');
        }

        if (r.failure() != null) {
            writeFailure(r);
        } else {
            writeComparisons(r);
        }

        out.append('\n').append(paint("1", "builds")).append('\n');
        for (BuildRecord b : r.builds()) {
            out.append("  build ").append(b.index()).append("  ").append(b.succeeded() ? "ok    " : "FAILED")
                    .append("  build ").append(seconds(b.buildTime())).append(", export ").append(seconds(b.exportTime()))
                    .append(", context copy ").append(seconds(b.copyTime()));
            if (!b.varied().isEmpty()) {
                out.append("\n      ").append(String.join("  ", b.varied()));
            }
            if (b.log() != null) {
                out.append("\n      log: ").append(b.log());
            }
            if (b.archive() != null) {
                out.append("\n      image: ").append(b.archive());
            }
            out.append('\n');
        }
        Timings t = r.timings();
        out.append("  time: ").append(seconds(t.total())).append(" in all; builds ").append(seconds(t.builds()))
                .append("; added by rebuild ").append(seconds(t.overhead())).append(" (context copy ")
                .append(seconds(t.copy())).append(", export ").append(seconds(t.export())).append(", compare ")
                .append(seconds(t.compare())).append(")\n");
        if (r.kept()) {
            out.append("  work directory kept: ").append(r.workDir()).append('\n');
        }
    }

    private void writeFailure(RebuildResult r) {
        BuildFailure f = r.failure();
        BuildRecord failed = r.builds().get(r.builds().size() - 1);
        out.append('\n').append(paint("1", "build " + failed.index() + " failed")).append(": ")
                .append(f.kind().title());
        if (f.exitStatus() != null) {
            out.append(" (exit status ").append(f.exitStatus()).append(')');
        }
        out.append('\n');
        if (f.instruction() != null) {
            out.append("  at ").append(f.step() == null ? "" : "step " + f.step() + ": ").append(f.instruction())
                    .append('\n');
        }
        if (f.evidence() != null) {
            out.append("  because: ").append(f.evidence()).append('\n');
        }
        if (!f.lastLines().isEmpty()) {
            out.append("  last lines of its output:\n");
            for (String l : f.lastLines()) {
                out.append("    | ").append(l).append('\n');
            }
        }
    }

    private void writeComparisons(RebuildResult r) {
        out.append('\n');
        for (PairComparison p : r.comparisons()) {
            out.append("  builds ").append(p.a()).append(" and ").append(p.b()).append(": ")
                    .append(p.comparison().verdict().id());
            int noise = p.comparison().counts().noise();
            if (noise > 0) {
                out.append(" (").append(noise).append(" noise difference").append(noise == 1 ? "" : "s")
                        .append(" set aside)");
            }
            out.append('\n');
        }
        if (r.causes().isEmpty()) {
            return;
        }
        out.append('\n').append(paint("1", "causes")).append('\n');
        List<Cause> causes = r.causes();
        for (int i = 0; i < causes.size() && i < MAX_CAUSES; i++) {
            Cause c = causes.get(i);
            out.append("  ").append(paint("33", c.kind())).append("  ").append(CompareTextRenderer.explanation(c))
                    .append('\n');
            for (CauseExplanation e : r.explanations()) {
                if (e.cause() == i) {
                    for (CauseExplanation.LinkedFinding f : e.findings()) {
                        out.append("      ← ").append(f.rule()).append(" at ").append(f.file()).append(':')
                                .append(f.line()).append(": ").append(f.message()).append('\n');
                    }
                }
            }
        }
        if (causes.size() > MAX_CAUSES) {
            long files = causes.stream().skip(MAX_CAUSES).filter(c -> c instanceof FileChange).count();
            out.append("  … and ").append(causes.size() - MAX_CAUSES).append(" more (").append(files)
                    .append(" of them files); --format json lists every one\n");
        }
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
