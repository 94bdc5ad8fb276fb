package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.shell.PackageSpec;
import dev.strata.shell.ShellWord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code npm install PKG} / {@code yarn add} / {@code pnpm add} without an exact version. */
public final class NpmUnpinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("npm-unpinned", "DL3016", Severity.ERROR, Layer.LANGUAGE_DEPENDENCIES,
            "`npm install PKG` without an exact version.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (NodePackages.Install in : NodePackages.all(model)) {
            List<ShellWord> floating = new ArrayList<>();
            Map<ShellWord, String> repl = new LinkedHashMap<>();
            for (PackageSpec spec : in.packages()) {
                if (!NodePackages.pinned(spec)) {
                    ShellWord w = spec.word();
                    floating.add(w);
                    String v = w.value();
                    int at = v.lastIndexOf('@');
                    repl.put(w, (at > 0 ? v.substring(0, at) : v) + "@<version>");
                }
            }
            if (floating.isEmpty()) {
                continue;
            }
            String fixed = Commands.rewrite(model, in.command(), repl);
            hits.add(Commands.at(model, in.run(), floating.get(0),
                    "`" + Commands.text(model, in.command()) + "` installs the newest release of " + Commands.names(floating)
                            + " that matches on the day of the build (ranges and dist-tags move), with freshly resolved"
                            + " dependencies.",
                    (fixed == null ? "pin exact versions" : fixed) + "  (the versions you tested; or install a project with a lock file via `npm ci`)"));
        }
        return hits;
    }
}
