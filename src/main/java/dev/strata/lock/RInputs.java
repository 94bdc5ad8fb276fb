package dev.strata.lock;

import dev.strata.shell.RCode;
import dev.strata.shell.RPinning;
import dev.strata.shell.Redirection;
import dev.strata.shell.Script;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The R installs of a RUN: {@code R -e} / {@code Rscript -e} expressions and R scripts fed on a
 * heredoc ({@code Rscript - <<EOF}) calling {@code install.packages}, {@code BiocManager::install}
 * or {@code install_github}, and littler's {@code install2.r}, {@code installGithub.r} and
 * {@code installBioc.r}. R code is edited in place only when its source text is exactly the code R
 * runs (one pair of shell quotes around it, or a heredoc body the shell does not expand); strings
 * pin adds use the quote the shell quoting leaves free ({@code '} inside {@code "..."}, {@code "}
 * inside {@code '...'}).
 */
final class RInputs {
    /** A dated repository as the audit rule r-package-unpinned recognises it. */
    static final Pattern DATED = RPinning.DATED;
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z][A-Za-z0-9.]*");
    private static final Pattern GITHUB = Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+)(?:@([A-Za-z0-9._/-]+))?");
    private static final Set<String> LITTLER_VALUE_OPTIONS = Set.of("-r", "--repos", "-n", "--ncpus", "-d", "--deps", "-l", "--libloc",
            "-t", "--type");

    private RInputs() {}

    /** R code and where it sits in the Dockerfile source ({@code base} -1: not editable in place). */
    private record Code(String text, int base, char quote, String why) {}

    static void find(Script script, String source, int line, List<LockTarget> targets, List<String> notes) {
        for (SimpleCommand c : script.commands()) {
            switch (c.name()) {
                case "R", "Rscript" -> {
                    for (Code code : rCode(c, source)) {
                        calls(code, line, targets, notes);
                    }
                }
                case "install2.r", "installGithub.r", "installBioc.r" -> littler(c, line, targets, notes);
                default -> {
                    // not an R installer
                }
            }
        }
    }

    /** The R code a command runs: each {@code -e} expression, else a heredoc on stdin. */
    private static List<Code> rCode(SimpleCommand c, String source) {
        List<Code> out = new ArrayList<>();
        List<ShellWord> args = c.args();
        boolean stdin = c.name().equals("R");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).value();
            if ((a.equals("-e") || a.equals("--expr")) && i + 1 < args.size()) {
                out.add(expression(args.get(++i)));
            } else if (a.equals("-") || a.equals("/dev/stdin")) {
                stdin = true;
            } else if (a.equals("-f") || a.equals("--file") || a.startsWith("--file=") || !a.startsWith("-") && c.name().equals("Rscript")) {
                return out; // a script file: its code is not in the Dockerfile
            }
        }
        if (!out.isEmpty() || !stdin) {
            return out;
        }
        for (Redirection r : c.redirections()) {
            if (r.isHeredoc() && r.fd() <= 0) {
                String body = r.heredocBody();
                boolean verbatim = r.bodyStart() >= 0 && r.bodyEnd() <= source.length()
                        && source.substring(r.bodyStart(), r.bodyEnd()).equals(body)
                        && (!r.expands() || body.indexOf('$') < 0 && body.indexOf('`') < 0 && body.indexOf('\\') < 0);
                out.add(new Code(body, verbatim ? r.bodyStart() : -1, preferredQuote(body),
                        "the heredoc is expanded by the shell or not verbatim"));
            }
        }
        return out;
    }

    private static Code expression(ShellWord w) {
        String raw = w.raw();
        if (!w.known()) {
            return new Code(w.value(), -1, '\'', "the expression depends on build-time variables");
        }
        if (w.embedded()) {
            return new Code(w.value(), -1, '\'', "the expression is inside a quoted string run by another shell");
        }
        if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'') && raw.charAt(raw.length() - 1) == raw.charAt(0)
                && raw.substring(1, raw.length() - 1).equals(w.value())) {
            return new Code(w.value(), w.start() + 1, raw.charAt(0) == '"' ? '\'' : '"', "");
        }
        return new Code(w.value(), -1, '\'', "the expression is not one plainly quoted shell word");
    }

    /** The quote R strings in {@code code} mostly use (double when tied, as R prints). */
    private static char preferredQuote(String code) {
        long single = code.chars().filter(ch -> ch == '\'').count();
        long dbl = code.chars().filter(ch -> ch == '"').count();
        return single > dbl ? '\'' : '"';
    }

    private static void calls(Code code, int line, List<LockTarget> targets, List<String> notes) {
        for (RCode.Call call : RCode.installCalls(code.text())) {
            switch (call.shortName()) {
                case "install.packages" -> installPackages(code, call, line, targets, notes);
                case "install_github" -> github(code, call, line, targets, notes);
                default -> bioc(code, call, line, targets, notes);
            }
        }
    }

    private static List<String> names(RCode.Arg arg) {
        return arg == null || arg.literals() == null ? null
                : arg.literals().stream().map(RCode.Literal::value).filter(n -> PACKAGE.matcher(n).matches()).toList();
    }

    private static void installPackages(Code code, RCode.Call call, int line, List<LockTarget> targets, List<String> notes) {
        RCode.Arg pkgs = call.first("pkgs");
        RCode.Arg repos = call.named("repos");
        String where = "line " + line + ": " + call.function() + "()";
        if (RPinning.installsLocalFiles(code.text(), call)) {
            return; // installs local source files: nothing comes from a repository
        }
        List<String> names = names(pkgs);
        if (names == null) {
            notes.add(where + ": package names are not string literals; not locked");
            return;
        }
        boolean dated = RPinning.datedInstallPackages(code.text(), call);
        List<LockTarget.RRepoEdit> edits = new ArrayList<>();
        if (!dated) {
            String q = String.valueOf(code.quote());
            if (code.base() < 0) {
                notes.add(where + ": locked, but pin can not add repos= in place (" + code.why() + ")");
            } else if (repos == null) {
                int at = code.base() + call.args().get(call.args().size() - 1).end();
                edits.add(new LockTarget.RRepoEdit(LockTarget.RValue.CRAN_URL, at, at, ", repos=" + q, q));
            } else if (repos.literals() != null && repos.literals().size() == 1) {
                RCode.Literal l = repos.literals().get(0);
                edits.add(new LockTarget.RRepoEdit(LockTarget.RValue.CRAN_URL, code.base() + l.start() + 1, code.base() + l.end() - 1, "", ""));
            } else {
                notes.add(where + ": repos= is not one string; locked, but not pinned");
            }
        }
        targets.add(new LockTarget.RPackages("install.packages", names, edits, dated, line));
    }

    private static void bioc(Code code, RCode.Call call, int line, List<LockTarget> targets, List<String> notes) {
        RCode.Arg pkgs = call.first("pkgs");
        List<String> names = pkgs == null ? List.of() : names(pkgs);
        String where = "line " + line + ": BiocManager::install()";
        if (names == null) {
            notes.add(where + ": package names are not string literals; not locked");
            return;
        }
        boolean hasVersion = call.named("version") != null;
        boolean dated = DATED.matcher(code.text()).find();
        List<LockTarget.RRepoEdit> edits = new ArrayList<>();
        if (code.base() < 0) {
            if (!hasVersion || !dated) {
                notes.add(where + ": locked, but pin can not edit it in place (" + code.why() + ")");
            }
        } else {
            String q = String.valueOf(code.quote());
            if (!dated) {
                // BiocManager takes CRAN dependencies from getOption("repos"): point it at the snapshot first
                int at = code.base() + call.start();
                edits.add(new LockTarget.RRepoEdit(LockTarget.RValue.CRAN_URL, at, at, "options(repos = c(CRAN = " + q, q + ")); "));
            }
            if (!hasVersion) {
                int at = call.args().isEmpty() ? code.base() + call.close() : code.base() + call.args().get(call.args().size() - 1).end();
                edits.add(new LockTarget.RRepoEdit(LockTarget.RValue.BIOC_RELEASE, at, at,
                        (call.args().isEmpty() ? "" : ", ") + "version=" + q, q));
            }
        }
        targets.add(new LockTarget.RPackages("BiocManager::install", names, edits, RPinning.pinnedBioc(code.text(), call), line));
    }

    private static void github(Code code, RCode.Call call, int line, List<LockTarget> targets, List<String> notes) {
        RCode.Arg repo = call.first("repo");
        RCode.Arg refArg = call.named("ref");
        String where = "line " + line + ": " + call.function() + "()";
        if (repo == null || repo.literals() == null) {
            notes.add(where + ": the repository is not a string literal; not locked");
            return;
        }
        if (refArg != null && (refArg.literals() == null || refArg.literals().size() != 1 || repo.literals().size() != 1)) {
            notes.add(where + ": ref= is not one string for one repository; not locked");
            return;
        }
        for (RCode.Literal l : repo.literals()) {
            var m = GITHUB.matcher(l.value());
            if (!m.matches()) {
                notes.add(where + ": '" + l.value() + "' is not owner/repo[@ref] (subdirectories and pull requests are not locked)");
                continue;
            }
            String ownerRepo = m.group(1);
            RCode.Literal refLiteral = refArg == null ? null : refArg.literals().get(0);
            String ref = refLiteral != null ? refLiteral.value() : m.group(2) == null ? "HEAD" : m.group(2);
            boolean pinned = RPinning.isCommit(ref);
            int start = -1;
            int end = -1;
            String prefix = "";
            if (code.base() >= 0) {
                RCode.Literal target = refLiteral != null ? refLiteral : l;
                start = code.base() + target.start() + 1;
                end = code.base() + target.end() - 1;
                prefix = refLiteral != null ? "" : ownerRepo + "@";
            } else if (!pinned) {
                notes.add(where + ": " + ownerRepo + " locked, but pin can not write the commit in place (" + code.why() + ")");
            }
            targets.add(new LockTarget.RGithub(ownerRepo, ref, start, end, prefix, pinned, line));
        }
    }

    /** littler: {@code install2.r [options] pkg...}, {@code installGithub.r owner/repo...}, {@code installBioc.r pkg...}. */
    private static void littler(SimpleCommand c, int line, List<LockTarget> targets, List<String> notes) {
        List<ShellWord> operands = new ArrayList<>();
        List<ShellWord> repos = new ArrayList<>();
        List<ShellWord> args = c.args();
        boolean reposJoined = false;
        for (int i = 0; i < args.size(); i++) {
            ShellWord w = args.get(i);
            String v = w.value();
            if (LITTLER_VALUE_OPTIONS.contains(v) && i + 1 < args.size()) {
                if (v.equals("-r") || v.equals("--repos")) {
                    repos.add(args.get(i + 1));
                }
                i++;
            } else if (v.startsWith("--repos=")) {
                reposJoined = true;
                repos.add(w);
            } else if (!v.startsWith("-")) {
                operands.add(w);
            }
        }
        boolean embedded = c.words().stream().anyMatch(ShellWord::embedded);
        String where = "line " + line + ": " + c.name();
        if (c.name().equals("installGithub.r")) {
            for (ShellWord w : operands) {
                var m = GITHUB.matcher(w.value());
                if (!w.known() || !m.matches()) {
                    notes.add(where + " " + w.raw() + ": not owner/repo[@ref]; not locked");
                    continue;
                }
                String ref = m.group(2) == null ? "HEAD" : m.group(2);
                Optional<int[]> range = embedded ? Optional.empty() : RunInputs.editableRange(w);
                targets.add(new LockTarget.RGithub(m.group(1), ref, range.map(r -> r[0]).orElse(-1), range.map(r -> r[1]).orElse(-1),
                        m.group(1) + "@", RPinning.isCommit(ref), line));
            }
            return;
        }
        List<String> names = operands.stream().filter(ShellWord::known).map(ShellWord::value)
                .filter(n -> PACKAGE.matcher(n).matches()).toList();
        if (names.isEmpty()) {
            return;
        }
        if (c.name().equals("installBioc.r")) {
            notes.add(where + ": Bioconductor packages locked, but installBioc.r has no option for a release or dated repository; not pinned");
            targets.add(new LockTarget.RPackages("installBioc.r", names, List.of(), false, line));
            return;
        }
        boolean dated = !repos.isEmpty() && repos.stream().allMatch(w -> w.known() && DATED.matcher(w.value()).find());
        List<LockTarget.RRepoEdit> edits = new ArrayList<>();
        if (!dated) {
            Optional<int[]> range = repos.size() == 1 && !reposJoined && !embedded ? RunInputs.editableRange(repos.get(0)) : Optional.empty();
            if (range.isPresent()) {
                edits.add(new LockTarget.RRepoEdit(LockTarget.RValue.CRAN_URL, range.get()[0], range.get()[1], "", ""));
            } else if (repos.isEmpty() && !embedded && c.words().get(0).known()) {
                int at = c.words().get(0).end();
                edits.add(new LockTarget.RRepoEdit(LockTarget.RValue.CRAN_URL, at, at, " -r ", ""));
            } else {
                notes.add(where + ": locked, but pin can not write -r in place (the command or its -r value is not plain text)");
            }
        }
        targets.add(new LockTarget.RPackages("install2.r", names, edits, dated, line));
    }
}
