package dev.strata.rules;

import dev.strata.dockerfile.CopyInstruction;
import dev.strata.dockerfile.Word;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Finds COPY/ADD instructions that copy the whole build context. */
final class WholeContext {
    private static final Set<String> WHOLE = Set.of(".", "./", "*", "./*", "/", "./.");
    private static final Set<String> CODE_EXTENSIONS = Set.of(".py", ".r", ".jl", ".sh", ".m", ".ipynb", ".js", ".ts", ".go", ".rs", ".c", ".cpp", ".h", ".java", ".toml", ".cfg", ".yaml", ".yml", ".json", ".txt", ".lock", ".in");

    private WholeContext() {}

    /** A whole-context copy and the source word that makes it one. */
    record Copy(Step step, CopyInstruction copy, Word source) {}

    static List<Copy> find(DockerfileModel model) {
        return model.memo().get("wholeContext", () -> findUncached(model));
    }

    private static List<Copy> findUncached(DockerfileModel model) {
        List<Copy> out = new ArrayList<>();
        for (Step step : model.steps()) {
            if (!step.instruction().is("copy") && !step.instruction().is("add")) {
                continue;
            }
            CopyInstruction c = CopyInstruction.of(step.instruction());
            if (c.from().isPresent() || !c.heredocs().isEmpty()) {
                continue;
            }
            for (Word w : c.sources()) {
                String v = unquote(w.value());
                if (WHOLE.contains(v)) {
                    out.add(new Copy(step, c, w));
                    break;
                }
            }
        }
        return out;
    }

    /** Top-level context entries that look like what an image needs (code and config, not docs or VCS). */
    static List<String> likelyNeeded(DockerfileModel model) {
        List<String> out = new ArrayList<>();
        for (String e : model.context().topLevel()) {
            String lower = e.toLowerCase(Locale.ROOT);
            if (e.startsWith(".") || lower.startsWith("dockerfile") || lower.startsWith("containerfile")
                    || lower.startsWith("readme") || lower.startsWith("license") || lower.endsWith(".md")
                    || lower.startsWith("data/") || lower.startsWith("results/") || lower.startsWith("output")) {
                continue;
            }
            if (e.endsWith("/")) {
                out.add(e);
            } else {
                int dot = lower.lastIndexOf('.');
                if (dot > 0 && CODE_EXTENSIONS.contains(lower.substring(dot))) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
