package dev.strata.rules;

import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.RunScript;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** npm/yarn/pnpm installs: package arguments and bare project installs. */
final class NodePackages {
    private static final Pattern COMMIT_SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern EXACT = Pattern.compile("v?\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]+)?");
    private static final Set<String> VALUED = Invocation.set("--prefix", "--registry", "--cache", "-w", "--workspace", "--omit",
            "--include", "--tag", "--network-timeout", "--modules-folder", "--cwd", "--filter", "-C", "--dir");

    /**
     * One install.
     *
     * @param tool npm, yarn or pnpm
     * @param packages the package words (empty for a bare install of the project)
     */
    record Install(RunScript run, SimpleCommand command, String tool, ShellWord subcommand, List<ShellWord> packages, Invocation invocation) {}

    private NodePackages() {}

    static List<Install> all(DockerfileModel model) {
        return model.memo().get("node", () -> allUncached(model));
    }

    private static List<Install> allUncached(DockerfileModel model) {
        List<Install> out = new ArrayList<>();
        for (Commands.Located l : Commands.all(model)) {
            SimpleCommand c = l.command();
            List<ShellWord> args = c.args();
            String tool = l.name();
            int sub;
            if (l.is("npm")) {
                sub = Invocation.subcommand(args, Set.of("install", "i", "add", "in", "isntall"), VALUED);
            } else if (l.is("yarn")) {
                int g = Invocation.subcommand(args, Set.of("global"), VALUED);
                sub = g >= 0 ? (g + 1 < args.size() && args.get(g + 1).is("add") ? g + 1 : -1)
                        : Invocation.subcommand(args, Set.of("add", "install"), VALUED);
                if (sub < 0 && !args.isEmpty() && args.stream().allMatch(w -> w.value().startsWith("-"))) {
                    sub = -2; // bare `yarn` installs the project
                }
            } else if (l.is("pnpm")) {
                sub = Invocation.subcommand(args, Set.of("add", "install", "i"), VALUED);
            } else {
                continue;
            }
            if (sub == -1) {
                continue;
            }
            Invocation inv = Invocation.parse(c, args, sub < 0 ? 0 : sub + 1, VALUED);
            List<ShellWord> packages = new ArrayList<>();
            for (ShellWord w : inv.operands()) {
                if (w.known() && !w.value().isEmpty()) {
                    packages.add(w);
                }
            }
            out.add(new Install(l.run(), c, tool, sub < 0 ? c.words().get(0) : args.get(sub), packages, inv));
        }
        return out;
    }

    /** Whether a package argument names one exact version (or is local or a pinned git/tarball URL). */
    static boolean pinned(String spec) {
        if (spec.startsWith(".") || spec.startsWith("/") || spec.startsWith("file:") || spec.endsWith(".tgz") || spec.endsWith(".tar.gz")) {
            return true;
        }
        if (spec.contains("://") || spec.startsWith("git") || spec.startsWith("github:")) {
            int hash = spec.lastIndexOf('#');
            return hash >= 0 && COMMIT_SHA.matcher(spec.substring(hash + 1)).matches();
        }
        int at = spec.lastIndexOf('@');
        if (at <= 0) {
            return false;
        }
        String v = spec.substring(at + 1);
        if (v.startsWith("npm:")) {
            return pinned(v.substring(4));
        }
        return EXACT.matcher(v).matches();
    }
}
