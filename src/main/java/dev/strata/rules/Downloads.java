package dev.strata.rules;

import dev.strata.dockerfile.CopyInstruction;
import dev.strata.dockerfile.SourceSpan;
import dev.strata.dockerfile.Word;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.RunScript;
import dev.strata.rules.model.Step;
import dev.strata.shell.NestingKind;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Network downloads: curl/wget URLs in RUN and URL sources of ADD, with whether they are checked. */
final class Downloads {
    private static final Set<String> CURL_VALUED = Invocation.set("-o", "--output", "-H", "--header", "-d", "--data", "--data-raw",
            "--data-binary", "-u", "--user", "-A", "--user-agent", "-x", "--proxy", "-e", "--referer", "-w", "--write-out",
            "--retry", "-m", "--max-time", "--connect-timeout", "-X", "--request", "-T", "--upload-file", "--cacert", "--cert",
            "-b", "--cookie", "-c", "--cookie-jar", "-K", "--config", "--resolve", "-F", "--form", "-r", "--range", "-y", "-Y",
            "-z", "--retry-delay", "--retry-max-time", "--url", "--output-dir", "--limit-rate", "-E", "--key", "--proto",
            "--proto-redir", "--max-redirs", "--create-dirs-x");
    private static final Set<String> WGET_VALUED = Invocation.set("-O", "--output-document", "-P", "--directory-prefix", "-o",
            "--output-file", "-a", "--append-output", "-i", "--input-file", "-U", "--user-agent", "--header", "-t", "--tries",
            "-T", "--timeout", "-w", "--wait", "--user", "--password", "-e", "--execute", "--ca-certificate", "--post-data",
            "--limit-rate", "-Q", "--quota", "-B", "--base", "--progress");
    private static final Set<String> CHECKSUM_TOOLS = Set.of("sha256sum", "sha512sum", "sha384sum", "sha224sum", "sha1sum",
            "md5sum", "b2sum", "shasum", "cksum");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ash", "ksh", "fish", "python", "python3",
            "python2", "perl", "ruby", "node", "php");

    /**
     * One download.
     *
     * @param step the RUN or ADD
     * @param run the RUN's script (null for ADD)
     * @param command the curl/wget command (null for ADD)
     * @param url the URL
     * @param span where the URL is written
     * @param verified a checksum or signature is checked in the same RUN, or ADD has --checksum
     * @param pipedToShell its output runs as a script
     */
    record Download(Step step, RunScript run, SimpleCommand command, String url, SourceSpan span, boolean verified, boolean pipedToShell) {
        boolean isAdd() {
            return command == null;
        }

        /** The file name the URL names (last path segment, query removed). */
        String fileName() {
            String u = url;
            int q = u.indexOf('?');
            if (q >= 0) {
                u = u.substring(0, q);
            }
            int h = u.indexOf('#');
            if (h >= 0) {
                u = u.substring(0, h);
            }
            while (u.endsWith("/")) {
                u = u.substring(0, u.length() - 1);
            }
            return u.substring(u.lastIndexOf('/') + 1);
        }

        /** The URL's path (after the host), lower-cased. */
        String pathLower() {
            String u = url.toLowerCase(Locale.ROOT);
            int scheme = u.indexOf("://");
            int slash = scheme < 0 ? -1 : u.indexOf('/', scheme + 3);
            return slash < 0 ? "" : u.substring(slash);
        }
    }

    private Downloads() {}

    static List<Download> all(DockerfileModel model) {
        return model.memo().get("downloads", () -> allUncached(model));
    }

    private static List<Download> allUncached(DockerfileModel model) {
        List<Download> out = new ArrayList<>();
        for (Step step : model.steps()) {
            if (step.instruction().is("add")) {
                CopyInstruction c = CopyInstruction.of(step.instruction());
                for (Word w : c.sources()) {
                    String v = WholeContext.unquote(w.value());
                    if (v.startsWith("http://") || v.startsWith("https://") || v.startsWith("ftp://")) {
                        out.add(new Download(step, null, null, v, w.span(), c.checksum().isPresent() || checkedByNextRun(model, step, c), false));
                    }
                }
            }
        }
        for (RunScript run : model.runs()) {
            Boolean verified = null;
            for (SimpleCommand c : run.script().commands()) {
                String name = c.name();
                Set<String> valued;
                if (name.equals("curl")) {
                    valued = CURL_VALUED;
                } else if (name.equals("wget")) {
                    valued = WGET_VALUED;
                } else {
                    continue;
                }
                if (verified == null) {
                    verified = verifies(run);
                }
                Invocation inv = Invocation.parse(c, c.args(), 0, valued);
                List<ShellWord> urls = new ArrayList<>();
                for (ShellWord w : inv.operands()) {
                    if (Commands.isUrl(w)) {
                        urls.add(w);
                    }
                }
                for (ShellWord w : inv.values("--url")) {
                    if (Commands.isUrl(w)) {
                        urls.add(w);
                    }
                }
                boolean piped = pipedToShell(run, c);
                for (ShellWord w : urls) {
                    out.add(new Download(run.step(), run, c, w.value(), Commands.span(model, w), verified, piped));
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.span().startOffset(), b.span().startOffset()));
        return out;
    }

    /**
     * Whether the instruction right after an ADD is a RUN that checks a checksum and names the
     * ADD's destination: the form {@code strata pin --add-checksum run} writes for builders without
     * {@code ADD --checksum} ({@code RUN echo '<sha256>  /dest' | sha256sum -c -}).
     */
    private static boolean checkedByNextRun(DockerfileModel model, Step add, CopyInstruction c) {
        if (c.destination().isEmpty() || c.destination().get().value().isBlank()) {
            return false;
        }
        List<Step> steps = model.stages().get(add.stageIndex()).steps();
        int k = steps.indexOf(add);
        if (k < 0 || k + 1 >= steps.size()) {
            return false;
        }
        Step next = steps.get(k + 1);
        for (RunScript run : model.runs()) {
            if (run.step() == next) {
                return verifies(run) && next.instruction().span().textOf(model.ast().source()).contains(c.destination().get().value());
            }
        }
        return false;
    }

    /** Whether the RUN checks a checksum or a signature. */
    static boolean verifies(RunScript run) {
        for (SimpleCommand c : run.script().commands()) {
            String n = c.name();
            if (CHECKSUM_TOOLS.contains(n)) {
                for (ShellWord w : c.args()) {
                    String v = w.value();
                    if (v.equals("-c") || v.equals("--check") || v.startsWith("--check=") || (v.startsWith("-") && !v.startsWith("--") && v.contains("c"))) {
                        return true;
                    }
                }
                if (c.isInside(NestingKind.COMMAND_SUBSTITUTION)) {
                    return true;
                }
            }
            if ((n.equals("gpg") || n.equals("gpg2")) && c.args().stream().anyMatch(w -> w.is("--verify"))) {
                return true;
            }
            if (n.equals("gpgv") || (n.equals("cosign") && c.args().stream().anyMatch(w -> w.value().startsWith("verify")))
                    || (n.equals("minisign") && c.args().stream().anyMatch(w -> w.is("-V")))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the command's output is run by a shell or interpreter. */
    static boolean pipedToShell(RunScript run, SimpleCommand c) {
        var next = run.script().nextInPipeline(c);
        if (next.isPresent() && SHELLS.contains(next.get().name())) {
            return true;
        }
        for (var n : c.nesting()) {
            if (n.kind() == NestingKind.COMMAND_SUBSTITUTION && n.owner() >= 0) {
                SimpleCommand owner = run.script().command(n.owner());
                if (SHELLS.contains(owner.name())) {
                    return true;
                }
            }
        }
        return false;
    }
}
