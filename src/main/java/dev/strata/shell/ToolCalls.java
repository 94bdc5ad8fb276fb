package dev.strata.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recognizes what simple commands do: package managers, downloads, git, checksum checks.
 * Stateless; every result keeps the {@link ShellWord}s it was read from.
 */
public final class ToolCalls {
    private ToolCalls() {
    }

    private static final Set<String> INTERPRETERS = Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh",
            "python", "python2", "python3", "perl", "ruby", "node", "php", "source", ".", "eval", "busybox");

    /** Every tool call in the script, in execution order. */
    public static List<ToolCall> recognizeAll(Script script) {
        List<ToolCall> out = new ArrayList<>();
        for (SimpleCommand c : script.commands()) {
            out.addAll(recognize(c, script));
        }
        return out;
    }

    /**
     * What {@code command} does. Usually zero or one call; an {@code Rscript -e} may hold several.
     *
     * @param script the script the command belongs to (pipelines and nesting are looked up there)
     */
    public static List<ToolCall> recognize(SimpleCommand command, Script script) {
        String name = command.name();
        if (name.isEmpty()) {
            return List.of();
        }
        List<ShellWord> args = command.args();
        if (name.equals("busybox") && !args.isEmpty() && args.get(0).known() && BUSYBOX_APPLETS.contains(args.get(0).value())) {
            // busybox wget URL, busybox sha256sum -c: the applet is the tool
            name = args.get(0).value();
            args = args.subList(1, args.size());
        }
        ToolCall call = switch (name) {
            case "apt-get", "apt", "aptitude" -> apt(command, name, args);
            case "apk" -> apk(command, args);
            case "yum", "dnf", "dnf5", "microdnf", "tdnf" -> rpm(command, name, args);
            case "zypper" -> zypper(command, args);
            case "conda", "mamba", "micromamba" -> conda(command, name, args);
            case "npm", "yarn", "pnpm" -> npm(command, name, args);
            case "gem" -> gem(command, args);
            case "go" -> go(command, args);
            case "cargo" -> cargo(command, args);
            case "uv" -> uv(command, args);
            case "poetry", "pipenv", "pdm" -> pythonProject(command, name, args);
            case "curl", "wget" -> download(command, name, args, script);
            case "git" -> git(command, args);
            case "sha256sum", "sha512sum", "sha1sum", "md5sum", "sha384sum", "sha224sum", "b2sum", "shasum", "cksum", "gpg",
                    "gpgv", "gpg2" -> checksum(command, name, args, script);
            case "cosign", "minisign" -> signature(command, name, args);
            case "install2.r", "installGithub.r", "installBioc.r" -> RCalls.littler(command, name, args);
            case "Rscript", "R" -> null;
            default -> isPip(name) ? pip(command, name, args) : isPython(name) ? pythonModule(command, name, args) : null;
        };
        if (name.equals("Rscript") || name.equals("R")) {
            return RCalls.rscript(command, name, args);
        }
        return call == null ? List.of() : List.of(call);
    }

    /** The busybox applets recognized as tools when run as {@code busybox APPLET ...}. */
    private static final Set<String> BUSYBOX_APPLETS = Set.of("wget", "sha256sum", "sha512sum", "sha1sum", "md5sum",
            "sha3sum");

    /**
     * Whether a yum/dnf/microdnf package argument names a version ({@code foo-1.2-3.el9}) rather
     * than a bare name that happens to hold digits ({@code java-17-openjdk}); the heuristic is
     * documented on the rpm spec parser and shared so the audit and the lock agree.
     */
    public static boolean isRpmVersioned(String spec) {
        return Specs.rpmVersionDash(spec) > 0;
    }

    /** 7 to 40 hex digits: a (possibly abbreviated) commit hash. */
    public static boolean looksLikeCommit(String s) {
        if (s.length() < 7 || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    static boolean isPip(String name) {
        if (!name.startsWith("pip")) {
            return false;
        }
        for (int i = 3; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Specs.isDigit(c) || c == '.')) {
                return false;
            }
        }
        return true;
    }

    static boolean isPython(String name) {
        if (!name.startsWith("python")) {
            return false;
        }
        for (int i = 6; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Specs.isDigit(c) || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static String firstOperand(CommandLine c) {
        return c.operands.isEmpty() ? "" : c.operands.get(0).value();
    }

    private static boolean anyUnknown(SimpleCommand command, List<ShellWord> words) {
        if (command.argumentsFromInput()) {
            return true;
        }
        for (ShellWord w : words) {
            if (!w.known()) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- system package managers

    private static final Set<String> APT_VALUE = Set.of("-o", "-t", "-c", "--target-release", "--default-release",
            "--option", "--config-file", "-a", "--host-architecture", "--snapshot", "-S");

    private static ToolCall apt(SimpleCommand command, String tool, List<ShellWord> args) {
        CommandLine c = CommandLine.parse(args, APT_VALUE);
        if (c.operands.isEmpty()) {
            return null;
        }
        String action = c.operands.get(0).value();
        List<PackageSpec> packages = new ArrayList<>();
        for (ShellWord w : c.operands.subList(1, c.operands.size())) {
            packages.add(Specs.apt(w));
        }
        Set<String> flags = new LinkedHashSet<>();
        if (c.has("--no-install-recommends")) {
            flags.add("no-install-recommends");
        }
        for (ShellWord o : c.all("-o", "--option")) {
            if (o.value().startsWith("APT::Install-Recommends") && o.value().endsWith("false")
                    || o.value().startsWith("APT::Install-Recommends") && o.value().endsWith("0")) {
                flags.add("no-install-recommends");
            }
        }
        if (c.has("-y", "--yes", "--assume-yes")) {
            flags.add("yes");
        }
        if (c.has("--snapshot", "-S")) {
            flags.add("snapshot");
        }
        ShellWord target = c.first("-t", "--target-release", "--default-release");
        return new PackageManagerCall(command, Ecosystem.APT, tool, action, packages, List.of(), List.of(),
                c.all("-o", "--option"), List.of(), flags, target == null ? "" : target.value(),
                anyUnknown(command, c.operands));
    }

    private static final Set<String> APK_VALUE = Set.of("-X", "--repository", "-t", "--virtual", "-p", "--root",
            "--arch", "--keys-dir", "--cache-dir", "--repositories-file");

    private static final Set<String> APK_ACTIONS = Set.of("add", "del", "update", "upgrade", "fix", "fetch");

    private static ToolCall apk(SimpleCommand command, List<ShellWord> args) {
        CommandLine c = CommandLine.parse(args, APK_VALUE);
        if (c.operands.isEmpty() || !APK_ACTIONS.contains(firstOperand(c))) {
            return null;
        }
        String action = c.operands.get(0).value();
        List<PackageSpec> packages = new ArrayList<>();
        for (ShellWord w : c.operands.subList(1, c.operands.size())) {
            packages.add(Specs.apk(w));
        }
        Set<String> flags = new LinkedHashSet<>();
        if (c.has("--no-cache")) {
            flags.add("no-cache");
        }
        if (c.has("-U", "--update-cache")) {
            flags.add("update-cache");
        }
        if (c.has("-u", "--upgrade")) {
            flags.add("upgrade");
        }
        if (c.has("-t", "--virtual")) {
            flags.add("virtual");
        }
        return new PackageManagerCall(command, Ecosystem.APK, "apk", action, packages, List.of(), List.of(),
                c.all("-X", "--repository"), List.of(), flags, "", anyUnknown(command, c.operands));
    }

    private static final Set<String> RPM_VALUE = Set.of("--enablerepo", "--disablerepo", "--setopt", "--releasever",
            "-c", "--config", "--installroot", "-x", "--exclude", "--repo", "--repoid", "--nobest", "-d", "-e",
            "--downloaddir", "--forcearch", "--destdir", "--repofrompath");

    private static ToolCall rpm(SimpleCommand command, String tool, List<ShellWord> args) {
        CommandLine c = CommandLine.parse(args, RPM_VALUE);
        if (c.operands.isEmpty()) {
            return null;
        }
        String action = c.operands.get(0).value();
        int first = 1;
        if ((action.equals("module") || action.equals("group")) && c.operands.size() > 1) {
            action = action + " " + c.operands.get(1).value();
            first = 2;
        }
        if (action.equals("groupinstall")) {
            action = "group install";
        }
        List<PackageSpec> packages = new ArrayList<>();
        for (ShellWord w : c.operands.subList(first, c.operands.size())) {
            if (action.startsWith("module")) {
                String v = w.value();
                int colon = v.indexOf(':');
                String stream = colon < 0 ? "" : v.substring(colon + 1);
                packages.add(new PackageSpec(w, colon < 0 ? v : v.substring(0, colon), colon < 0 ? "" : v.substring(colon),
                        stream, false, "", SpecKind.NAME));
            } else {
                packages.add(Specs.rpm(w));
            }
        }
        Set<String> flags = new LinkedHashSet<>();
        if (c.has("-y", "--assumeyes")) {
            flags.add("yes");
        }
        if (c.has("--nodocs")) {
            flags.add("nodocs");
        }
        if (c.has("--setopt") && c.all("--setopt").stream().anyMatch(w -> w.value().startsWith("install_weak_deps")
                && (w.value().endsWith("False") || w.value().endsWith("0") || w.value().endsWith("false")))) {
            flags.add("no-install-recommends");
        }
        return new PackageManagerCall(command, Ecosystem.RPM, tool, action, packages, List.of(), List.of(),
                c.all("--enablerepo", "--repo"), List.of(), flags, "", anyUnknown(command, c.operands));
    }

    private static final Set<String> ZYPPER_VALUE = Set.of("-r", "--repo", "--from", "-t", "--type", "--root",
            "-R", "-D", "--reposd-dir", "-C", "--cache-dir");

    private static ToolCall zypper(SimpleCommand command, List<ShellWord> args) {
        CommandLine c = CommandLine.parse(args, ZYPPER_VALUE);
        if (c.operands.isEmpty()) {
            return null;
        }
        String action = switch (firstOperand(c)) {
            case "in" -> "install";
            case "ref" -> "refresh";
            case "up" -> "update";
            case "dup" -> "dist-upgrade";
            default -> firstOperand(c);
        };
        List<PackageSpec> packages = new ArrayList<>();
        for (ShellWord w : c.operands.subList(1, c.operands.size())) {
            packages.add(Specs.zypper(w));
        }
        Set<String> flags = new LinkedHashSet<>();
        if (c.has("--no-recommends")) {
            flags.add("no-install-recommends");
        }
        if (c.has("-y", "-n", "--non-interactive", "--no-confirm")) {
            flags.add("yes");
        }
        return new PackageManagerCall(command, Ecosystem.ZYPPER, "zypper", action, packages, List.of(), List.of(),
                c.all("-r", "--repo", "--from"), List.of(), flags, "", anyUnknown(command, c.operands));
    }

    // ---------------------------------------------------------------- python

    private static final Set<String> PIP_VALUE = Set.of("-r", "--requirement", "-c", "--constraint", "-e",
            "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--hash", "-t", "--target",
            "--prefix", "--root", "--src", "--python-version", "--platform", "--implementation", "--abi",
            "--only-binary", "--no-binary", "--progress-bar", "--trusted-host", "--cache-dir", "--log", "--timeout",
            "--retries", "--upgrade-strategy", "-C", "--config-settings", "--global-option", "--install-option",
            "--python", "-p", "--proxy", "--cert", "--client-cert", "--exists-action", "--root-user-action",
            "--report", "--index-strategy", "--keyring-provider", "--resolution", "--prerelease", "--exclude-newer",
            "--override", "--build-constraint", "--default-index", "--index", "-d", "--dest", "-w", "--wheel-dir");

    private static ToolCall pythonModule(SimpleCommand command, String python, List<ShellWord> args) {
        int i = 0;
        while (i < args.size() && args.get(i).value().startsWith("-") && !args.get(i).value().equals("-m")) {
            i++;
        }
        if (i + 1 < args.size() && args.get(i).value().equals("-m")) {
            String module = args.get(i + 1).value();
            if (module.equals("pip")) {
                return pip(command, python + " -m pip", args.subList(i + 2, args.size()));
            }
            if (module.equals("uv") && i + 2 < args.size() && args.get(i + 2).value().equals("pip")) {
                return pip(command, "uv pip", args.subList(i + 3, args.size()));
            }
        }
        return null;
    }

    private static final Set<String> PIP_ACTIONS = Set.of("install", "download", "wheel", "uninstall", "sync");

    private static ToolCall pip(SimpleCommand command, String tool, List<ShellWord> args) {
        CommandLine c = CommandLine.parse(args, PIP_VALUE);
        if (c.operands.isEmpty() || !PIP_ACTIONS.contains(firstOperand(c))) {
            return null; // pip config, freeze, list, show, --version: nothing installed
        }
        String action = firstOperand(c);
        List<PackageSpec> packages = new ArrayList<>();
        for (ShellWord w : c.operands.subList(1, c.operands.size())) {
            packages.add(Specs.pep508(w));
        }
        Set<String> flags = new LinkedHashSet<>();
        for (ShellWord w : c.all("-e", "--editable")) {
            packages.add(Specs.pep508(w));
            flags.add("editable");
        }
        flag(c, flags, "upgrade", "-U", "--upgrade");
        flag(c, flags, "require-hashes", "--require-hashes");
        flag(c, flags, "no-deps", "--no-deps");
        flag(c, flags, "pre", "--pre");
        flag(c, flags, "user", "--user");
        flag(c, flags, "no-cache", "--no-cache-dir", "--no-cache");
        flag(c, flags, "force-reinstall", "--force-reinstall");
        flag(c, flags, "no-index", "--no-index");
        flag(c, flags, "system", "--system", "--break-system-packages");
        if (c.has("--hash")) {
            flags.add("hash");
        }
        return new PackageManagerCall(command, Ecosystem.PIP, tool, action, packages,
                c.all("-r", "--requirement"), c.all("-c", "--constraint"),
                c.all("-i", "--index-url", "--default-index", "--index"), c.all("--extra-index-url"), flags, "",
                anyUnknown(command, c.operands));
    }

    private static void flag(CommandLine c, Set<String> flags, String name, String... options) {
        if (c.has(options)) {
            flags.add(name);
        }
    }

    private static ToolCall uv(SimpleCommand command, List<ShellWord> args) {
        if (args.isEmpty()) {
            return null;
        }
        String sub = args.get(0).value();
        if (sub.equals("pip")) {
            return pip(command, "uv pip", args.subList(1, args.size()));
        }
        if (sub.equals("tool") && args.size() > 1 && args.get(1).value().equals("install")) {
            return pythonProjectCall(command, "uv", "tool install", args.subList(2, args.size()));
        }
        if (sub.equals("sync") || sub.equals("add") || sub.equals("lock") || sub.equals("install")) {
            return pythonProjectCall(command, "uv", sub, args.subList(1, args.size()));
        }
        return null;
    }

    private static ToolCall pythonProject(SimpleCommand command, String tool, List<ShellWord> args) {
        if (args.isEmpty()) {
            return null;
        }
        String sub = args.get(0).value();
        if (sub.equals("install") || sub.equals("add") || sub.equals("sync") || sub.equals("lock")) {
            return pythonProjectCall(command, tool, sub, args.subList(1, args.size()));
        }
        return null;
    }

    private static final Set<String> PROJECT_VALUE = Set.of("--only", "--with", "--without", "-E", "--extras",
            "--group", "--python", "-p", "--extra", "--directory", "--project", "--package", "--index-url", "-i",
            "--extra-index-url", "--no-install-package", "--only-group", "--no-group", "--source");

    private static ToolCall pythonProjectCall(SimpleCommand command, String tool, String action, List<ShellWord> args) {
        CommandLine c = CommandLine.parse(args, PROJECT_VALUE);
        List<PackageSpec> packages = new ArrayList<>();
        for (ShellWord w : c.operands) {
            packages.add(Specs.pep508(w));
        }
        Set<String> flags = new LinkedHashSet<>();
        flag(c, flags, "frozen-lockfile", "--frozen", "--deploy", "--ignore-pipfile");
        flag(c, flags, "locked", "--locked", "--deploy");
        flag(c, flags, "system", "--system");
        flag(c, flags, "no-root", "--no-root");
        return new PackageManagerCall(command, Ecosystem.PIP, tool, action, packages, List.of(), List.of(),
                c.all("-i", "--index-url"), c.all("--extra-index-url"), flags, "", anyUnknown(command, c.operands));
    }

    // ---------------------------------------------------------------- conda

    private static final Set<String> CONDA_VALUE = Set.of("-c", "--channel", "-n", "--name", "-p", "--prefix",
            "--file", "-f", "--solver", "--repodata-fn", "--platform", "--subdir", "-r", "--root-prefix",
            "--strict-channel-priority-value");

    private static final Set<String> CONDA_ACTIONS = Set.of("install", "create", "update", "upgrade", "remove",
            "uninstall", "env create", "env update");

    private static ToolCall conda(SimpleCommand command, String tool, List<ShellWord> args) {
        CommandLine c = CommandLine.parse(args, CONDA_VALUE);
        if (c.operands.isEmpty()) {
            return null;
        }
        String action = firstOperand(c);
        int first = 1;
        if (action.equals("env") && c.operands.size() > 1) {
            action = "env " + c.operands.get(1).value();
            first = 2;
        }
        if (!CONDA_ACTIONS.contains(action)) {
            return null; // init, activate, clean, config, run, info: no packages change
        }
        List<PackageSpec> packages = new ArrayList<>();
        for (ShellWord w : c.operands.subList(first, c.operands.size())) {
            packages.add(Specs.conda(w));
        }
        List<ShellWord> files = new ArrayList<>(c.all("--file"));
        if (action.startsWith("env") || action.equals("create") && !c.all("-f").isEmpty() && tool.equals("micromamba")
                || action.equals("install") && tool.equals("micromamba")) {
            files.addAll(c.all("-f"));
        }
        Set<String> flags = new LinkedHashSet<>();
        flag(c, flags, "yes", "-y", "--yes");
        flag(c, flags, "override-channels", "--override-channels");
        flag(c, flags, "no-deps", "--no-deps");
        flag(c, flags, "freeze-installed", "--freeze-installed");
        flag(c, flags, "all", "--all");
        return new PackageManagerCall(command, Ecosystem.CONDA, tool, action, packages, files, List.of(),
                c.all("-c", "--channel"), List.of(), flags, "", anyUnknown(command, c.operands));
    }

    // ---------------------------------------------------------------- npm, gem, go, cargo

    private static final Set<String> NPM_VALUE = Set.of("--prefix", "--registry", "--omit", "--include", "--cache",
            "--tag", "-w", "--workspace", "--cwd", "--filter", "--network-timeout", "--modules-folder", "-C", "--dir");

    private static ToolCall npm(SimpleCommand command, String tool, List<ShellWord> args) {
        CommandLine c = CommandLine.parse(args, NPM_VALUE);
        List<ShellWord> ops = c.operands;
        String action;
        int first;
        if (ops.isEmpty()) {
            if (!tool.equals("yarn")) {
                return null;
            }
            action = "install";
            first = 0;
        } else {
            action = ops.get(0).value();
            first = 1;
            if (tool.equals("yarn") && action.equals("global") && ops.size() > 1) {
                action = "global " + ops.get(1).value();
                first = 2;
            }
        }
        action = switch (action) {
            case "i", "isntall", "in" -> "install";
            case "ci", "clean-install", "install-clean" -> "ci";
            default -> action;
        };
        if (!Set.of("install", "add", "ci", "update", "upgrade", "global add", "up").contains(action)) {
            return null;
        }
        List<PackageSpec> packages = new ArrayList<>();
        for (ShellWord w : ops.subList(first, ops.size())) {
            packages.add(Specs.npm(w));
        }
        Set<String> flags = new LinkedHashSet<>();
        flag(c, flags, "global", "-g", "--global");
        flag(c, flags, "frozen-lockfile", "--frozen-lockfile", "--immutable");
        flag(c, flags, "save-exact", "-E", "--save-exact");
        flag(c, flags, "production", "--production", "--omit");
        if (action.equals("ci") || action.startsWith("global")) {
            flags.add(action.equals("ci") ? "frozen-lockfile" : "global");
        }
        return new PackageManagerCall(command, Ecosystem.NPM, tool, action, packages, List.of(), List.of(),
                c.all("--registry"), List.of(), flags, "", anyUnknown(command, ops));
    }

    private static final Set<String> GEM_VALUE = Set.of("-v", "--version", "-s", "--source", "-i", "--install-dir",
            "-n", "--bindir", "--platform", "-g", "--file", "-P", "--trust-policy", "--document");

    private static ToolCall gem(SimpleCommand command, List<ShellWord> args) {
        CommandLine c = CommandLine.parse(args, GEM_VALUE);
        String action = firstOperand(c).equals("i") ? "install" : firstOperand(c);
        if (c.operands.isEmpty() || !(action.equals("install") || action.equals("update"))) {
            return null;
        }
        ShellWord version = c.first("-v", "--version");
        List<PackageSpec> packages = new ArrayList<>();
        for (ShellWord w : c.operands.subList(1, c.operands.size())) {
            packages.add(version != null && version.known() ? Specs.gem(w, version.value())
                    : version != null ? new PackageSpec(w, w.value(), version.value(), version.value(), false, "",
                            SpecKind.NAME) : Specs.gem(w, null));
        }
        Set<String> flags = new LinkedHashSet<>();
        flag(c, flags, "no-document", "-N", "--no-document", "--no-ri", "--no-rdoc");
        return new PackageManagerCall(command, Ecosystem.GEM, "gem", action, packages, List.of(), List.of(),
                c.all("-s", "--source"), List.of(), flags, "", anyUnknown(command, c.operands));
    }

    private static final Set<String> GO_VALUE = Set.of("-tags", "-ldflags", "-gcflags", "-mod", "-modfile", "-o",
            "-p", "-asmflags", "-buildmode", "-compiler", "-gccgoflags", "-installsuffix", "-pkgdir", "-toolexec",
            "-overlay", "-pgo");

    private static ToolCall go(SimpleCommand command, List<ShellWord> args) {
        if (args.isEmpty() || !(args.get(0).value().equals("install") || args.get(0).value().equals("get"))) {
            return null;
        }
        List<ShellWord> rest = args.subList(1, args.size());
        List<ShellWord> operands = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i).value();
            if (a.startsWith("-")) {
                String opt = a.startsWith("--") ? a.substring(1) : a;
                if (GO_VALUE.contains(opt) && opt.indexOf('=') < 0) {
                    i++;
                }
                continue;
            }
            operands.add(rest.get(i));
        }
        List<PackageSpec> packages = new ArrayList<>();
        for (ShellWord w : operands) {
            packages.add(Specs.go(w));
        }
        return new PackageManagerCall(command, Ecosystem.GO, "go", args.get(0).value(), packages, List.of(), List.of(),
                List.of(), List.of(), Set.of(), "", anyUnknown(command, operands));
    }

    private static final Set<String> CARGO_VALUE = Set.of("--version", "--vers", "--git", "--rev", "--tag",
            "--branch", "--path", "--root", "--features", "-F", "--target", "--profile", "--registry", "--index", "-j",
            "--jobs", "--bin", "--example", "--target-dir", "--config", "-Z");

    private static ToolCall cargo(SimpleCommand command, List<ShellWord> args) {
        CommandLine c = CommandLine.parse(args, CARGO_VALUE);
        if (c.operands.isEmpty() || !firstOperand(c).equals("install")) {
            return null;
        }
        ShellWord version = c.first("--version", "--vers");
        ShellWord git = c.first("--git");
        ShellWord rev = c.first("--rev", "--tag", "--branch");
        List<PackageSpec> packages = new ArrayList<>();
        for (ShellWord w : c.operands.subList(1, c.operands.size())) {
            if (git != null) {
                boolean exact = rev != null && rev.known() && c.has("--rev") && looksLikeCommit(rev.value());
                packages.add(new PackageSpec(w, w.value(), rev == null ? "" : "@" + rev.value(),
                        rev == null ? "" : rev.value(), exact, git.value(), SpecKind.VCS));
            } else {
                packages.add(Specs.cargo(w, version == null ? null : version.value()));
            }
        }
        if (packages.isEmpty() && git != null) {
            boolean exact = rev != null && rev.known() && c.has("--rev") && looksLikeCommit(rev.value());
            packages.add(new PackageSpec(git, git.value(), rev == null ? "" : "@" + rev.value(),
                    rev == null ? "" : rev.value(), exact, "", SpecKind.VCS));
        }
        Set<String> flags = new LinkedHashSet<>();
        flag(c, flags, "locked", "--locked");
        flag(c, flags, "frozen-lockfile", "--frozen");
        return new PackageManagerCall(command, Ecosystem.CARGO, "cargo", "install", packages,
                c.all("--path"), List.of(), c.all("--registry", "--index"), List.of(), flags, "",
                anyUnknown(command, c.operands));
    }

    // ---------------------------------------------------------------- downloads

    private static final Set<String> CURL_VALUE = Set.of("-o", "--output", "-H", "--header", "-d", "--data",
            "--data-binary", "--data-raw", "--data-urlencode", "-u", "--user", "-A", "--user-agent", "-e", "--referer",
            "-x", "--proxy", "--retry", "-m", "--max-time", "--connect-timeout", "-w", "--write-out", "-T",
            "--upload-file", "-F", "--form", "--cacert", "--proto", "--proto-redir", "-C", "--continue-at", "-r",
            "--range", "-X", "--request", "--output-dir", "-K", "--config", "--retry-delay", "--retry-max-time", "-b",
            "--cookie", "-c", "--cookie-jar", "--url", "-E", "--cert", "--key", "--resolve", "--limit-rate",
            "-z", "--time-cond", "--create-file-mode", "--netrc-file", "-Y", "-y", "--speed-limit", "--speed-time");
    private static final Set<String> WGET_VALUE = Set.of("-O", "--output-document", "-P", "--directory-prefix",
            "-t", "--tries", "-T", "--timeout", "--header", "-U", "--user-agent", "-i", "--input-file", "-o",
            "--output-file", "-a", "--append-output", "--progress", "--user", "--password", "-e", "--execute",
            "--ca-certificate", "--post-data", "--method", "-Q", "--quota", "-w", "--wait", "--limit-rate", "-l",
            "--level", "-A", "--accept", "-R", "--reject", "--cut-dirs", "-nH");

    private static ToolCall download(SimpleCommand command, String tool, List<ShellWord> args, Script script) {
        boolean curl = tool.equals("curl");
        CommandLine c = CommandLine.parse(args, curl ? CURL_VALUE : WGET_VALUE);
        List<ShellWord> urls = new ArrayList<>();
        for (ShellWord w : c.operands) {
            urls.add(w);
        }
        urls.addAll(c.all("--url"));
        if (urls.isEmpty()) {
            return null;
        }
        ShellWord output;
        boolean remoteName;
        boolean toStdout;
        if (curl) {
            output = c.first("-o", "--output");
            remoteName = c.has("-O", "--remote-name", "--remote-name-all");
            toStdout = output == null && !remoteName || output != null && output.is("-");
        } else {
            output = c.first("-O", "--output-document");
            remoteName = output == null;
            toStdout = output != null && output.is("-") || c.has("-qO-");
        }
        for (Redirection r : command.redirections()) {
            if ((r.operator().equals(">") || r.operator().equals(">>") || r.operator().equals(">|")
                    || r.operator().startsWith("&>")) && (r.fd() == -1 || r.fd() == 1)) {
                toStdout = false;
                if (output == null) {
                    output = r.target();
                }
            }
        }
        String interpreter = toStdout ? interpreterOf(command, script) : "";
        return new Download(command, tool, urls, output, remoteName, toStdout, interpreter);
    }

    /** The shell or interpreter reading this command's output directly, or "". */
    private static String interpreterOf(SimpleCommand command, Script script) {
        for (SimpleCommand next : script.downstream(command)) {
            String n = next.name();
            if (isInterpreter(n)) {
                return n;
            }
            if (!n.equals("tee") && !n.equals("cat") && !n.equals("gunzip") && !n.equals("zcat")
                    && !n.equals("tr")) {
                break;
            }
        }
        for (Nesting level : command.nesting()) {
            if ((level.kind() == NestingKind.COMMAND_SUBSTITUTION || level.kind() == NestingKind.PROCESS_SUBSTITUTION)
                    && level.owner() >= 0 && level.owner() < script.commands().size()) {
                String owner = script.command(level.owner()).name();
                if (isInterpreter(owner)) {
                    return owner;
                }
            }
        }
        return "";
    }

    private static boolean isInterpreter(String name) {
        return INTERPRETERS.contains(name) || isPython(name);
    }

    // ---------------------------------------------------------------- git

    private static final Set<String> GIT_GLOBAL_VALUE = Set.of("-C", "-c", "--git-dir", "--work-tree", "--namespace");
    private static final Set<String> GIT_CLONE_VALUE = Set.of("-b", "--branch", "--depth", "-o", "--origin",
            "--reference", "--filter", "--shallow-since", "--shallow-exclude", "-j", "--jobs", "-c", "--config",
            "--template", "--separate-git-dir", "--revision", "-u", "--upload-pack");

    private static ToolCall git(SimpleCommand command, List<ShellWord> args) {
        int i = 0;
        ShellWord directory = null;
        while (i < args.size() && args.get(i).value().startsWith("-")) {
            String a = args.get(i).value();
            if (GIT_GLOBAL_VALUE.contains(a) && i + 1 < args.size()) {
                if (a.equals("-C")) {
                    directory = args.get(i + 1);
                }
                i += 2;
            } else {
                i++;
            }
        }
        if (i >= args.size()) {
            return null;
        }
        String action = args.get(i).value();
        List<ShellWord> rest = args.subList(i + 1, args.size());
        switch (action) {
            case "clone" -> {
                CommandLine c = CommandLine.parse(rest, GIT_CLONE_VALUE);
                if (c.operands.isEmpty()) {
                    return null;
                }
                ShellWord ref = c.first("--revision", "-b", "--branch");
                return new GitCall(command, "clone", c.operands.get(0), ref,
                        c.operands.size() > 1 ? c.operands.get(1) : null, directory, c.first("--depth"));
            }
            case "checkout", "switch" -> {
                CommandLine c = CommandLine.parse(rest, Set.of("-b", "-B", "-c", "-C", "--orphan"));
                ShellWord ref = c.operands.isEmpty() ? null : c.operands.get(0);
                if (ref != null && ref.is("--")) {
                    return null;
                }
                return ref == null ? null : new GitCall(command, action, null, ref, null, directory, null);
            }
            case "reset" -> {
                CommandLine c = CommandLine.parse(rest, Set.of());
                return new GitCall(command, "reset", null, c.operands.isEmpty() ? null : c.operands.get(0), null,
                        directory, null);
            }
            case "fetch", "pull" -> {
                CommandLine c = CommandLine.parse(rest, Set.of("--depth", "-j", "--jobs", "--shallow-since"));
                ShellWord url = c.operands.isEmpty() ? null : c.operands.get(0);
                ShellWord ref = c.operands.size() > 1 ? c.operands.get(1) : null;
                return new GitCall(command, action, url, ref, null, directory, c.first("--depth"));
            }
            case "submodule" -> {
                return new GitCall(command, "submodule", null, null, null, directory, null);
            }
            default -> {
                return null;
            }
        }
    }

    // ---------------------------------------------------------------- checksums

    private static String algorithmOf(String tool, CommandLine c) {
        return switch (tool) {
            case "sha256sum" -> "sha256";
            case "sha512sum" -> "sha512";
            case "sha384sum" -> "sha384";
            case "sha224sum" -> "sha224";
            case "sha1sum" -> "sha1";
            case "md5sum" -> "md5";
            case "b2sum" -> "blake2";
            case "cksum" -> {
                ShellWord a = c.first("-a", "--algorithm");
                yield a == null ? "crc" : a.value();
            }
            default -> {
                ShellWord a = c.first("-a", "--algorithm");
                yield a == null ? "sha1" : "sha" + a.value();
            }
        };
    }

    /** {@code cosign verify*} and {@code minisign -V}: a signature check on what was fetched. */
    private static ToolCall signature(SimpleCommand command, String tool, List<ShellWord> args) {
        boolean verify = tool.equals("cosign")
                ? args.stream().anyMatch(w -> w.value().startsWith("verify"))
                : args.stream().anyMatch(w -> w.known() && w.value().startsWith("-") && !w.value().startsWith("--")
                        && w.value().indexOf('V') > 0); // getopt clusters: -Vm file
        return verify ? new ChecksumCheck(command, tool, tool, List.of(), List.of(), List.of()) : null;
    }

    private static ToolCall checksum(SimpleCommand command, String tool, List<ShellWord> args, Script script) {
        if (tool.startsWith("gpg")) {
            boolean verify = tool.equals("gpgv");
            List<ShellWord> files = new ArrayList<>();
            for (ShellWord w : args) {
                if (w.is("--verify")) {
                    verify = true;
                } else if (!w.value().startsWith("-")) {
                    files.add(w);
                }
            }
            return verify ? new ChecksumCheck(command, tool, "gpg", files, List.of(), List.of()) : null;
        }
        CommandLine c = CommandLine.parse(args, Set.of("-a", "--algorithm"));
        if (!c.has("-c", "--check")) {
            if (command.isInside(NestingKind.COMMAND_SUBSTITUTION)) {
                // [ "$(sha256sum f | cut -d' ' -f1)" = "$SHA256" ]: the sum is computed to be compared
                return new ChecksumCheck(command, tool, algorithmOf(tool, c), List.of(), List.of(), List.of());
            }
            return null;
        }
        String algorithm = algorithmOf(tool, c);
        List<ShellWord> files = new ArrayList<>();
        boolean stdin = c.operands.isEmpty();
        for (ShellWord w : c.operands) {
            if (w.is("-")) {
                stdin = true;
            } else {
                files.add(w);
            }
        }
        List<String> checked = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        if (stdin) {
            List<String> lines = new ArrayList<>();
            for (Redirection r : command.redirections()) {
                if (r.operator().equals("<<<")) {
                    lines.add(r.target().value());
                } else if (r.isHeredoc()) {
                    lines.add(r.heredocBody());
                }
            }
            for (SimpleCommand upstream : script.pipeline(command)) {
                if (upstream.pipelinePosition() < command.pipelinePosition()
                        && (upstream.isNamed("echo") || upstream.isNamed("printf"))) {
                    StringBuilder sb = new StringBuilder();
                    for (ShellWord w : upstream.args()) {
                        if (!w.value().startsWith("-")) {
                            sb.append(w.value().replace("\\n", "\n")).append(' ');
                        }
                    }
                    lines.add(sb.toString());
                }
            }
            for (String text : lines) {
                for (String line : text.split("\n")) {
                    String[] parts = line.trim().split("[ \t*]+", 3);
                    if (parts.length >= 2 && parts[0].length() >= 32) {
                        hashes.add(parts[0]);
                        checked.add(parts[1]);
                    } else if (parts.length == 1 && parts[0].length() >= 32) {
                        hashes.add(parts[0]);
                    }
                }
            }
        }
        return new ChecksumCheck(command, tool, algorithm, files, checked, hashes);
    }
}
