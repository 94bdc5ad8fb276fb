package dev.strata.rules;

import dev.strata.dockerfile.CopyInstruction;
import dev.strata.dockerfile.Word;
import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.RunScript;
import dev.strata.rules.model.Step;
import dev.strata.shell.GitCall;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code git clone} without checking out a commit in the same RUN, and {@code ADD} of a git URL
 * without a commit. A branch or tag name is not a commit: both can move. Clones and checkouts are
 * the shell package's {@link GitCall}s, as lock and pin read them.
 */
public final class GitUnpinnedRule implements Rule {
    private static final Pattern GIT_HTTP_URL = Pattern.compile("https?://.*\\.git(#.*)?$");
    static final RuleInfo INFO = new RuleInfo("git-unpinned", null, Severity.ERROR, Layer.CONTAINER,
            "`git clone` without checking out a commit.");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");
    private static final Pattern FULL_COMMIT = Pattern.compile("[0-9a-f]{40}");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        List<Commands.Call> calls = Commands.toolCalls(model);
        for (int i = 0; i < calls.size(); i++) {
            if (!(calls.get(i).call() instanceof GitCall g) || !g.action().equals("clone") || g.url() == null) {
                continue;
            }
            RunScript run = calls.get(i).run();
            ShellWord url = g.url();
            if (!url.known() || g.ref() != null && g.ref().known() && COMMIT.matcher(g.ref().value()).matches()
                    || checksOutCommit(run, calls.subList(i + 1, calls.size()))) {
                continue;
            }
            SimpleCommand c = g.command();
            String dir = g.destination() != null ? g.destination().value() : repoDir(url.value());
            hits.add(Commands.at(model, run, url,
                    "`" + Commands.text(model, c) + "` takes "
                            + (g.ref() == null ? "the default branch's head" : "whatever `" + g.ref().value()
                                    + "` points to (branches and tags both move)")
                            + " at build time: every push to the repository changes what the image contains.",
                    "check out the commit you tested in the same RUN: " + Commands.text(model, c) + " && git -C " + dir
                            + " checkout <40-hex commit id>"));
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

    /**
     * Whether a later git command of the same RUN checks out, resets to, switches to or fetches a
     * commit, or a ref given through a variable unknown here (decided at build time, not guessed).
     */
    private static boolean checksOutCommit(RunScript run, List<Commands.Call> later) {
        for (Commands.Call c : later) {
            if (c.run() != run) {
                return false;
            }
            if (c.call() instanceof GitCall g && g.selectsCommit()) {
                return true;
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
