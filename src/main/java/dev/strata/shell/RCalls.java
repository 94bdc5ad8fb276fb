package dev.strata.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * R package installation: {@code Rscript -e '...'} / {@code R -e "..."} expressions calling
 * install.packages, remotes/devtools install_version and install_github, BiocManager::install,
 * renv::restore, pak; and littler's install2.r / installGithub.r / installBioc.r.
 */
final class RCalls {
    private RCalls() {
    }

    static List<ToolCall> rscript(SimpleCommand command, String tool, List<ShellWord> args) {
        List<ToolCall> out = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i++) {
            String a = args.get(i).value();
            if (a.equals("-e") || a.equals("--expr")) {
                ShellWord expr = args.get(i + 1);
                for (RCall call : calls(expr.value())) {
                    ToolCall tc = toCall(command, tool, expr, call);
                    if (tc != null) {
                        out.add(tc);
                    }
                }
                i++;
            }
        }
        return out;
    }

    static ToolCall littler(SimpleCommand command, String tool, List<ShellWord> args) {
        CommandLine c = CommandLine.parse(args, Set.of("-r", "--repos", "-n", "--ncpus", "-d", "--deps", "-l",
                "--libloc", "-t", "--type", "-u", "--update"));
        List<PackageSpec> packages = new ArrayList<>();
        for (ShellWord w : c.operands) {
            if (tool.equals("installGithub.r")) {
                packages.add(github(w, w.value()));
            } else {
                packages.add(new PackageSpec(w, w.value(), "", "", false, "", SpecKind.NAME));
            }
        }
        List<ShellWord> repos = c.all("-r", "--repos");
        Set<String> flags = new LinkedHashSet<>();
        if (repos.isEmpty()) {
            flags.add("default-repos");
        } else if (repos.stream().allMatch(w -> w.known() && isDatedRepository(w.value()))) {
            flags.add("dated-snapshot");
        }
        String action = tool.equals("installGithub.r") ? "install_github"
                : tool.equals("installBioc.r") ? "BiocManager::install" : "install.packages";
        return new PackageManagerCall(command, Ecosystem.R, tool, action, packages, List.of(), List.of(), repos,
                List.of(), flags, "", command.argumentsFromInput());
    }

    /** A parsed R function call: its name and arguments (name or null, string values or null if not literal). */
    record RCall(String function, List<String> argNames, List<List<String>> argValues) {
        List<String> positional(int index) {
            int k = 0;
            for (int i = 0; i < argNames.size(); i++) {
                if (argNames.get(i) == null) {
                    if (k == index) {
                        return argValues.get(i);
                    }
                    k++;
                }
            }
            return null;
        }

        List<String> named(String name) {
            for (int i = 0; i < argNames.size(); i++) {
                if (name.equals(argNames.get(i))) {
                    return argValues.get(i);
                }
            }
            return null;
        }

        boolean hasNamed(String name) {
            return argNames.contains(name);
        }
    }

    private static final Set<String> FUNCTIONS = Set.of("install.packages", "install_version", "install_github",
            "install_gitlab", "install_bitbucket", "install_git", "install_cran", "install", "restore", "pkg_install",
            "pak", "install_url");

    /** Finds calls of the known installer functions in R code, with the scanner lock and pin use. */
    static List<RCall> calls(String code) {
        List<RCall> out = new ArrayList<>();
        for (RCode.Call call : RCode.calls(code, RCalls::known)) {
            List<String> names = new ArrayList<>();
            List<List<String>> values = new ArrayList<>();
            for (RCode.Arg a : call.args()) {
                names.add(a.name());
                values.add(a.literals() == null ? null : a.literals().stream().map(RCode.Literal::value).toList());
            }
            out.add(new RCall(call.function(), names, values));
        }
        return out;
    }

    /** An installer function as written: install and restore only as BiocManager::, renv::; pak only as pak::pak. */
    static boolean known(String ident) {
        String shortName = ident.substring(ident.lastIndexOf(':') + 1);
        String ns = ident.indexOf("::") > 0 ? ident.substring(0, ident.indexOf("::")) : "";
        return FUNCTIONS.contains(shortName)
                && (!shortName.equals("install") || ns.equals("BiocManager"))
                && (!shortName.equals("restore") || ns.equals("renv"))
                && (!shortName.equals("pak") || ns.equals("pak"));
    }

    private static ToolCall toCall(SimpleCommand command, String tool, ShellWord expr, RCall call) {
        String fn = call.function();
        String shortName = fn.substring(fn.lastIndexOf(':') + 1);
        List<PackageSpec> packages = new ArrayList<>();
        Set<String> flags = new LinkedHashSet<>();
        List<ShellWord> indexes = new ArrayList<>();
        List<ShellWord> files = new ArrayList<>();
        boolean unknownArgs = !expr.known();
        List<String> first = call.positional(0);
        if (first == null) {
            first = call.named(shortName.equals("install_version") ? "package" : "pkgs");
        }
        if (first == null && shortName.equals("install_github")) {
            first = call.named("repo");
        }
        if (first == null && !shortName.equals("restore") && !(shortName.equals("install") && call.argNames().isEmpty())) {
            unknownArgs = true;
        }
        switch (shortName) {
            case "install_version" -> {
                List<String> version = call.positional(1);
                if (version == null) {
                    version = call.named("version");
                }
                String v = version == null || version.isEmpty() ? "" : version.get(0);
                if (first != null) {
                    for (String name : first) {
                        boolean exact = !v.isEmpty() && Specs.isPlainVersion(v) && expr.known();
                        packages.add(new PackageSpec(locate(expr, name), name, v.isEmpty() ? "" : "version=" + v, v,
                                exact, "", SpecKind.NAME));
                    }
                }
            }
            case "install_github", "install_gitlab", "install_bitbucket", "install_git" -> {
                List<String> ref = call.named("ref");
                if (first != null) {
                    for (String spec : first) {
                        PackageSpec p = github(locate(expr, spec), spec);
                        if (ref != null && !ref.isEmpty()) {
                            String r = ref.get(0);
                            p = new PackageSpec(p.word(), p.name(), "@" + r, r, expr.known() && ToolCalls.looksLikeCommit(r),
                                    p.qualifier(), SpecKind.VCS);
                        }
                        packages.add(p);
                    }
                }
            }
            case "restore" -> {
                List<String> lock = call.named("lockfile");
                files.add(CommandLine.sub(expr, lock == null || lock.isEmpty() ? "renv.lock" : lock.get(0)));
                flags.add("lockfile");
            }
            default -> {
                if (first != null) {
                    for (String name : first) {
                        packages.add(new PackageSpec(locate(expr, name), name, "", "", false, "", SpecKind.NAME));
                    }
                }
            }
        }
        List<String> repos = call.named("repos");
        if (repos != null) {
            for (String r : repos) {
                indexes.add(locate(expr, r));
            }
            if (!repos.isEmpty() && repos.stream().allMatch(RCalls::isDatedRepository)) {
                flags.add("dated-snapshot");
            }
        } else if (call.hasNamed("repos")) {
            unknownArgs = true;
        } else if (!shortName.equals("restore")) {
            flags.add("default-repos");
        }
        if (shortName.equals("install") && fn.startsWith("BiocManager")) {
            List<String> v = call.named("version");
            if (v != null && !v.isEmpty()) {
                flags.add("bioconductor-" + v.get(0));
            }
        }
        String action = fn.startsWith("BiocManager") ? "BiocManager::install" : shortName;
        return new PackageManagerCall(command, Ecosystem.R, tool, action, packages, files, List.of(), indexes,
                List.of(), flags, "", unknownArgs || command.argumentsFromInput());
    }

    private static PackageSpec github(ShellWord w, String spec) {
        int at = spec.indexOf('@');
        String repo = at < 0 ? spec : spec.substring(0, at);
        String ref = at < 0 ? "" : spec.substring(at + 1);
        String name = repo.substring(repo.lastIndexOf('/') + 1);
        return new PackageSpec(w, name, ref.isEmpty() ? "" : "@" + ref, ref, w.known() && ToolCalls.looksLikeCommit(ref),
                repo, SpecKind.VCS);
    }

    /** A word narrowed to where {@code literal} appears in it (when it appears exactly once). */
    static ShellWord locate(ShellWord w, String literal) {
        int idx = literal.isEmpty() ? -1 : w.raw().indexOf(literal);
        if (idx < 0 || w.raw().indexOf(literal, idx + 1) >= 0) {
            return CommandLine.sub(w, literal);
        }
        return new ShellWord(literal, w.known(), w.unknownVariables(), literal, w.start() + idx,
                w.start() + idx + literal.length(), true);
    }

    /** A repository URL fixed to a date: Posit/RStudio package manager or MRAN snapshots. */
    static boolean isDatedRepository(String url) {
        if (url.contains("mran.microsoft.com/snapshot/") || url.contains("cran.microsoft.com/snapshot/")) {
            return true;
        }
        for (int i = 0; i + 10 <= url.length(); i++) {
            if (isDate(url, i) && (i == 0 || url.charAt(i - 1) == '/')
                    && (i + 10 == url.length() || url.charAt(i + 10) == '/')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDate(String s, int i) {
        for (int k = 0; k < 10; k++) {
            char c = s.charAt(i + k);
            boolean ok = (k == 4 || k == 7) ? c == '-' : Specs.isDigit(c);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
