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

/**
 * {@code go install pkg@latest} (or @master/@main/@HEAD), and {@code go get} of a remote package
 * without a version. {@code go install pkg} without {@code @} uses the current module's go.mod and
 * is not flagged.
 */
public final class GoInstallUnpinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("go-install-unpinned", "DL3062", Severity.ERROR, Layer.LANGUAGE_DEPENDENCIES,
            "`go install pkg@latest` or without a version.");
    private static final Set<String> MOVING = Set.of("latest", "master", "main", "head", "upgrade", "patch", "trunk", "develop");
    private static final Set<String> VALUED = Invocation.set("-ldflags", "-tags", "-o", "-gcflags", "-mod", "-modfile", "-p",
            "-pkgdir", "-toolexec", "-asmflags", "-overlay", "-pgo", "-buildmode", "-compiler", "-gccgoflags", "-installsuffix");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (Commands.Located l : Commands.all(model)) {
            SimpleCommand c = l.command();
            if (!l.is("go")) {
                continue;
            }
            int sub = Invocation.subcommand(c.args(), Set.of("install", "get"), Set.of());
            if (sub < 0) {
                continue;
            }
            boolean get = c.args().get(sub).is("get");
            Invocation inv = Invocation.parse(c, c.args(), sub + 1, VALUED);
            List<ShellWord> floating = new ArrayList<>();
            Map<ShellWord, String> repl = new LinkedHashMap<>();
            for (ShellWord w : inv.operands()) {
                if (!w.known() || w.value().startsWith(".") || w.value().startsWith("/")) {
                    continue;
                }
                String v = w.value();
                int at = v.lastIndexOf('@');
                boolean remote = v.indexOf('/') > 0 && v.substring(0, v.indexOf('/')).contains(".");
                boolean moving = at > 0 ? MOVING.contains(v.substring(at + 1).toLowerCase(java.util.Locale.ROOT)) : get && remote;
                if (moving) {
                    floating.add(w);
                    repl.put(w, (at > 0 ? v.substring(0, at) : v) + "@<version>");
                }
            }
            if (floating.isEmpty()) {
                continue;
            }
            String fixed = Commands.rewrite(model, c, repl);
            hits.add(Commands.at(model, l.run(), floating.get(0),
                    "`" + Commands.text(model, c) + "` resolves " + Commands.names(floating) + " to the newest version at build time.",
                    (fixed == null ? "name a version" : fixed) + "  (a tagged version such as v0.16.2, or a pseudo-version for a commit)"));
        }
        return hits;
    }
}
