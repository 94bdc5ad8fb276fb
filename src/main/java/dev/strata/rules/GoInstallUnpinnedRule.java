package dev.strata.rules;

import dev.strata.project.Layer;
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

/**
 * {@code go install pkg@latest} (or @master/@main/@HEAD), and {@code go get} of a remote package
 * without a version. {@code go install pkg} without {@code @} uses the current module's go.mod and
 * is not flagged.
 */
public final class GoInstallUnpinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("go-install-unpinned", "DL3062", Severity.ERROR, Layer.LANGUAGE_DEPENDENCIES,
            "`go install pkg@latest` or without a version.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (Commands.Call call : Commands.packageCalls(model, Ecosystem.GO)) {
            PackageManagerCall p = (PackageManagerCall) call.call();
            SimpleCommand c = p.command();
            boolean get = p.action().equals("get");
            List<ShellWord> floating = new ArrayList<>();
            Map<ShellWord, String> repl = new LinkedHashMap<>();
            for (PackageSpec spec : p.packages()) {
                ShellWord w = spec.word();
                String v = w.value();
                if (!w.known() || v.startsWith(".") || v.startsWith("/") || spec.exact()) {
                    continue;
                }
                // a query that is not a version (latest, a branch) moves; go get of a remote module without one does too
                boolean remote = v.indexOf('/') > 0 && v.substring(0, v.indexOf('/')).contains(".");
                if (!spec.version().isEmpty() || get && remote) {
                    floating.add(w);
                    repl.put(w, spec.name() + "@<version>");
                }
            }
            if (floating.isEmpty()) {
                continue;
            }
            String fixed = Commands.rewrite(model, c, repl);
            hits.add(Commands.at(model, call.run(), floating.get(0),
                    "`" + Commands.text(model, c) + "` resolves " + Commands.names(floating) + " to the newest version at build time.",
                    (fixed == null ? "name a version" : fixed) + "  (a tagged version such as v0.16.2, or a pseudo-version for a commit)"));
        }
        return hits;
    }
}
