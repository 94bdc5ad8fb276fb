package dev.strata.rules;

import dev.strata.dockerfile.CopyInstruction;
import dev.strata.dockerfile.Word;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.ModelBuilder;
import dev.strata.rules.model.Stage;
import dev.strata.rules.model.Step;
import dev.strata.shell.WordExpansionException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Optional;

/**
 * Maps a path a RUN reads inside the image back to the build-context file that put it there, by
 * following the stage's COPY/ADD instructions (latest first), the way the build lays files out.
 */
final class ContextPaths {
    private static final Pattern LEADING_DOT_SLASHES = Pattern.compile("^(\\./)+");
    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");
    private ContextPaths() {}

    /**
     * The context path of {@code path} as seen by {@code step} (relative paths resolve against its
     * WORKDIR), or empty when no COPY from the context provides it.
     */
    static Optional<String> resolve(DockerfileModel model, Step step, String path) {
        if (step.workdir() == null && !path.startsWith("/")) {
            return fallback(model, path);
        }
        String target = ModelBuilder.join(step.workdir() == null ? "/" : step.workdir(), path);
        Stage stage = model.stages().get(step.stageIndex());
        List<Step> steps = stage.steps();
        int at = steps.indexOf(step);
        for (int i = (at < 0 ? steps.size() : at) - 1; i >= 0; i--) {
            Step s = steps.get(i);
            if (!s.instruction().is("copy") && !s.instruction().is("add")) {
                continue;
            }
            CopyInstruction c = CopyInstruction.of(s.instruction());
            if (c.from().isPresent() || c.destination().isEmpty() || !c.heredocs().isEmpty()) {
                continue;
            }
            String destWritten = expand(model, s, c.destination().get().value());
            if (destWritten == null) {
                continue;
            }
            String dest = ModelBuilder.join(s.workdir() == null ? "/" : s.workdir(), destWritten);
            boolean destIsDir = destWritten.endsWith("/") || destWritten.equals(".") || c.sources().size() > 1;
            for (Word w : c.sources()) {
                String src = expand(model, s, WholeContext.unquote(w.value()));
                if (src == null || src.contains("://")) {
                    continue;
                }
                String clean = TRAILING_SLASHES.matcher(LEADING_DOT_SLASHES.matcher(src).replaceAll("")).replaceAll("");
                boolean whole = clean.isEmpty() || clean.equals(".");
                String prefix = dest.equals("/") ? "/" : dest + "/";
                if (whole) {
                    if (target.startsWith(prefix)) {
                        return Optional.of(target.substring(prefix.length()));
                    }
                    continue;
                }
                boolean srcIsDir = src.endsWith("/") || model.context().isDirectory(clean);
                if (srcIsDir) {
                    if (target.startsWith(prefix)) {
                        return Optional.of(clean + "/" + target.substring(prefix.length()));
                    }
                } else if (destIsDir) {
                    String name = clean.substring(clean.lastIndexOf('/') + 1);
                    if (target.equals(prefix + name)) {
                        return Optional.of(clean);
                    }
                } else if (target.equals(dest)) {
                    return Optional.of(clean);
                }
            }
        }
        return fallback(model, path);
    }

    /** Without a COPY that provides it, a relative path is looked up at the context root. */
    private static Optional<String> fallback(DockerfileModel model, String path) {
        if (path.startsWith("/")) {
            return Optional.empty();
        }
        return model.context().exists(path) ? Optional.of(path) : Optional.empty();
    }

    private static String expand(DockerfileModel model, Step s, String word) {
        if (word.indexOf('$') < 0) {
            return word;
        }
        try {
            var e = model.expander().expand(word, s.variables());
            return e.known() ? e.value() : null;
        } catch (WordExpansionException ex) {
            return null;
        }
    }

    /** The directory part of a context path ("" at the root). */
    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }
}
