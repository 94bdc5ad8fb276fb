package dev.strata.rules;

import dev.strata.dockerfile.Flag;
import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.RunScript;
import dev.strata.shell.Ecosystem;
import dev.strata.shell.PackageManagerCall;
import dev.strata.shell.ShellWord;
import dev.strata.shell.ToolCall;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * Caches left in a layer: apt lists after {@code apt-get update} without removing
 * /var/lib/apt/lists in the same RUN, and pip's cache after {@code pip install} without
 * {@code --no-cache-dir} (or PIP_NO_CACHE_DIR). A cache mount avoids both.
 */
public final class NondeterministicLeftoversRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("nondeterministic-leftovers", null, Severity.INFO, Layer.CONTAINER,
            "apt lists, pip caches or logs left in a layer.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (RunScript run : model.runs()) {
            List<SimpleCommand> cmds = run.script().commands();
            boolean cleansLists = false;
            String[] names = new String[cmds.size()];
            for (int i = 0; i < names.length; i++) {
                SimpleCommand c = cmds.get(i);
                names[i] = c.name();
                if (names[i].equals("rm") && c.args().stream().anyMatch(w -> w.value().contains("/var/lib/apt/lists"))) {
                    cleansLists = true;
                }
            }
            boolean aptCacheMount = cacheMount(run, "/var/lib/apt");
            boolean pipCacheMount = cacheMount(run, "/root/.cache") || cacheMount(run, ".cache/pip");
            boolean pipNoCacheEnv = run.step().variables().containsKey("PIP_NO_CACHE_DIR");
            boolean reportedApt = false;
            boolean reportedPip = false;
            for (int i = 0; i < names.length; i++) {
                SimpleCommand c = cmds.get(i);
                String name = names[i];
                if (!reportedApt && !cleansLists && !aptCacheMount && (name.equals("apt-get") || name.equals("apt"))) {
                    ShellWord update = aptUpdateWord(model, c);
                    if (update != null) {
                        reportedApt = true;
                        hits.add(Commands.at(model, run, update,
                                "`apt-get update` leaves the package lists (/var/lib/apt/lists) in this layer: they hold"
                                        + " download dates, so two otherwise identical builds differ byte for byte, and the"
                                        + " image is larger.",
                                "remove them in the same RUN: `... && rm -rf /var/lib/apt/lists/*`"));
                    }
                }
                if (!reportedPip && !pipNoCacheEnv && !pipCacheMount) {
                    PipInstalls.Install pip = PipInstalls.of(model, c);
                    if (pip != null && !pip.call().hasFlag("no-cache") && !pip.uv()) {
                        reportedPip = true;
                        ShellWord at = pip.installWord();
                        hits.add(Commands.at(model, run, at,
                                "`pip install` keeps its download and wheel cache (~/.cache/pip) in this layer: bytes"
                                        + " that differ between builds and that nothing in the image uses.",
                                "add `--no-cache-dir` (or set `ENV PIP_NO_CACHE_DIR=1`)"));
                    }
                }
            }
        }
        return hits;
    }

    private static boolean cacheMount(RunScript run, String target) {
        for (Flag f : run.step().instruction().flags("mount")) {
            String v = f.value() == null ? "" : f.value();
            if (v.contains("type=cache") && v.contains(target)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code update} word of an {@code apt-get update} (as ToolCalls recognizes it), or null. */
    private static ShellWord aptUpdateWord(DockerfileModel model, SimpleCommand c) {
        for (ToolCall t : Commands.toolCallsOf(model, c)) {
            if (t instanceof PackageManagerCall p && p.ecosystem() == Ecosystem.APT && p.action().equals("update")) {
                for (ShellWord w : c.args()) {
                    if (w.is("update")) {
                        return w;
                    }
                }
            }
        }
        return null;
    }
}
