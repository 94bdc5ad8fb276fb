package dev.strata.rules;

import dev.strata.project.Requirement;
import dev.strata.project.RequirementKind;
import dev.strata.project.RequirementsFile;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.RunScript;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises {@code pip install} in its spellings ({@code pip}, {@code pip3}, {@code pip3.11},
 * {@code python -m pip}, {@code python3.12 -m pip}, {@code uv pip}, any path to them) and reads its
 * requirements with the project package's requirement parser, so "pinned" means the same thing on
 * the command line and in requirements files.
 */
final class PipInstalls {
    private static final Pattern PIP = Pattern.compile("pip(\\d+(\\.\\d+)?)?");
    private static final Pattern PYTHON = Pattern.compile("python(\\d+(\\.\\d+)?)?");
    private static final Set<String> GLOBAL_VALUED = Invocation.set("--log", "--proxy", "--retries", "--timeout", "--exists-action",
            "--trusted-host", "--cert", "--client-cert", "--cache-dir", "--python", "--use-feature", "--use-deprecated");
    static final Set<String> INSTALL_VALUED = Invocation.set("-r", "--requirement", "-c", "--constraint", "-e", "--editable",
            "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--src",
            "--platform", "--python-version", "--implementation", "--abi", "--only-binary", "--no-binary", "--progress-bar",
            "--trusted-host", "--config-settings", "-C", "--global-option", "--upgrade-strategy", "--cache-dir", "--log",
            "--proxy", "--retries", "--timeout", "--exists-action", "--cert", "--client-cert", "--report", "--python", "-p",
            "--index-strategy", "--extra-index", "--override", "--exclude-newer", "--resolution", "--prerelease");
    /** Packages whose unpinned install is pip-self-upgrade, not pip-unpinned. */
    static final Set<String> INSTALLER = Set.of("pip", "setuptools", "wheel");

    private PipInstalls() {}

    /**
     * One pip install.
     *
     * @param installWord the {@code install} word (where findings about the whole command point)
     * @param uv true for {@code uv pip install} (no cache is left in the layer by default rules of thumb)
     * @param globalNoCache {@code --no-cache-dir} given before the subcommand
     */
    record Install(RunScript run, SimpleCommand command, Invocation invocation, ShellWord installWord, boolean uv, boolean globalNoCache) {}

    /** A requirement argument and its parse. */
    record Req(ShellWord word, Requirement requirement) {}

    static List<Install> all(DockerfileModel model) {
        return model.memo().get("pip", () -> allUncached(model));
    }

    private static List<Install> allUncached(DockerfileModel model) {
        List<Install> out = new ArrayList<>();
        for (Commands.Located l : Commands.all(model)) {
            Install in = of(l.run(), l.command(), l.name());
            if (in != null) {
                out.add(in);
            }
        }
        return out;
    }

    static Install of(RunScript run, SimpleCommand c) {
        return of(run, c, c.name());
    }

    static Install of(RunScript run, SimpleCommand c, String name) {
        if (name.isEmpty() || name.charAt(0) != 'p' && name.charAt(0) != 'u') {
            return null;
        }
        List<ShellWord> args = c.args();
        int from;
        boolean uv = false;
        if (PIP.matcher(name).matches()) {
            from = 0;
        } else if (PYTHON.matcher(name).matches()) {
            int m = -1;
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).is("-m") && args.get(i + 1).is("pip")) {
                    m = i;
                    break;
                }
                if (!args.get(i).value().startsWith("-")) {
                    break;
                }
            }
            if (m < 0) {
                return null;
            }
            from = m + 2;
        } else if (name.equals("uv") && !args.isEmpty() && args.get(0).is("pip")) {
            from = 1;
            uv = true;
        } else {
            return null;
        }
        List<ShellWord> rest = args.subList(from, args.size());
        int sub = Invocation.subcommand(rest, Set.of("install"), GLOBAL_VALUED);
        if (sub < 0) {
            return null;
        }
        boolean globalNoCache = rest.subList(0, sub).stream().anyMatch(w -> w.is("--no-cache-dir"));
        Invocation inv = Invocation.parse(c, rest, sub + 1, INSTALL_VALUED);
        return new Install(run, c, inv, rest.get(sub), uv, globalNoCache);
    }

    /** The requirements named on the command line (operands and -e values); local paths are left out. */
    static List<Req> requirements(Install in) {
        List<Req> out = new ArrayList<>();
        for (ShellWord w : in.invocation().operands()) {
            add(out, w, w.value());
        }
        for (ShellWord w : in.invocation().values("-e", "--editable")) {
            add(out, w, "-e " + w.value());
        }
        return out;
    }

    private static void add(List<Req> out, ShellWord w, String line) {
        if (!w.known() || w.value().isBlank()) {
            return;
        }
        String v = w.value();
        if (v.equals(".") || v.startsWith("./") || v.startsWith("/") || v.startsWith("../") || v.startsWith("~")
                || v.endsWith(".whl") && !v.contains("://")) {
            return;
        }
        List<Requirement> reqs = RequirementsFile.parse("command line", line).requirements();
        if (reqs.size() == 1 && reqs.get(0).kind() != RequirementKind.PATH) {
            out.add(new Req(w, reqs.get(0)));
        }
    }
}
