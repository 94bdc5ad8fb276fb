package dev.strata.lock;

import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.Heredoc;
import dev.strata.dockerfile.Instruction;
import dev.strata.shell.ChecksumCheck;
import dev.strata.shell.Connector;
import dev.strata.shell.Download;
import dev.strata.shell.Ecosystem;
import dev.strata.shell.GitCall;
import dev.strata.shell.PackageManagerCall;
import dev.strata.shell.PackageSpec;
import dev.strata.shell.Script;
import dev.strata.shell.ShellParser;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import dev.strata.shell.SpecKind;
import dev.strata.shell.ToolCall;
import dev.strata.shell.ToolCalls;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a shell-form RUN fetches and installs, read from the shell package's recognizers
 * ({@link ToolCalls}): package-manager installs (apt, apk, dnf/yum, pip, conda, npm), curl/wget
 * downloads and git clones, each with the words pin may rewrite. Only words whose value is known
 * and whose source text holds exactly that value (bare, or inside one pair of quotes) are pinnable.
 */
final class RunInputs {
    private static final java.util.Set<String> INSTALL_ACTIONS = java.util.Set.of("install", "add", "create", "i");

    private RunInputs() {}

    static void find(Instruction ins, Dockerfile df, Map<String, String> variables, boolean finalStage, List<LockTarget> targets, List<String> notes) {
        if (ins.json()) {
            return;
        }
        int start = ins.rawArgumentsSpan().startOffset();
        int end = ins.span().endOffset();
        for (Heredoc h : ins.heredocs()) {
            end = Math.max(end, h.delimiterSpan().endOffset());
        }
        if (end <= start) {
            return;
        }
        String text = df.source().substring(start, end);
        Script script = ShellParser.parseRunLenient(text, start, df.escapeChar(), variables);
        int line = ins.span().startLine();
        boolean usesSnapshot = text.contains("snapshot.debian.org") || text.contains("snapshot.ubuntu.com") || text.contains("--snapshot");
        List<ToolCall> calls = ToolCalls.recognizeAll(script);
        for (int k = 0; k < calls.size(); k++) {
            ToolCall call = calls.get(k);
            List<ToolCall> later = calls.subList(k + 1, calls.size());
            if (call instanceof PackageManagerCall p) {
                packages(p, finalStage, usesSnapshot, line, targets);
                for (ShellWord file : p.files()) {
                    if (p.ecosystem() == Ecosystem.PIP && INSTALL_ACTIONS.contains(p.action()) && file.known()) {
                        int[] range = requirementRange(p.command(), file);
                        targets.add(new LockTarget.Requirements(file.value(), range[0], range[1], p.hasFlag("require-hashes"), line));
                    } else {
                        notes.add("line " + line + ": " + p.tool() + " " + p.action() + " reads " + file.value()
                                + ": not locked by strata; lock it with its own tool (conda-lock, pip-compile --generate-hashes)");
                    }
                }
            } else if (call instanceof Download d) {
                download(d, later, line, targets, notes);
            } else if (call instanceof GitCall g && g.action().equals("clone")) {
                gitClone(g, later, line, targets, notes);
            }
        }
    }

    private static String lockEcosystem(Ecosystem e) {
        return switch (e) {
            case APT -> "apt";
            case APK -> "apk";
            case RPM -> "rpm";
            case PIP -> "pip";
            case CONDA -> "conda";
            case NPM -> "npm";
            default -> null;
        };
    }

    private static void packages(PackageManagerCall p, boolean finalStage, boolean usesSnapshot, int line, List<LockTarget> targets) {
        String ecosystem = lockEcosystem(p.ecosystem());
        if (ecosystem == null) {
            return;
        }
        if (p.ecosystem() == Ecosystem.APT && p.action().equals("update")) {
            if (finalStage && !embedded(p.command())) {
                targets.add(new LockTarget.AptUpdate(p.command().start(), usesSnapshot, line));
            }
            return;
        }
        if (!INSTALL_ACTIONS.contains(p.action())) {
            return; // conda init, pip download, apt-get upgrade...: nothing to pin in place
        }
        for (PackageSpec spec : p.packages()) {
            if (spec.kind() != SpecKind.NAME || !spec.known() || spec.word().embedded()) {
                continue;
            }
            String value = spec.word().value();
            if (value.contains("$") || ecosystem.equals("apt") && spec.qualifier().startsWith("/")
                    || ecosystem.equals("pip") && value.contains(";")) {
                continue; // a release-qualified apt package or a pip marker: no version fits in place
            }
            Optional<int[]> range = editableRange(spec.word());
            if (range.isEmpty()) {
                continue;
            }
            String keep = spec.constraint().isEmpty() || !value.endsWith(spec.constraint())
                    ? value : value.substring(0, value.length() - spec.constraint().length());
            if (ecosystem.equals("conda") && !spec.exact() && keep.contains("=")) {
                keep = keep.substring(0, keep.indexOf('='));
            }
            targets.add(new LockTarget.Pkg(ecosystem, spec.name(), range.get()[0], range.get()[1], keep, spec.exact(), line));
        }
    }

    /** The source range holding the word's value: the word itself, or inside one pair of quotes. */
    static Optional<int[]> editableRange(ShellWord w) {
        String raw = w.raw();
        if (raw.equals(w.value()) && DockerfileInputs.plainWord(raw)) {
            return Optional.of(new int[] {w.start(), w.end()});
        }
        if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'') && raw.charAt(raw.length() - 1) == raw.charAt(0)
                && raw.substring(1, raw.length() - 1).equals(w.value()) && w.value().indexOf(raw.charAt(0)) < 0
                && !w.value().contains("$") && !w.value().contains("\\") && !w.value().contains("`")) {
            return Optional.of(new int[] {w.start() + 1, w.end() - 1});
        }
        return Optional.empty();
    }

    /**
     * The source range of {@code -r FILE} ({@code -r} and the file as two plain words, or one plain
     * {@code -rFILE} / {@code --requirement=FILE} word), or {@code {-1, -1}} when it is not plain.
     */
    static int[] requirementRange(SimpleCommand c, ShellWord file) {
        int[] none = {-1, -1};
        if (file.embedded() || !file.known() || !DockerfileInputs.plainWord(file.raw())) {
            return none;
        }
        if (file.raw().equals(file.value())) {
            ShellWord previous = null;
            for (ShellWord w : c.words()) {
                if (w.start() == file.start() && w.end() == file.end()) {
                    break;
                }
                previous = w;
            }
            if (previous != null && (previous.raw().equals("-r") || previous.raw().equals("--requirement"))) {
                return new int[] {previous.start(), file.end()};
            }
            return none;
        }
        String raw = file.raw();
        if (raw.equals("-r" + file.value()) || raw.equals("--requirement=" + file.value())) {
            return new int[] {file.start(), file.end()};
        }
        return none;
    }

    private static boolean embedded(SimpleCommand c) {
        return c.words().stream().anyMatch(ShellWord::embedded);
    }

    private static void download(Download d, List<ToolCall> later, int line, List<LockTarget> targets, List<String> notes) {
        List<ShellWord> urls = d.urls().stream().filter(ShellWord::known).toList();
        if (urls.isEmpty()) {
            if (!d.urls().isEmpty()) {
                notes.add("line " + line + ": " + d.tool() + " of a URL decided at build time; not locked");
            }
            return;
        }
        String url = urls.get(urls.size() - 1).value();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            return;
        }
        if (urls.size() > 1) {
            notes.add("line " + line + ": " + d.tool() + " fetches several URLs in one command; only the last is locked");
        }
        String output = null;
        if (d.output() != null && d.output().known()) {
            output = d.output().value();
        } else if (d.remoteName() && d.output() == null) {
            String path = url.replaceAll("[?#].*$", "");
            String base = path.substring(path.lastIndexOf('/') + 1);
            output = base.isEmpty() ? null : base;
        }
        boolean checked = later.stream().anyMatch(c -> c instanceof ChecksumCheck);
        Optional<LockTarget.DownloadPin> pin = Optional.empty();
        if (d.toStdout() || d.pipedToInterpreter() || output == null || output.equals("-")) {
            if (!checked) {
                notes.add("line " + line + ": " + url + " is piped, not saved: locked, but pin can not add a checksum; download to a file first");
            }
        } else if (embedded(d.command()) || d.command().connector() == Connector.PIPE) {
            notes.add("line " + line + ": " + url + ": locked, but the command can not be extended in place");
        } else {
            pin = Optional.of(new LockTarget.DownloadPin(d.command().end(), false, output));
        }
        targets.add(new LockTarget.Download(url, pin, checked, line));
    }

    private static void gitClone(GitCall g, List<ToolCall> later, int line, List<LockTarget> targets, List<String> notes) {
        if (g.url() == null) {
            return;
        }
        if (!g.url().known()) {
            notes.add("line " + line + ": git clone of a URL decided at build time; not locked");
            return;
        }
        String url = g.url().value();
        String ref = g.ref() != null && g.ref().known() ? g.ref().value() : "HEAD";
        String dir;
        if (g.destination() != null && g.destination().known()) {
            dir = g.destination().value();
        } else {
            String u = url.replaceAll("/+$", "");
            dir = u.substring(Math.max(u.lastIndexOf('/'), u.lastIndexOf(':')) + 1).replaceAll("\\.git$", "");
        }
        boolean pinned = g.refIsCommit() && ref.length() == 40
                || later.stream().anyMatch(c -> c instanceof GitCall other && other.selectsCommit());
        Optional<Integer> at = Optional.empty();
        if (embedded(g.command()) || g.command().connector() == Connector.PIPE) {
            notes.add("line " + line + ": git clone " + url + ": locked, but the command can not be extended in place");
        } else {
            at = Optional.of(g.command().end());
        }
        targets.add(new LockTarget.Git(url, ref, at, dir, g.depth() != null, pinned, line));
    }
}
