package dev.strata.rules;

import dev.strata.dockerfile.CopyInstruction;
import dev.strata.dockerfile.Word;
import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.Stage;
import dev.strata.rules.model.Step;
import dev.strata.shell.Ecosystem;
import dev.strata.shell.PackageManagerCall;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code apt-get update} against the live mirror. A stage counts as using a snapshot when, before
 * or in this RUN, its text names snapshot.debian.org / snapshot.ubuntu.com (a sources line written
 * by RUN, or a sources file COPYed from the context), or the update uses {@code --snapshot}. The
 * updates are the shell package's apt {@link PackageManagerCall}s, as lock and pin read them.
 */
public final class AptLiveMirrorRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("apt-live-mirror", null, Severity.WARNING, Layer.SYSTEM_DEPENDENCIES,
            "`apt-get update` against the live mirror.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (Commands.Call call : Commands.packageCalls(model, Ecosystem.APT)) {
            PackageManagerCall p = (PackageManagerCall) call.call();
            if (!p.action().equals("update") || p.hasFlag("snapshot") || snapshotConfigured(model, call.run().step(), p.command())) {
                continue;
            }
            SimpleCommand c = p.command();
            ShellWord update = actionWord(p);
            hits.add(Commands.at(model, call.run(), update,
                    "`" + Commands.text(model, c) + "` reads the live mirror, which only carries the newest version of each"
                            + " package: packages float, and pinned versions disappear after the next point release, breaking"
                            + " the build.",
                    "use a dated snapshot of the archive: on Debian write `deb [check-valid-until=no]"
                            + " http://snapshot.debian.org/archive/debian/<YYYYMMDDT000000Z> <suite> main` to the apt sources"
                            + " before updating; on Ubuntu 24.04+ run `apt-get update --snapshot <YYYYMMDDT000000Z>`"));
        }
        return hits;
    }

    /** The word naming the action ({@code update}): the first argument with that value. */
    private static ShellWord actionWord(PackageManagerCall p) {
        for (ShellWord w : p.command().args()) {
            if (w.known() && w.value().equals(p.action())) {
                return w;
            }
        }
        return p.command().words().get(0);
    }

    private static boolean snapshotConfigured(DockerfileModel model, Step runStep, SimpleCommand update) {
        String src = model.ast().source();
        Stage stage = model.stages().get(runStep.stageIndex());
        int from = stage.from().instruction().span().startOffset();
        int to = Math.min(src.length(), Math.max(update.start(), from));
        if (mentionsSnapshot(src, from, to)) {
            return true;
        }
        for (Step s : stage.steps()) {
            if (s == runStep) {
                break;
            }
            if ((s.instruction().is("copy") || s.instruction().is("add"))) {
                CopyInstruction c = CopyInstruction.of(s.instruction());
                if (c.from().isPresent() || c.destination().isEmpty() || !c.destination().get().value().contains("sources.list")) {
                    continue;
                }
                for (Word w : c.sources()) {
                    if (model.context().readText(w.value()).map(AptLiveMirrorRule::mentionsSnapshot).orElse(false)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * A dated archive path in snapshot.debian.org / snapshot.ubuntu.com layout on any host: an
     * internal mirror of the snapshot service ({@code strata lock --apt-snapshot-url}).
     */
    private static final java.util.regex.Pattern SNAPSHOT_PATH =
            java.util.regex.Pattern.compile("/(archive/debian(-security)?|ubuntu)/\\d{8}T\\d{6}Z/");

    private static final String[] SNAPSHOT_HOSTS = {"snapshot.debian.org", "snapshot.ubuntu.com", "snapshot-cloudflare.debian.org"};

    private static boolean mentionsSnapshot(String text) {
        return mentionsSnapshot(text, 0, text.length());
    }

    /**
     * Whether {@code text[from, to)} names a snapshot archive host, in any letter case. Compares
     * ASCII letters case-insensitively in place (this runs for every {@code apt-get update} over
     * the stage text before it): the hosts are lower-case ASCII, and no other char lower-cases to
     * one of their chars, so this equals searching the lower-cased text.
     */
    private static boolean mentionsSnapshot(String text, int from, int to) {
        if (SNAPSHOT_PATH.matcher(text).region(from, to).find()) {
            return true;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != 's' && c != 'S') {
                continue;
            }
            for (String host : SNAPSHOT_HOSTS) {
                if (asciiRegionEqualsIgnoreCase(text, i, to, host)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean asciiRegionEqualsIgnoreCase(String text, int at, int to, String lowerAscii) {
        if (to - at < lowerAscii.length()) {
            return false;
        }
        for (int k = 0; k < lowerAscii.length(); k++) {
            char c = text.charAt(at + k);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lowerAscii.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
