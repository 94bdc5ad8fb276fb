package dev.strata.rules;

import dev.strata.project.CondaDependency;
import dev.strata.project.CondaEnvironment;
import dev.strata.project.Layer;
import dev.strata.project.Requirement;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.shell.Ecosystem;
import dev.strata.shell.PackageManagerCall;
import dev.strata.shell.PackageSpec;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * conda/mamba/micromamba {@code install|create|update} of packages without a version, and
 * {@code env create|update -f FILE} / {@code --file FILE} where FILE (from the build context) does not
 * pin every dependency. The calls, their package words and files are the shell package's
 * {@link PackageManagerCall}s, as lock and pin read them; each spec is judged by the project
 * package's match-spec parser, as environment files are.
 */
public final class CondaUnpinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("conda-unpinned", null, Severity.ERROR, Layer.LANGUAGE_DEPENDENCIES,
            "conda/mamba/micromamba install without versions, or an unpinned environment.yml.");
    private static final Set<String> ACTIONS = Set.of("install", "create", "update", "upgrade", "env create", "env update");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (Commands.Call call : Commands.packageCalls(model, Ecosystem.CONDA)) {
            PackageManagerCall p = (PackageManagerCall) call.call();
            if (!ACTIONS.contains(p.action())) {
                continue;
            }
            SimpleCommand c = p.command();
            ShellWord action = actionWord(c, p.action());
            boolean env = p.action().startsWith("env ");
            List<ShellWord> files = p.files();
            if (env && files.isEmpty()) {
                checkFile(model, call, action, "environment.yml", hits);
            } else {
                for (ShellWord f : files) {
                    if (f.known()) {
                        checkFile(model, call, f, f.value(), hits);
                    }
                }
            }
            if (env) {
                continue;
            }
            List<ShellWord> floating = new ArrayList<>();
            Map<ShellWord, String> repl = new LinkedHashMap<>();
            for (PackageSpec spec : p.packages()) {
                ShellWord w = spec.word();
                if (!w.known() || w.value().isEmpty() || w.value().contains("/") && w.value().contains("://")) {
                    continue;
                }
                CondaDependency d = CondaEnvironment.matchSpec("command line", 0, w.value());
                if (!d.pinned()) {
                    floating.add(w);
                    repl.put(w, (d.channel().isEmpty() ? "" : d.channel() + "::") + d.name() + "=<version>");
                }
            }
            boolean all = p.hasFlag("all");
            if (floating.isEmpty() && !all) {
                continue;
            }
            String fixed = floating.isEmpty() ? null : Commands.rewrite(model, c, repl);
            ShellWord at = floating.isEmpty() ? action : floating.get(0);
            hits.add(Commands.at(model, call.run(), at,
                    "`" + Commands.text(model, c) + "` lets the solver pick "
                            + (floating.isEmpty() ? "the newest version of everything" : "the newest " + Commands.names(floating))
                            + " from today's channels, so a later build solves to different packages (often a different"
                            + " Python or CUDA runtime).",
                    (fixed == null ? "install exact versions, or from a lock" : fixed)
                            + "  (the full versions you tested, e.g. ipython=8.27.0; better: `conda-lock` or `conda list --explicit --md5`"
                            + " and `conda create --file explicit.txt`)"));
        }
        return hits;
    }

    /** 1-based column of {@code spec} on {@code line} of {@code text}, 1 when not found. */
    private static int column(String text, int line, String spec) {
        String[] lines = text.split("\n", -1);
        if (line < 1 || line > lines.length || spec.isEmpty()) {
            return 1;
        }
        int i = lines[line - 1].indexOf(spec);
        return i < 0 ? 1 : i + 1;
    }

    /** The word naming the action ({@code create} of {@code env create}): the last word of the action found in order. */
    private static ShellWord actionWord(SimpleCommand c, String action) {
        String last = action.substring(action.lastIndexOf(' ') + 1);
        boolean env = action.startsWith("env ");
        boolean seenEnv = false;
        for (ShellWord w : c.args()) {
            if (env && !seenEnv) {
                seenEnv = w.is("env");
            } else if (w.is(last)) {
                return w;
            }
        }
        return c.words().get(0);
    }

    private static void checkFile(DockerfileModel model, Commands.Call l, ShellWord at, String path, List<Hit> hits) {
        Optional<String> ctxPath = ContextPaths.resolve(model, l.run().step(), path);
        if (ctxPath.isEmpty()) {
            return;
        }
        Optional<String> text = model.context().readText(ctxPath.get());
        if (text.isEmpty()) {
            return;
        }
        CondaEnvironment envFile = CondaEnvironment.parse(ctxPath.get(), text.get());
        if (envFile.fullyPinned() || !envFile.problems().isEmpty() && envFile.dependencies().isEmpty() && envFile.lockedPackages().isEmpty()) {
            return;
        }
        List<String> floating = new ArrayList<>();
        String file = null;
        int line = 0;
        String firstSpec = "";
        for (CondaDependency d : envFile.dependencies()) {
            if (!d.pinned()) {
                floating.add(model.context().display(d.file()) + ":" + d.line() + " `" + d.spec() + "`");
                if (file == null) {
                    file = d.file();
                    line = d.line();
                    firstSpec = d.spec();
                }
            }
        }
        for (Requirement r : envFile.pipRequirements()) {
            if (!r.pinned()) {
                floating.add(model.context().display(r.file()) + ":" + r.line() + " `" + r.text().trim() + "` (pip)");
                if (file == null) {
                    file = r.file();
                    line = r.line();
                    firstSpec = r.text().trim();
                }
            }
        }
        if (file == null) {
            return;
        }
        List<String> shown = floating.subList(0, Math.min(6, floating.size()));
        hits.add(new Hit(l.run().step().instruction(), model.context().display(file), Math.max(1, line), column(text.get(), line, firstSpec),
                "`" + Commands.text(model, l.call().command()) + "` (" + model.file() + ":" + Commands.span(model, at).startLine()
                        + ") builds an environment whose dependencies float: " + String.join(", ", shown)
                        + (floating.size() > shown.size() ? ", and " + (floating.size() - shown.size()) + " more" : "")
                        + "; the solver picks today's newest matching packages.",
                "lock the environment: `conda-lock -f " + ctxPath.get() + "` (or `conda env export --no-builds` from the environment"
                        + " you tested, with exact versions) and create it from the lock"));
    }
}
