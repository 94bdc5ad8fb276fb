package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code gem install} without {@code -v VERSION} or {@code gem:VERSION}. */
public final class GemUnpinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("gem-unpinned", "DL3028", Severity.ERROR, Layer.LANGUAGE_DEPENDENCIES,
            "`gem install` without `-v`/`:version`.");
    private static final Set<String> VALUED = Invocation.set("-v", "--version", "-i", "--install-dir", "-n", "--bindir", "--source",
            "-s", "-P", "--trust-policy", "--platform", "--document", "-g", "--file");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (Commands.Located l : Commands.all(model)) {
            SimpleCommand c = l.command();
            if (!l.is("gem")) {
                continue;
            }
            int sub = Invocation.subcommand(c.args(), Set.of("install", "i"), Set.of());
            if (sub < 0) {
                continue;
            }
            Invocation inv = Invocation.parse(c, c.args(), sub + 1, VALUED);
            if (inv.has("-v", "--version")) {
                continue;
            }
            List<ShellWord> floating = new ArrayList<>();
            Map<ShellWord, String> repl = new LinkedHashMap<>();
            for (ShellWord w : inv.operands()) {
                if (w.known() && !w.value().contains(":") && !w.value().endsWith(".gem")) {
                    floating.add(w);
                    repl.put(w, w.value() + ":<version>");
                }
            }
            if (floating.isEmpty()) {
                continue;
            }
            String fixed = Commands.rewrite(model, c, repl);
            hits.add(Commands.at(model, l.run(), floating.get(0),
                    "`" + Commands.text(model, c) + "` installs the newest release of " + Commands.names(floating) + " on the day of the build.",
                    (fixed == null ? "pin versions" : fixed) + "  (or `-v <version>` for a single gem; for an application, `bundle install` from a committed Gemfile.lock)"));
        }
        return hits;
    }
}
