package dev.strata.rules;

import dev.strata.dockerfile.CopyInstruction;
import dev.strata.dockerfile.Word;
import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.RunScript;
import dev.strata.rules.model.Step;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code git clone} without checking out a commit in the same RUN, and {@code ADD} of a git URL
 * without a commit. A branch or tag name is not a commit: both can move.
 */
public final class GitUnpinnedRule implements Rule {
    private static final Pattern GIT_HTTP_URL = Pattern.compile("https?://.*\\.git(#.*)?$");
    static final RuleInfo INFO = new RuleInfo("git-unpinned", null, Severity.ERROR, Layer.CONTAINER,
            "`git clone` without checking out a commit.");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");
    private static final Pattern FULL_COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Set<String> GLOBAL_VALUED = Invocation.set("-C", "-c", "--git-dir", "--work-tree");
    private static final Set<String> CLONE_VALUED = Invocation.set("-b", "--branch", "--depth", "-o", "--origin", "-c", "--config",
            "--reference", "--separate-git-dir", "-j", "--jobs", "--filter", "--shallow-since", "--shallow-exclude", "-u",
            "--upload-pack", "--template", "--revision");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (RunScript run : model.runs()) {
            List<SimpleCommand> cmds = run.script().commands();
            for (int i = 0; i < cmds.size(); i++) {
                SimpleCommand c = cmds.get(i);
                if (!c.isNamed("git")) {
                    continue;
                }
                int sub = Invocation.subcommand(c.args(), Set.of("clone"), GLOBAL_VALUED);
                if (sub < 0) {
                    continue;
                }
                Invocation inv = Invocation.parse(c, c.args(), sub + 1, CLONE_VALUED);
                if (inv.operands().isEmpty()) {
                    continue;
                }
                ShellWord url = inv.operands().get(0);
                if (!url.known() || inv.values("--revision").stream().anyMatch(w -> COMMIT.matcher(w.value()).matches())
                        || checksOutCommit(cmds.subList(i + 1, cmds.size()))) {
                    continue;
                }
                List<ShellWord> branch = inv.values("-b", "--branch");
                String dir = inv.operands().size() > 1 ? inv.operands().get(1).value() : repoDir(url.value());
                hits.add(Commands.at(model, run, url,
                        "`" + Commands.text(model, c) + "` takes "
                                + (branch.isEmpty() ? "the default branch's head" : "whatever `" + branch.get(0).value()
                                        + "` points to (branches and tags both move)")
                                + " at build time: every push to the repository changes what the image contains.",
                        "check out the commit you tested in the same RUN: " + Commands.text(model, c) + " && git -C " + dir
                                + " checkout <40-hex commit id>"));
            }
        }
        for (Step step : model.steps()) {
            if (!step.instruction().is("add")) {
                continue;
            }
            for (Word w : CopyInstruction.of(step.instruction()).sources()) {
                String v = WholeContext.unquote(w.value());
                boolean git = v.startsWith("git@") || v.startsWith("git://") || GIT_HTTP_URL.matcher(v).matches();
                if (!git) {
                    continue;
                }
                int hash = v.indexOf('#');
                String ref = hash < 0 ? "" : v.substring(hash + 1).split(":")[0];
                if (FULL_COMMIT.matcher(ref).matches()) {
                    continue;
                }
                String base = hash < 0 ? v : v.substring(0, hash);
                hits.add(Hit.at(model, step.instruction(), w.span(),
                        "`ADD " + v + "` fetches " + (ref.isEmpty() ? "the default branch's head" : "`" + ref + "`, which can move,")
                                + " at build time.",
                        Fixes.replace(model, step.instruction(), w.span(), base + "#<40-hex commit id>")));
            }
        }
        return hits;
    }

    private static boolean checksOutCommit(List<SimpleCommand> later) {
        for (SimpleCommand c : later) {
            if (!c.isNamed("git")) {
                continue;
            }
            int sub = Invocation.subcommand(c.args(), Set.of("checkout", "reset", "switch", "fetch"), GLOBAL_VALUED);
            if (sub < 0) {
                continue;
            }
            for (ShellWord w : c.args().subList(sub + 1, c.args().size())) {
                if (w.known() && COMMIT.matcher(w.value()).matches()) {
                    return true;
                }
                if (!w.known() && !w.unknownVariables().isEmpty()) {
                    // a commit given through a build argument: decided at build time, not guessed
                    return true;
                }
            }
        }
        return false;
    }

    private static String repoDir(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String last = u.substring(Math.max(u.lastIndexOf('/'), u.lastIndexOf(':')) + 1);
        return last.endsWith(".git") ? last.substring(0, last.length() - 4) : last;
    }
}
