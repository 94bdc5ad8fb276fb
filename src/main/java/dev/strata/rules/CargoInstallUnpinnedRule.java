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
import java.util.List;

/** {@code cargo install CRATE} without {@code --version}/{@code @version} (or {@code --git} without {@code --rev}). */
public final class CargoInstallUnpinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("cargo-install-unpinned", null, Severity.ERROR, Layer.LANGUAGE_DEPENDENCIES,
            "`cargo install` without `--version` or `--locked`.");
    /** The {@code --git} URL word of a cargo install. */
    private static ShellWord gitUrl(SimpleCommand c) {
        List<ShellWord> args = c.args();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if (v.equals("--git") && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (v.startsWith("--git=")) {
                return args.get(i);
            }
        }
        return null;
    }

    private static String nameOf(String crate) {
        int at = crate.indexOf('@');
        return at < 0 ? crate : crate.substring(0, at);
    }


    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (Commands.Call call : Commands.packageCalls(model, Ecosystem.CARGO)) {
            PackageManagerCall p = (PackageManagerCall) call.call();
            SimpleCommand c = p.command();
            if (!p.files().isEmpty()) {
                continue; // --path: a local crate
            }
            List<ShellWord> floating = new ArrayList<>();
            ShellWord gitUrl = p.packages().stream().anyMatch(spec -> spec.kind() == SpecKind.VCS) ? gitUrl(c) : null;
            for (PackageSpec spec : p.packages()) {
                if (spec.known() && !spec.exact()) {
                    floating.add(spec.word());
                }
            }
            boolean git = gitUrl != null;
            if (floating.isEmpty()) {
                continue;
            }
            // a bare --git install names no crate: point at the URL
            ShellWord at = git && floating.get(0) == gitUrl ? gitUrl : floating.get(0);
            List<ShellWord> crates = floating.stream().filter(w -> w != gitUrl).toList();
            boolean locked = p.hasFlag("locked");
            hits.add(Commands.at(model, call.run(), at,
                    "`" + Commands.text(model, c) + "` builds the newest " + (git ? "commit of the repository" : "release of "
                            + Commands.names(crates)) + (locked ? "" : ", with its dependencies resolved afresh (no --locked)") + ".",
                    git ? "cargo install --git " + gitUrl.value() + " --rev <commit> --locked"
                            : "cargo install " + String.join(" ", crates.stream().map(w -> nameOf(w.value()) + " --version <version>").toList())
                                    + " --locked"));
        }
        return hits;
    }
}
