package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.shell.Ecosystem;
import dev.strata.shell.PackageManagerCall;
import dev.strata.shell.PackageSpec;
import dev.strata.shell.SpecKind;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code gem install} without {@code -v VERSION} or {@code gem:VERSION}. */
public final class GemUnpinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("gem-unpinned", "DL3028", Severity.ERROR, Layer.LANGUAGE_DEPENDENCIES,
            "`gem install` without `-v`/`:version`.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (Commands.Call call : Commands.packageCalls(model, Ecosystem.GEM)) {
            PackageManagerCall p = (PackageManagerCall) call.call();
            if (!p.action().equals("install") || versionFromUnknownVariable(p.command())) {
                continue; // -v "$VERSION" with an unknown value: decided at build time, not guessed at
            }
            SimpleCommand c = p.command();
            List<ShellWord> floating = new ArrayList<>();
            Map<ShellWord, String> repl = new LinkedHashMap<>();
            for (PackageSpec spec : p.packages()) {
                ShellWord w = spec.word();
                if (w.known() && spec.kind() == SpecKind.NAME && !spec.exact()) {
                    floating.add(w);
                    repl.put(w, spec.name() + ":<version>");
                }
            }
            if (floating.isEmpty()) {
                continue;
            }
            String fixed = Commands.rewrite(model, c, repl);
            hits.add(Commands.at(model, call.run(), floating.get(0),
                    "`" + Commands.text(model, c) + "` installs the newest release of " + Commands.names(floating) + " on the day of the build.",
                    (fixed == null ? "pin versions" : fixed) + "  (or `-v <version>` for a single gem; for an application, `bundle install` from a committed Gemfile.lock)"));
        }
        return hits;
    }

    private static boolean versionFromUnknownVariable(SimpleCommand c) {
        List<ShellWord> args = c.args();
        for (int i = 0; i + 1 < args.size(); i++) {
            if ((args.get(i).is("-v") || args.get(i).is("--version")) && !args.get(i + 1).known()) {
                return true;
            }
        }
        return false;
    }
}
