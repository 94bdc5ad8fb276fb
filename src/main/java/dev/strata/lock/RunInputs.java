package dev.strata.lock;

import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.Heredoc;
import dev.strata.dockerfile.Instruction;
import dev.strata.shell.ChecksumCheck;
import dev.strata.shell.Connector;
import dev.strata.shell.Download;
import dev.strata.shell.Ecosystem;
import dev.strata.shell.GitCall;
import dev.strata.shell.Nesting;
import dev.strata.shell.NestingKind;
import dev.strata.shell.PackageManagerCall;
import dev.strata.shell.PackageSpec;
import dev.strata.shell.Script;
import dev.strata.shell.ShellParser;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import dev.strata.shell.SpecKind;
import dev.strata.shell.ToolCall;
import dev.strata.shell.ToolCalls;
import java.util.ArrayList;
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
        boolean usesSnapshot = text.contains("snapshot.debian.org") || text.contains("snapshot.ubuntu.com") || text.contains("--snapshot")
                || text.contains("[check-valid-until=no]"); // pin's sources command, on any snapshot service
        List<ToolCall> calls = ToolCalls.recognizeAll(script);
        Strings strings = new Strings(script, df.escapeChar(), text, start);
        for (int k = 0; k < calls.size(); k++) {
            ToolCall call = calls.get(k);
            List<ToolCall> later = calls.subList(k + 1, calls.size());
            if (call instanceof PackageManagerCall p) {
                packages(p, finalStage, usesSnapshot, line, targets, strings, notes);
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
                download(d, later, line, targets, notes, strings);
            } else if (call instanceof GitCall g && g.action().equals("clone")) {
                gitClone(g, later, line, targets, notes, strings);
            }
        }
        RInputs.find(script, df.source(), line, targets, notes);
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

    /**
     * The {@code sh -c} strings of one RUN: where a command inside one sits, and which quoting an
     * edit there is under.
     */
    private record Strings(Script script, char escapeChar, String text, int base) {
        /**
         * The offset of the pipe sign between two commands of a pipeline: only blanks, line
         * continuations and comment lines may come before it; -1 when it is not found.
         */
        int pipeBetween(int from, int to) {
            for (int i = Math.max(0, from - base); i < Math.min(text.length(), to - base); i++) {
                char c = text.charAt(i);
                if (c == '|') {
                    return base + i;
                }
                if (c == '#') {
                    int nl = text.indexOf('\n', i);
                    i = nl < 0 ? text.length() : nl;
                } else if (!Character.isWhitespace(c) && c != escapeChar) {
                    return -1;
                }
            }
            return -1;
        }

        /**
         * The outer quoting of source range {@code [start, end)} of a command inside exactly one
         * string run by a shell ({@code sh -c}, {@code su -c}, {@code eval}), when the range lies
         * within one word of the owning command and under one quoting; empty otherwise (nested
         * strings, a Dockerfile escape other than backslash, quoting not tracked).
         */
        Optional<ShellQuoting.Quoting> quoting(SimpleCommand c, int start, int end) {
            if (escapeChar != '\\') {
                return Optional.empty();
            }
            List<Nesting> strings = c.nesting().stream().filter(n -> n.kind() == NestingKind.SHELL_STRING).toList();
            if (strings.size() != 1) {
                return Optional.empty();
            }
            int owner = strings.get(0).owner();
            if (owner < 0 || owner >= script.commands().size() || script.commands().get(owner).index() != owner) {
                return Optional.empty();
            }
            SimpleCommand shell = script.commands().get(owner);
            if (shell.isInside(NestingKind.SHELL_STRING) || embedded(shell)) {
                return Optional.empty();
            }
            for (ShellWord w : shell.words()) {
                if (w.start() <= start && end <= w.end()) {
                    Optional<ShellQuoting.Quoting> atStart = ShellQuoting.quotingAt(w.raw(), start - w.start());
                    Optional<ShellQuoting.Quoting> atEnd = ShellQuoting.quotingAt(w.raw(), end - w.start());
                    return atStart.isPresent() && atStart.equals(atEnd) ? atStart : Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    /** {@code target}, wrapped for the string it sits in when {@code c} is inside one. */
    private static Optional<LockTarget> placed(LockTarget target, SimpleCommand c, Strings strings, int start, int end) {
        if (!embedded(c)) {
            return Optional.of(target);
        }
        return strings.quoting(c, start, end).map(q -> new LockTarget.Embedded(target, q));
    }

    private static void packages(PackageManagerCall p, boolean finalStage, boolean usesSnapshot, int line, List<LockTarget> targets,
            Strings strings, List<String> notes) {
        String ecosystem = lockEcosystem(p.ecosystem());
        if (ecosystem == null) {
            return;
        }
        if (p.ecosystem() == Ecosystem.APT && p.action().equals("update")) {
            if (!embedded(p.command())) {
                targets.add(new LockTarget.AptUpdate(p.command().start(), usesSnapshot, line, finalStage));
            }
            return;
        }
        if (!INSTALL_ACTIONS.contains(p.action())) {
            return; // conda init, pip download, apt-get upgrade...: nothing to pin in place
        }
        for (PackageSpec spec : p.packages()) {
            if (spec.kind() == SpecKind.NAME && (!spec.known() || spec.word().value().contains("$"))) {
                // a package list held in a variable ($PHPIZE_DEPS, $fetchDeps): say so, the audit still flags it
                notes.add("line " + line + ": " + ecosystem + " install of " + spec.word().raw()
                        + ": package names decided when the RUN runs (a variable, a command substitution) are neither locked nor pinned; write them out to lock them");
                continue;
            }
            if (spec.kind() != SpecKind.NAME) {
                continue;
            }
            String value = spec.word().value();
            if (ecosystem.equals("apt") && spec.qualifier().startsWith("/")
                    || ecosystem.equals("pip") && value.contains(";")) {
                continue; // a release-qualified apt package or a pip marker: no version fits in place
            }
            Optional<int[]> range = editableRange(spec.word());
            if (range.isEmpty()) {
                if (spec.exact() && spec.word().raw().contains("$")) {
                    // pip install foo==${VER} with VER known from an ARG or ENV of the stage: the
                    // version is explicit, so it is locked at the installed version and nothing is pinned
                    targets.add(new LockTarget.Pkg(ecosystem, spec.name(), spec.word().start(), spec.word().end(), value, true, line));
                } else if (!spec.exact() && spec.word().raw().contains("$")) {
                    notes.add("line " + line + ": " + ecosystem + " package " + spec.name() + " comes from " + spec.word().raw()
                            + ": neither locked nor pinned (pin can not write a version into a variable); write the package out in the RUN,"
                            + " or give it an exact version where the variable is set");
                }
                continue;
            }
            String keep = spec.constraint().isEmpty() || !value.endsWith(spec.constraint())
                    ? value : value.substring(0, value.length() - spec.constraint().length());
            if (ecosystem.equals("conda") && !spec.exact() && keep.contains("=")) {
                keep = keep.substring(0, keep.indexOf('='));
            }
            LockTarget.Pkg pkg = new LockTarget.Pkg(ecosystem, spec.name(), range.get()[0], range.get()[1], keep, spec.exact(), line);
            Optional<LockTarget> target = placed(pkg, p.command(), strings, range.get()[0], range.get()[1]);
            if (target.isPresent()) {
                targets.add(target.get());
            } else {
                notes.add("line " + line + ": " + ecosystem + " package " + spec.name()
                        + " inside a nested shell string: not locked (its text does not map one to one onto the Dockerfile)");
            }
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

    private static void download(Download d, List<ToolCall> later, int line, List<LockTarget> targets, List<String> notes, Strings strings) {
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
        LockTarget.Download target;
        if (d.pipedToInterpreter() && !checked && urls.size() == 1) {
            target = new LockTarget.Download(url, Optional.empty(), false, line);
            Optional<LockTarget> piped = pipedScript(d, target, url, strings);
            if (piped.isPresent()) {
                targets.add(piped.get());
                return;
            }
            notes.add("line " + line + ": " + url + " is piped into " + d.interpreter()
                    + ": locked, but the pipeline is not the simple `curl URL | sh ARGS` shape pin rewrites; download to a file first");
            targets.add(target);
            return;
        }
        if (d.toStdout() || d.pipedToInterpreter() || output == null || output.equals("-")) {
            if (!checked) {
                notes.add("line " + line + ": " + url + " is piped, not saved: locked, but pin can not add a checksum; download to a file first");
            }
        } else if (d.command().connector() == Connector.PIPE) {
            notes.add("line " + line + ": " + url + ": locked, but the command can not be extended in place");
        } else if (embedded(d.command())) {
            int at = d.command().end();
            Optional<ShellQuoting.Quoting> q = strings.quoting(d.command(), at, at);
            if (q.isPresent() && !checked) {
                targets.add(new LockTarget.Embedded(new LockTarget.Download(url,
                        Optional.of(new LockTarget.DownloadPin(at, false, output)), false, line), q.get()));
                return;
            }
            if (!checked) {
                notes.add("line " + line + ": " + url + ": locked, but the command can not be extended in place");
            }
        } else {
            pin = Optional.of(new LockTarget.DownloadPin(d.command().end(), false, output));
        }
        targets.add(new LockTarget.Download(url, pin, checked, line));
    }

    private static final java.util.Set<String> SCRIPT_SHELLS = java.util.Set.of("sh", "bash", "dash", "ash", "ksh", "zsh");

    /**
     * {@code curl -fsSL URL | sh -s -- ARGS} as a {@link LockTarget.PipedScript}, when the pipeline
     * is exactly the download and a shell reading its script from standard input, with plain words
     * only; empty otherwise.
     */
    private static Optional<LockTarget> pipedScript(Download d, LockTarget.Download target, String url, Strings strings) {
        Script script = strings.script();
        SimpleCommand fetch = d.command();
        if (embedded(fetch) || fetch.pipelinePosition() != 0 || fetch.connector() != Connector.PIPE || !fetch.redirections().isEmpty()) {
            return Optional.empty();
        }
        List<SimpleCommand> pipeline = script.commands().stream().filter(c -> c.pipeline() == fetch.pipeline()).toList();
        if (pipeline.size() != 2 || pipeline.get(1).pipelinePosition() != 1) {
            return Optional.empty();
        }
        SimpleCommand shell = pipeline.get(1);
        if (!SCRIPT_SHELLS.contains(shell.name()) || embedded(shell) || !shell.redirections().isEmpty() || !shell.nesting().equals(fetch.nesting())
                || !shell.wrappers().stream().allMatch(w -> w.known() && DockerfileInputs.plainWord(w.raw()))) {
            return Optional.empty();
        }
        String option;
        if (d.tool().equals("curl")) {
            if (d.output() != null || d.remoteName()) {
                return Optional.empty();
            }
            option = "-o";
        } else if (d.tool().equals("wget")) {
            if (d.output() == null || !d.output().is("-")) {
                return Optional.empty();
            }
            option = "-O"; // a later -O overrides the -O- that sent the body to standard output
        } else {
            return Optional.empty();
        }
        // the shell's own options stay; -s (and a lone -) only said "read the script from stdin"
        StringBuilder run = new StringBuilder();
        List<String> operands = new ArrayList<>();
        boolean fromStdin = false;
        boolean options = true;
        for (ShellWord w : shell.args()) {
            if (!options) {
                if (w.raw().indexOf('\n') >= 0) {
                    return Optional.empty();
                }
                operands.add(w.raw()); // the script's own arguments, written as they were, for the same shell
                continue;
            }
            if (!w.known() || !w.raw().equals(w.value()) || !DockerfileInputs.plainWord(w.raw())) {
                return Optional.empty();
            }
            String a = w.value();
            if (options && (a.equals("-") || a.equals("--"))) {
                fromStdin |= a.equals("-");
                options = false;
            } else if (options && a.length() > 1 && (a.startsWith("-") || a.startsWith("+"))) {
                if (a.startsWith("--") || a.indexOf('c') > 0 || a.indexOf('o') > 0 || a.indexOf('O') > 0) {
                    return Optional.empty(); // -c runs another script; -o/-O/--long options take values
                }
                if (a.charAt(0) == '-' && a.indexOf('s') > 0) {
                    fromStdin = true;
                    a = a.replace("s", "");
                }
                if (a.length() > 1) {
                    run.append(' ').append(a);
                }
            } else {
                operands.add(w.raw());
                options = false;
            }
        }
        if (!operands.isEmpty() && !fromStdin) {
            return Optional.empty(); // `| sh FILE` runs FILE, not what was piped
        }
        String file = "/tmp/" + scriptName(url);
        String head = shellHead(shell);
        if (head == null) {
            return Optional.empty();
        }
        int pipe = strings.pipeBetween(fetch.end(), shell.start());
        if (pipe < 0) {
            return Optional.empty();
        }
        String runCommand = head + run + " " + file + (operands.isEmpty() ? "" : " " + String.join(" ", operands));
        return Optional.of(new LockTarget.PipedScript(target, fetch.end(), option + " " + file, pipe, shell.end(), file, runCommand));
    }

    /** The shell command's wrappers and name as written ({@code sudo -E bash}), or null. */
    private static String shellHead(SimpleCommand shell) {
        if (!shell.assignments().isEmpty() || shell.words().isEmpty()) {
            return null;
        }
        StringBuilder head = new StringBuilder();
        for (ShellWord w : shell.wrappers()) {
            head.append(w.value()).append(' ');
        }
        ShellWord name = shell.words().get(0);
        if (!name.known() || !name.raw().equals(name.value()) || !DockerfileInputs.plainWord(name.raw())) {
            return null;
        }
        return head.append(name.value()).toString();
    }

    /** A file name for the saved script: the URL's last path segment, else its host, in safe characters. */
    static String scriptName(String url) {
        String path = url.replaceAll("[?#].*$", "");
        int scheme = path.indexOf("://");
        String rest = (scheme < 0 ? path : path.substring(scheme + 3)).replaceAll("/+$", "");
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        String last = slash < 0 ? "" : rest.substring(rest.lastIndexOf('/') + 1);
        String name = (last.isEmpty() ? host : last).replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.startsWith(".") || name.startsWith("-") ? "install.sh" : name;
    }

    private static void gitClone(GitCall g, List<ToolCall> later, int line, List<LockTarget> targets, List<String> notes, Strings strings) {
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
        if (g.command().connector() == Connector.PIPE) {
            notes.add("line " + line + ": git clone " + url + ": locked, but the command can not be extended in place");
        } else if (embedded(g.command())) {
            int end = g.command().end();
            Optional<ShellQuoting.Quoting> q = strings.quoting(g.command(), end, end);
            if (q.isPresent()) {
                targets.add(new LockTarget.Embedded(new LockTarget.Git(url, ref, Optional.of(end), dir, g.depth() != null, pinned, line), q.get()));
                return;
            }
            if (!pinned) {
                notes.add("line " + line + ": git clone " + url + ": locked, but the command can not be extended in place");
            }
        } else {
            at = Optional.of(g.command().end());
        }
        targets.add(new LockTarget.Git(url, ref, at, dir, g.depth() != null, pinned, line));
    }
}
