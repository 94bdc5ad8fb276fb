package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.project.RequirementKind;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.shell.ShellWord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pip install x} where a requirement is not pinned to one version: ranges count as unpinned,
 * a VCS URL needs a full commit, a URL needs a hash. pip, setuptools and wheel are left to
 * {@link PipSelfUpgradeRule}.
 */
public final class PipUnpinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("pip-unpinned", "DL3013", Severity.ERROR, Layer.LANGUAGE_DEPENDENCIES,
            "`pip install` of a requirement without `==version`.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (PipInstalls.Install in : PipInstalls.all(model)) {
            List<PipInstalls.Req> floating = new ArrayList<>();
            for (PipInstalls.Req r : PipInstalls.requirements(in)) {
                if (!r.requirement().pinned() && !PipInstalls.INSTALLER.contains(r.requirement().normalizedName())) {
                    floating.add(r);
                }
            }
            if (floating.isEmpty()) {
                continue;
            }
            Map<ShellWord, String> repl = new LinkedHashMap<>();
            List<String> why = new ArrayList<>();
            for (PipInstalls.Req r : floating) {
                repl.put(r.word(), pinned(r));
                why.add(describe(r));
            }
            String fixed = Commands.rewrite(model, in.command(), repl);
            hits.add(Commands.at(model, in.run(), floating.get(0).word(),
                    "`" + Commands.text(model, in.command()) + "` installs " + String.join(", ", why)
                            + ": pip takes the newest release that matches on the day of the build, so a rebuild later gets"
                            + " different code" + (in.call().hasFlag("upgrade") ? " (and --upgrade asks for exactly that)" : "") + ".",
                    (fixed == null ? "pin exact versions" : fixed)
                            + "  (the versions you tested; better: a lock with hashes from `pip-compile --generate-hashes`"
                            + " installed with `pip install --require-hashes -r requirements.lock`)"));
        }
        return hits;
    }

    private static String describe(PipInstalls.Req r) {
        var q = r.requirement();
        if (q.kind() == RequirementKind.VCS) {
            return "`" + r.word().value() + "` (a VCS URL without a full commit id)";
        }
        if (q.kind() == RequirementKind.URL) {
            return "`" + r.word().value() + "` (a URL without a #sha256= hash)";
        }
        if (q.specifier().isEmpty()) {
            return "`" + r.word().value() + "` (no version)";
        }
        return "`" + r.word().value() + "` (a range, not one version)";
    }

    private static String pinned(PipInstalls.Req r) {
        var q = r.requirement();
        if (q.kind() != RequirementKind.NAMED) {
            return r.word().raw();
        }
        String extras = q.extras().isEmpty() ? "" : "[" + String.join(",", q.extras()) + "]";
        String text = q.name() + extras + "==<version>";
        return text.contains("[") ? "\"" + text + "\"" : text;
    }
}
