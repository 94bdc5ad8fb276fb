package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.shell.ShellWord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code pip install --upgrade pip} (also setuptools, wheel) without a version. */
public final class PipSelfUpgradeRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("pip-self-upgrade", null, Severity.WARNING, Layer.LANGUAGE_DEPENDENCIES,
            "`pip install --upgrade pip` without a version.");
    private static final Map<String, String> TESTED = Map.of("pip", "24.2", "setuptools", "75.1.0", "wheel", "0.44.0");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (PipInstalls.Install in : PipInstalls.all(model)) {
            List<ShellWord> tools = new ArrayList<>();
            Map<ShellWord, String> repl = new LinkedHashMap<>();
            for (PipInstalls.Req r : PipInstalls.requirements(in)) {
                String n = r.requirement().normalizedName();
                if (!r.requirement().pinned() && PipInstalls.INSTALLER.contains(n)) {
                    tools.add(r.word());
                    repl.put(r.word(), n + "==" + TESTED.get(n));
                }
            }
            if (tools.isEmpty()) {
                continue;
            }
            String fixed = Commands.rewrite(model, in.command(), repl);
            hits.add(Commands.at(model, in.run(), tools.get(0),
                    "`" + Commands.text(model, in.command()) + "` upgrades the installer itself to whatever is newest: the"
                            + " resolver, build isolation and wheel selection of every later pip install change with it.",
                    (fixed == null ? "pin it: pip install pip==" + TESTED.get("pip") : fixed)
                            + "  (use the version you built with, or keep the pip of the pinned base image)"));
        }
        return hits;
    }
}
