package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.shell.RCode;
import dev.strata.shell.RPinning;
import dev.strata.shell.Redirection;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * R packages from a moving repository: {@code install.packages()} without a dated snapshot
 * repository, {@code install_github} without a commit, {@code BiocManager::install}, and littler's
 * {@code install2.r} without a dated repository. {@code install_version(..., version=)} and
 * {@code renv::restore()} are pinned. R code ({@code -e} expressions, or an R script on a heredoc
 * read from stdin, {@code Rscript - <<EOF}) is read with {@link RCode} and judged with {@link
 * RPinning}: the scanner and the notion of pinned lock and pin use, so what pin writes this rule
 * accepts.
 */
public final class RPackageUnpinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("r-package-unpinned", null, Severity.ERROR, Layer.LANGUAGE_DEPENDENCIES,
            "`install.packages()` from a moving CRAN.");
    private static final Pattern DATED = RPinning.DATED;
    private static final Pattern COMMIT = Pattern.compile("@[0-9a-f]{7,40}|ref\\s*=\\s*['\"][0-9a-f]{7,40}['\"]");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (Commands.Located l : Commands.all(model)) {
            SimpleCommand c = l.command();
            List<RSource> sources = new ArrayList<>();
            if (l.is("R", "Rscript")) {
                sources.addAll(rCode(c));
            } else if (l.is("installGithub.r")) {
                // installGithub.r has no repository option: what pins it is a commit in each owner/repo@ref
                Invocation inv = Invocation.parse(c, c.args(), 0, Invocation.set("-d", "--deps", "-u", "--update"));
                for (ShellWord w : inv.operands()) {
                    if (w.known() && !COMMIT.matcher(w.value()).find()) {
                        hits.add(Commands.at(model, l.run(), w,
                                "`" + Commands.text(model, c) + "` installs " + w.value() + " from GitHub without a commit: a rebuild installs"
                                        + " whatever the branch holds then.",
                                "installGithub.r " + w.value().replaceAll("@.*$", "") + "@<commit>"));
                    }
                }
                continue;
            } else if (l.is("install2.r")) {
                Invocation inv = Invocation.parse(c, c.args(), 0, Invocation.set("-r", "--repos", "-l", "--libloc", "-n", "--ncpus", "-t", "--type"));
                boolean dated = inv.values("-r", "--repos").stream().anyMatch(w -> DATED.matcher(w.value()).find());
                if (!dated && !inv.operands().isEmpty()) {
                    ShellWord first = inv.operands().get(0);
                    hits.add(Commands.at(model, l.run(), first,
                            "`" + Commands.text(model, c) + "` installs today's CRAN versions of " + Commands.names(inv.operands()) + ".",
                            Commands.text(model, c).replaceFirst("install2\\.r", "install2.r -r https://packagemanager.posit.co/cran/<YYYY-MM-DD>")
                                    + "  (a dated snapshot of CRAN)"));
                }
                continue;
            }
            for (RSource source : sources) {
                String why = floating(source.code());
                if (why != null) {
                    hits.add(Commands.at(model, l.run(), source.at(),
                            "`" + Commands.text(model, c) + "` " + why + ": CRAN and GitHub serve only what is current, so a rebuild"
                                    + " installs newer packages, or fails once one is archived.",
                            "install from a dated snapshot, e.g. install.packages('pkg', repos='https://packagemanager.posit.co/cran/<YYYY-MM-DD>'),"
                                    + " or remotes::install_version('pkg', '<version>'), or restore an renv.lock with renv::restore()"));
                }
            }
        }
        return hits;
    }

    /** R code a command runs, and the word a finding about it points at. */
    private record RSource(ShellWord at, String code) {}

    /**
     * The R code {@code R}/{@code Rscript} runs: each known {@code -e} expression, else a heredoc on
     * stdin ({@code R} reads stdin by default, {@code Rscript} with {@code -} or {@code /dev/stdin}).
     */
    private static List<RSource> rCode(SimpleCommand c) {
        List<RSource> out = new ArrayList<>();
        List<ShellWord> args = c.args();
        boolean stdin = c.name().equals("R");
        boolean expressions = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).value();
            if ((a.equals("-e") || a.equals("--expr")) && i + 1 < args.size()) {
                ShellWord e = args.get(++i);
                expressions = true;
                if (e.known()) {
                    out.add(new RSource(e, e.value()));
                }
            } else if (a.equals("-") || a.equals("/dev/stdin")) {
                stdin = true;
            } else if (a.equals("-f") || a.equals("--file") || a.startsWith("--file=") || !a.startsWith("-") && c.name().equals("Rscript")) {
                return out; // a script file: its code is not in the Dockerfile
            }
        }
        if (expressions || !stdin) {
            return out;
        }
        for (Redirection r : c.redirections()) {
            // a body the shell expands may hold variables: judged on its text, as lock reads it
            if (r.isHeredoc() && r.fd() <= 0) {
                out.add(new RSource(c.words().get(0), r.heredocBody()));
            }
        }
        return out;
    }

    /** Why R code installs floating packages, or null when it does not. */
    static String floating(String code) {
        for (RCode.Call call : RCode.installCalls(code)) {
            switch (call.shortName()) {
                case "install.packages" -> {
                    if (!RPinning.installsLocalFiles(code, call) && !RPinning.datedInstallPackages(code, call)) {
                        return "calls install.packages() without a dated repository";
                    }
                }
                case "install_github" -> {
                    String unpinned = githubWithoutCommit(call);
                    if (unpinned != null) {
                        return "installs " + unpinned + " from GitHub without a commit";
                    }
                }
                default -> {
                    if (!RPinning.pinnedBioc(code, call)) {
                        return "installs Bioconductor packages at whatever version the release currently serves";
                    }
                }
            }
        }
        return null;
    }

    /** The first repository install_github takes without a commit (as {@code @ref} or {@code ref=}), or null. */
    private static String githubWithoutCommit(RCode.Call call) {
        RCode.Arg repo = call.first("repo");
        if (repo == null || repo.literals() == null) {
            return null; // not literal: what it installs is not known here
        }
        RCode.Arg ref = call.named("ref");
        for (RCode.Literal l : repo.literals()) {
            String spec = l.value();
            int at = spec.indexOf('@');
            String r = ref != null && ref.literals() != null && ref.literals().size() == 1 ? ref.literals().get(0).value()
                    : at < 0 ? "" : spec.substring(at + 1);
            if (!RPinning.isCommit(r)) {
                return at < 0 ? spec : spec.substring(0, at);
            }
        }
        return null;
    }
}
