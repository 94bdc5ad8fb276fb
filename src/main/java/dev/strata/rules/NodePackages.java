package dev.strata.rules;

import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.RunScript;
import dev.strata.shell.Ecosystem;
import dev.strata.shell.PackageManagerCall;
import dev.strata.shell.PackageSpec;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import dev.strata.shell.SpecKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * npm/yarn/pnpm installs: package arguments and bare project installs, read from the shell
 * package's {@link dev.strata.shell.ToolCalls} (as lock and pin read them): {@code npm install/i/add},
 * {@code yarn add/install/global add} and a bare {@code yarn}, {@code pnpm add/install}.
 */
final class NodePackages {
    private static final Set<String> INSTALLS = Set.of("install", "add", "global add");
    private static final Set<String> ACTION_WORDS = Set.of("install", "i", "in", "isntall", "add", "global");

    /**
     * One install.
     *
     * @param tool npm, yarn or pnpm
     * @param subcommand the word naming the action (the command name for a bare {@code yarn})
     * @param packages the package arguments (empty for a bare install of the project); words with
     *     unknown values are left out
     * @param global {@code -g}/{@code --global} or {@code yarn global add}
     */
    record Install(RunScript run, SimpleCommand command, String tool, ShellWord subcommand, List<PackageSpec> packages, boolean global) {}

    private NodePackages() {}

    static List<Install> all(DockerfileModel model) {
        return model.memo().get("node", () -> allUncached(model));
    }

    private static List<Install> allUncached(DockerfileModel model) {
        List<Install> out = new ArrayList<>();
        for (Commands.Call call : Commands.packageCalls(model, Ecosystem.NPM)) {
            PackageManagerCall p = (PackageManagerCall) call.call();
            if (!INSTALLS.contains(p.action())) {
                continue; // npm ci, update: no package arguments to pin, and ci needs the lock file
            }
            List<PackageSpec> packages = new ArrayList<>();
            for (PackageSpec spec : p.packages()) {
                if (spec.known() && !spec.word().value().isEmpty()) {
                    packages.add(spec);
                }
            }
            out.add(new Install(call.run(), p.command(), p.tool(), actionWord(p.command()), packages, p.hasFlag("global")));
        }
        return out;
    }

    /** The first argument naming the action, or the command word for a bare {@code yarn}. */
    private static ShellWord actionWord(SimpleCommand c) {
        for (ShellWord w : c.args()) {
            if (w.known() && ACTION_WORDS.contains(w.value())) {
                return w;
            }
        }
        return c.words().get(0);
    }

    /**
     * Whether a package argument names one exact version, or a fixed file: a local path or tarball,
     * a git or URL spec at a full commit ({@link PackageSpec#exact()} for names and commits).
     */
    static boolean pinned(PackageSpec spec) {
        if (spec.exact() || spec.kind() == SpecKind.FILE) {
            return true;
        }
        String v = spec.word().value();
        return spec.kind() == SpecKind.URL && (v.endsWith(".tgz") || v.endsWith(".tar.gz"));
    }
}
