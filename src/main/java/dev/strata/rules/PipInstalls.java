package dev.strata.rules;

import dev.strata.project.Requirement;
import dev.strata.project.RequirementKind;
import dev.strata.project.RequirementsFile;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.RunScript;
import dev.strata.shell.Ecosystem;
import dev.strata.shell.PackageManagerCall;
import dev.strata.shell.PackageSpec;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pip install} in its spellings ({@code pip}, {@code pip3}, {@code pip3.11},
 * {@code python -m pip}, {@code python3.12 -m pip}, {@code uv pip}, any path to them), as the shell
 * package's {@link dev.strata.shell.ToolCalls} recognizes it for lock and pin too: which command is
 * an install, which words are requirements, which options are set. Each requirement is read with
 * the project package's requirement parser, so "pinned" means the same thing on the command line
 * and in requirements files.
 */
final class PipInstalls {
    /** Packages whose unpinned install is pip-self-upgrade, not pip-unpinned. */
    static final Set<String> INSTALLER = Set.of("pip", "setuptools", "wheel");

    private PipInstalls() {}

    /**
     * One pip install.
     *
     * @param call the recognized call (requirements, -r files, flags)
     * @param installWord the {@code install} word (where findings about the whole command point)
     * @param uv true for {@code uv pip install} (no cache is left in the layer by default rules of thumb)
     */
    record Install(RunScript run, PackageManagerCall call, ShellWord installWord, boolean uv) {
        SimpleCommand command() {
            return call.command();
        }
    }

    /** A requirement argument and its parse. */
    record Req(ShellWord word, Requirement requirement) {}

    static List<Install> all(DockerfileModel model) {
        return model.memo().get("pip", () -> allUncached(model));
    }

    /** The pip install run by {@code command}, or null. */
    static Install of(DockerfileModel model, SimpleCommand command) {
        Map<SimpleCommand, Install> byCommand = model.memo().get("pipByCommand", () -> {
            Map<SimpleCommand, Install> m = new IdentityHashMap<>();
            for (Install in : all(model)) {
                m.put(in.command(), in);
            }
            return m;
        });
        return byCommand.get(command);
    }

    private static List<Install> allUncached(DockerfileModel model) {
        List<Install> out = new ArrayList<>();
        for (Commands.Call c : Commands.packageCalls(model, Ecosystem.PIP)) {
            PackageManagerCall p = (PackageManagerCall) c.call();
            String tool = p.tool();
            boolean pip = tool.startsWith("pip") || tool.endsWith(" -m pip") || tool.equals("uv pip");
            if (!pip || !p.action().equals("install")) {
                continue; // pip download/wheel/uninstall, uv sync, poetry, pipenv: not a pip install
            }
            out.add(new Install(c.run(), p, installWord(p.command()), tool.equals("uv pip")));
        }
        return out;
    }

    private static ShellWord installWord(SimpleCommand c) {
        for (ShellWord w : c.args()) {
            if (w.is("install")) {
                return w;
            }
        }
        return c.words().get(0);
    }

    /** The requirements named on the command line (operands and -e values); local paths are left out. */
    static List<Req> requirements(Install in) {
        List<Req> out = new ArrayList<>();
        for (PackageSpec spec : in.call().packages()) {
            ShellWord w = spec.word();
            add(out, w, editable(in.command(), w) ? "-e " + w.value() : w.value());
        }
        return out;
    }

    /** Whether the word is the value of {@code -e}/{@code --editable}. */
    private static boolean editable(SimpleCommand c, ShellWord w) {
        String raw = w.raw();
        if (raw.startsWith("-e") || raw.startsWith("--editable=")) {
            return true;
        }
        List<ShellWord> words = c.words();
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i).start() == w.start() && words.get(i).end() == w.end()) {
                return words.get(i - 1).is("-e") || words.get(i - 1).is("--editable");
            }
        }
        return false;
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
