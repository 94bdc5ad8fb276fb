package dev.strata.lock;

import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.Heredoc;
import dev.strata.dockerfile.Instruction;
import dev.strata.shell.Connector;
import dev.strata.shell.Script;
import dev.strata.shell.ShellParser;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a shell-form RUN fetches and installs, from the shell parser's simple commands: package
 * manager installs (apt, apk, dnf/yum, pip, conda, npm), curl/wget downloads and git clones. Only
 * words whose value is known and whose source text can be edited in place become pinnable.
 */
final class RunInputs {
    private static final Pattern PIP_REQUIREMENT = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)(\\[[A-Za-z0-9,._ -]*])?(.*)");
    private static final Pattern HEX40 = Pattern.compile("[0-9a-f]{40}");
    private static final Set<String> PIP_VALUE_OPTIONS = Set.of("-r", "--requirement", "-c", "--constraint", "-i", "--index-url",
            "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--platform", "--python-version",
            "--implementation", "--abi", "--trusted-host", "-e", "--editable", "--src", "--upgrade-strategy", "--progress-bar",
            "--cache-dir", "--log", "--proxy", "--retries", "--timeout", "--no-binary", "--only-binary", "--config-settings", "-C");
    private static final Set<String> APT_VALUE_OPTIONS = Set.of("-o", "--option", "-t", "--target-release", "-c", "--config-file");
    private static final Set<String> APK_VALUE_OPTIONS = Set.of("-t", "--virtual", "-X", "--repository", "--root", "-p", "--arch");
    private static final Set<String> DNF_VALUE_OPTIONS = Set.of("--setopt", "--enablerepo", "--disablerepo", "--releasever",
            "--installroot", "-c", "--config", "--repo", "--repoid", "-x", "--exclude");
    private static final Set<String> CONDA_VALUE_OPTIONS = Set.of("-n", "--name", "-p", "--prefix", "-c", "--channel", "--file",
            "--override-channels", "-r", "--root-prefix");
    private static final Set<String> NPM_VALUE_OPTIONS = Set.of("--prefix", "--registry", "--cache", "-w", "--workspace");
    private static final Set<String> GIT_CLONE_VALUE_OPTIONS = Set.of("-b", "--branch", "--depth", "-o", "--origin", "-c", "--config",
            "--reference", "--shallow-since", "--shallow-exclude", "-u", "--upload-pack", "-j", "--jobs", "--separate-git-dir",
            "--template", "--filter");
    private static final Set<String> CURL_VALUE_OPTIONS = Set.of("-H", "--header", "-d", "--data", "-u", "--user", "-A", "--user-agent",
            "-e", "--referer", "-x", "--proxy", "-X", "--request", "--retry", "--retry-delay", "--retry-max-time", "-m", "--max-time",
            "--connect-timeout", "-w", "--write-out", "-T", "--upload-file", "-b", "--cookie", "-c", "--cookie-jar", "-r", "--range",
            "-z", "--time-cond", "--cacert", "--cert", "--key", "-K", "--config", "--limit-rate", "-y", "-Y", "--speed-time", "--speed-limit");
    private static final Set<String> WGET_VALUE_OPTIONS = Set.of("-t", "--tries", "-T", "--timeout", "-U", "--user-agent",
            "--header", "-e", "--execute", "-a", "-o", "--output-file", "--user", "--password", "-w", "--wait");

    private RunInputs() {}

    static void find(Instruction ins, Dockerfile df, Map<String, String> variables, List<LockTarget> targets, List<String> notes) {
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
        Script script = ShellParser.parseRunLenient(df.source().substring(start, end), start, df.escapeChar(), variables);
        int line = ins.span().startLine();
        List<SimpleCommand> commands = script.commands();
        for (int k = 0; k < commands.size(); k++) {
            SimpleCommand c = commands.get(k);
            List<SimpleCommand> later = commands.subList(k + 1, commands.size());
            String name = c.name();
            List<ShellWord> args = c.args();
            if (name.equals("apt-get") || name.equals("apt") || name.equals("aptitude")) {
                afterSubcommand(args, "install").ifPresent(from -> packages("apt", args, from, APT_VALUE_OPTIONS, line, targets));
            } else if (name.equals("apk")) {
                afterSubcommand(args, "add").ifPresent(from -> packages("apk", args, from, APK_VALUE_OPTIONS, line, targets));
            } else if (name.equals("dnf") || name.equals("yum") || name.equals("microdnf") || name.equals("tdnf")) {
                afterSubcommand(args, "install").ifPresent(from -> packages("rpm", args, from, DNF_VALUE_OPTIONS, line, targets));
            } else if (name.matches("pip[0-9.]*") || name.matches("python[0-9.]*") && args.size() >= 2 && args.get(0).is("-m") && args.get(1).is("pip")) {
                afterSubcommand(args, "install").ifPresent(from -> packages("pip", args, from, PIP_VALUE_OPTIONS, line, targets));
            } else if (name.equals("conda") || name.equals("mamba") || name.equals("micromamba")) {
                Optional<Integer> from = afterSubcommand(args, "install");
                if (from.isEmpty()) {
                    from = afterSubcommand(args, "create");
                }
                from.ifPresent(f -> packages("conda", args, f, CONDA_VALUE_OPTIONS, line, targets));
            } else if (name.equals("npm")) {
                Optional<Integer> from = afterSubcommand(args, "install");
                if (from.isEmpty()) {
                    from = afterSubcommand(args, "i");
                }
                from.ifPresent(f -> packages("npm", args, f, NPM_VALUE_OPTIONS, line, targets));
            } else if (name.equals("curl") || name.equals("wget")) {
                download(c, name.equals("curl"), later, line, targets, notes);
            } else if (name.equals("git") && !args.isEmpty() && args.get(0).is("clone")) {
                gitClone(c, later, line, targets, notes);
            }
        }
    }

    /** Just past the command's last word or redirection target (its own text, no trailing blanks). */
    static int endOf(SimpleCommand c) {
        int end = c.start();
        for (ShellWord w : c.words()) {
            end = Math.max(end, w.end());
        }
        for (var r : c.redirections()) {
            if (r.target() != null) {
                end = Math.max(end, r.isHeredoc() ? r.target().end() : r.target().end());
            }
        }
        return end;
    }

    /** Index of the first argument after {@code sub}, when {@code sub} is the subcommand. */
    private static Optional<Integer> afterSubcommand(List<ShellWord> args, String sub) {
        for (int i = 0; i < args.size(); i++) {
            ShellWord w = args.get(i);
            if (w.is(sub)) {
                return Optional.of(i + 1);
            }
            if (w.known() && !w.value().startsWith("-") && !w.value().equals("pip")) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void packages(String ecosystem, List<ShellWord> args, int from, Set<String> valueOptions, int line, List<LockTarget> targets) {
        for (int i = from; i < args.size(); i++) {
            ShellWord w = args.get(i);
            if (!w.known() || w.embedded()) {
                continue;
            }
            String v = w.value();
            if (v.startsWith("-")) {
                if (valueOptions.contains(v)) {
                    i++;
                }
                continue;
            }
            Optional<int[]> editable = editableRange(w);
            if (editable.isEmpty()) {
                continue;
            }
            int[] r = editable.get();
            parsePackage(ecosystem, v).ifPresent(p -> targets.add(new LockTarget.Pkg(ecosystem, p.name(), r[0], r[1], p.keep(), p.pinned(), line)));
        }
    }

    private record Parsed(String name, String keep, boolean pinned) {}

    private static Optional<Parsed> parsePackage(String ecosystem, String v) {
        if (v.contains("/") && !ecosystem.equals("npm") || v.contains("://") || v.endsWith(".deb") || v.endsWith(".rpm")
                || v.endsWith(".whl") || v.endsWith(".tar.gz") || v.startsWith(".") || v.contains("$")) {
            return Optional.empty();
        }
        switch (ecosystem) {
            case "apt", "apk" -> {
                int eq = v.indexOf('=');
                String name = eq < 0 ? v : v.substring(0, eq);
                boolean fuzzy = ecosystem.equals("apk") && (v.contains("~") || v.contains(">") || v.contains("<"));
                if (fuzzy) {
                    name = v.split("[~<>=]", 2)[0];
                    return Optional.of(new Parsed(name, name, false));
                }
                return name.isEmpty() ? Optional.empty() : Optional.of(new Parsed(name, name, eq > 0 && !v.endsWith("*")));
            }
            case "rpm" -> {
                boolean pinned = v.matches(".*-[0-9].*");
                return Optional.of(new Parsed(v, v, pinned));
            }
            case "pip" -> {
                if (v.contains(";") || v.contains("@")) {
                    return Optional.empty();
                }
                Matcher m = PIP_REQUIREMENT.matcher(v);
                if (!m.matches()) {
                    return Optional.empty();
                }
                String spec = m.group(3).trim();
                boolean pinned = (spec.startsWith("==") || spec.startsWith("===")) && !spec.contains(",") && !spec.contains("*");
                String keep = m.group(1) + (m.group(2) == null ? "" : m.group(2));
                return Optional.of(new Parsed(m.group(1), keep, pinned));
            }
            case "conda" -> {
                String keep = v.split("[=<>!~ ]", 2)[0];
                String name = keep.contains("::") ? keep.substring(keep.indexOf("::") + 2) : keep;
                String rest = v.substring(keep.length());
                boolean pinned = rest.startsWith("==") || rest.matches("=[^=*]+=[^=*]+");
                return name.isEmpty() ? Optional.empty() : Optional.of(new Parsed(name, keep, pinned));
            }
            case "npm" -> {
                int at = v.indexOf('@', v.startsWith("@") ? 1 : 0);
                String name = at < 0 ? v : v.substring(0, at);
                if (name.contains("/") && !name.startsWith("@") || name.contains(":")) {
                    return Optional.empty();
                }
                String version = at < 0 ? "" : v.substring(at + 1);
                boolean pinned = version.matches("[0-9]+\\.[0-9]+\\.[0-9]+[-+.A-Za-z0-9]*");
                return Optional.of(new Parsed(name, name, pinned));
            }
            default -> {
                return Optional.empty();
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

    private static void download(SimpleCommand c, boolean curl, List<SimpleCommand> later, int line, List<LockTarget> targets, List<String> notes) {
        List<ShellWord> args = c.args();
        String url = null;
        String output = null;
        String directory = null;
        boolean remoteName = false;
        int urls = 0;
        for (int i = 0; i < args.size(); i++) {
            ShellWord w = args.get(i);
            if (!w.known()) {
                continue;
            }
            String v = w.value();
            String next = i + 1 < args.size() && args.get(i + 1).known() ? args.get(i + 1).value() : null;
            if (v.startsWith("http://") || v.startsWith("https://")) {
                url = v;
                urls++;
            } else if (curl && (v.equals("-o") || v.equals("--output"))) {
                output = next;
                i++;
            } else if (curl && v.startsWith("--output=")) {
                output = v.substring(9);
            } else if (curl && v.equals("--output-dir")) {
                directory = next;
                i++;
            } else if (curl && (v.equals("-O") || v.equals("--remote-name"))) {
                remoteName = true;
            } else if (curl && v.matches("-[A-Za-z]+") && v.length() > 2) {
                // combined short flags: -fsSLo FILE / -fsSLO
                if (v.endsWith("o")) {
                    output = next;
                    i++;
                } else if (v.contains("O")) {
                    remoteName = true;
                }
            } else if (!curl && (v.equals("-O") || v.equals("--output-document"))) {
                output = next;
                i++;
            } else if (!curl && v.startsWith("--output-document=")) {
                output = v.substring(18);
            } else if (!curl && v.startsWith("-O") && v.length() > 2) {
                output = v.substring(2);
            } else if (!curl && (v.equals("-P") || v.equals("--directory-prefix"))) {
                directory = next;
                i++;
            } else if (!curl && v.matches("-[A-Za-z]+") && v.endsWith("O") && v.length() > 2) {
                output = next;
                i++;
            } else if ((curl ? CURL_VALUE_OPTIONS : WGET_VALUE_OPTIONS).contains(v)) {
                i++;
            }
        }
        if (url == null) {
            return;
        }
        if (urls > 1) {
            notes.add("line " + line + ": " + c.name() + " fetches several URLs in one command; only the last is locked");
        }
        if (!curl && output == null || remoteName) {
            String path = url.replaceAll("[?#].*$", "");
            String base = path.substring(path.lastIndexOf('/') + 1);
            output = base.isEmpty() ? (curl ? null : "index.html") : base;
        }
        if (output != null && directory != null && !output.startsWith("/")) {
            output = directory + "/" + output;
        }
        boolean embedded = c.words().stream().anyMatch(ShellWord::embedded);
        boolean checked = later.stream().anyMatch(l -> (l.isNamed("sha256sum", "shasum", "sha512sum"))
                && l.args().stream().anyMatch(a -> a.is("-c") || a.is("--check")));
        Optional<LockTarget.DownloadPin> pin = Optional.empty();
        if (output == null || output.equals("-")) {
            if (!checked) {
                notes.add("line " + line + ": " + url + " is piped, not saved: locked, but pin can not add a checksum; download to a file first");
            }
        } else if (embedded || c.connector() == Connector.PIPE) {
            notes.add("line " + line + ": " + url + ": locked, but the command can not be extended in place");
        } else {
            pin = Optional.of(new LockTarget.DownloadPin(endOf(c), false, output));
        }
        targets.add(new LockTarget.Download(url, pin, checked, line));
    }

    private static void gitClone(SimpleCommand c, List<SimpleCommand> later, int line, List<LockTarget> targets, List<String> notes) {
        List<ShellWord> args = c.args().subList(1, c.args().size());
        String ref = "HEAD";
        boolean shallow = false;
        String url = null;
        String dir = null;
        for (int i = 0; i < args.size(); i++) {
            ShellWord w = args.get(i);
            String v = w.value();
            if (!w.known()) {
                if (url == null) {
                    notes.add("line " + line + ": git clone of a URL decided at build time; not locked");
                    return;
                }
                continue;
            }
            if (v.equals("-b") || v.equals("--branch")) {
                ref = i + 1 < args.size() ? args.get(i + 1).value() : ref;
                i++;
            } else if (v.startsWith("--branch=")) {
                ref = v.substring(9);
            } else if (v.equals("--depth") || v.startsWith("--depth=") || v.startsWith("--shallow")) {
                shallow = true;
                if (v.equals("--depth") || v.equals("--shallow-since") || v.equals("--shallow-exclude")) {
                    i++;
                }
            } else if (GIT_CLONE_VALUE_OPTIONS.contains(v)) {
                i++;
            } else if (v.startsWith("-")) {
                continue;
            } else if (url == null) {
                url = v;
            } else if (dir == null) {
                dir = v;
            }
        }
        if (url == null) {
            return;
        }
        if (dir == null) {
            String u = url.replaceAll("/+$", "");
            dir = u.substring(Math.max(u.lastIndexOf('/'), u.lastIndexOf(':')) + 1).replaceAll("\\.git$", "");
        }
        final String cloneDir = dir;
        boolean pinned = HEX40.matcher(ref).matches() || later.stream().anyMatch(l -> l.isNamed("git")
                && l.args().stream().anyMatch(a -> a.known() && HEX40.matcher(a.value()).matches()));
        boolean embedded = c.words().stream().anyMatch(ShellWord::embedded);
        Optional<Integer> at = Optional.empty();
        if (embedded || c.connector() == Connector.PIPE) {
            notes.add("line " + line + ": git clone " + url + ": locked, but the command can not be extended in place");
        } else {
            at = Optional.of(endOf(c));
        }
        targets.add(new LockTarget.Git(url, ref, at, cloneDir, shallow, pinned, line));
    }
}
