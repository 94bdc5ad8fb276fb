package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code cargo install CRATE} without {@code --version}/{@code @version} (or {@code --git} without {@code --rev}). */
public final class CargoInstallUnpinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("cargo-install-unpinned", null, Severity.ERROR, Layer.LANGUAGE_DEPENDENCIES,
            "`cargo install` without `--version` or `--locked`.");
    private static final Set<String> VALUED = Invocation.set("--version", "--vers", "--git", "--branch", "--tag", "--rev", "--path",
            "--root", "--index", "--registry", "--features", "-F", "-j", "--jobs", "--target", "--target-dir", "--profile", "--bin",
            "--example", "--config", "-Z");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (Commands.Located l : Commands.all(model)) {
            SimpleCommand c = l.command();
            if (!l.is("cargo")) {
                continue;
            }
            int sub = Invocation.subcommand(c.args(), Set.of("install"), Invocation.set("--config", "-Z", "-C"));
            if (sub < 0) {
                continue;
            }
            Invocation inv = Invocation.parse(c, c.args(), sub + 1, VALUED);
            if (inv.has("--path")) {
                continue;
            }
            boolean git = inv.has("--git");
            boolean pinnedVersion = git ? inv.has("--rev") : inv.has("--version", "--vers");
            List<ShellWord> crates = inv.operands().stream().filter(ShellWord::known).toList();
            List<ShellWord> floating = new ArrayList<>();
            for (ShellWord w : crates) {
                if (!pinnedVersion && !(w.value().contains("@") && !git)) {
                    floating.add(w);
                }
            }
            ShellWord at = !floating.isEmpty() ? floating.get(0) : git && !pinnedVersion ? inv.values("--git").get(0) : null;
            if (at == null) {
                continue;
            }
            boolean locked = inv.has("--locked");
            hits.add(Commands.at(model, l.run(), at,
                    "`" + Commands.text(model, c) + "` builds the newest " + (git ? "commit of the repository" : "release of "
                            + Commands.names(floating)) + (locked ? "" : ", with its dependencies resolved afresh (no --locked)") + ".",
                    git ? "cargo install --git " + inv.values("--git").get(0).value() + " --rev <commit> --locked"
                            : "cargo install " + String.join(" ", floating.stream().map(w -> w.value() + " --version <version>").toList())
                                    + " --locked"));
        }
        return hits;
    }
}
