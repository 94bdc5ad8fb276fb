package dev.strata.report;

import dev.strata.lock.PinResult;
import dev.strata.lock.UnifiedDiff;
import java.nio.charset.StandardCharsets;

/** {@code strata pin} for people: the unified diff (dry run) or a summary of what was pinned. */
public final class LockPinTextRenderer {
    private LockPinTextRenderer() {}

    public static String diff(PinResult plan) {
        String name = plan.dockerfile().toString();
        StringBuilder out = new StringBuilder(UnifiedDiff.of(name, name, new String(plan.before(), StandardCharsets.UTF_8),
                new String(plan.after(), StandardCharsets.UTF_8)));
        for (var g : plan.generated().entrySet()) {
            String old = "";
            try {
                if (java.nio.file.Files.isRegularFile(g.getKey())) {
                    old = java.nio.file.Files.readString(g.getKey(), StandardCharsets.UTF_8);
                }
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                old = "";
            }
            String file = g.getKey().toString();
            out.append(UnifiedDiff.of(old.isEmpty() ? "/dev/null" : file, file, old, new String(g.getValue(), StandardCharsets.UTF_8)));
        }
        return out.toString();
    }

    public static String summary(PinResult plan, boolean written) {
        StringBuilder s = new StringBuilder();
        plan.edits().forEach(e -> s.append("pinned    ").append(e.why()).append(System.lineSeparator()));
        plan.generated().keySet().forEach(g -> s.append(written ? "generated " : "would generate ").append(g).append(System.lineSeparator()));
        plan.notes().forEach(n -> s.append("note: ").append(n).append(System.lineSeparator()));
        if (!plan.changes() && !plan.notes().isEmpty()) {
            s.append(plan.dockerfile()).append(": nothing pinned; ").append(plan.notes().size())
                    .append(plan.notes().size() == 1 ? " note above says" : " notes above say").append(" what is left").append(System.lineSeparator());
        } else if (!plan.changes()) {
            s.append(plan.dockerfile()).append(": nothing left to pin").append(System.lineSeparator());
        } else {
            s.append(plan.dockerfile()).append(written ? ": pinned " : ": would pin ").append(plan.edits().size())
                    .append(plan.edits().size() == 1 ? " input" : " inputs")
                    .append(written ? " (backup: " + plan.dockerfile().getFileName() + ".orig)" : "").append(System.lineSeparator());
        }
        return s.toString();
    }
}
