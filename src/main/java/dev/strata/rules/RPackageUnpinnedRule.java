package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * R packages from a moving repository: {@code install.packages()} without a dated snapshot
 * repository, {@code install_github} without a commit, {@code BiocManager::install}, and littler's
 * {@code install2.r} without a dated repository. {@code install_version(..., version=)} and
 * {@code renv::restore()} are pinned.
 */
public final class RPackageUnpinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("r-package-unpinned", null, Severity.ERROR, Layer.LANGUAGE_DEPENDENCIES,
            "`install.packages()` from a moving CRAN.");
    private static final Pattern DATED = Pattern.compile("https?://[^'\"\\s)]*/(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern GITHUB = Pattern.compile("install_github\\s*\\(\\s*['\"]([^'\"]+)['\"]([^)]*)\\)");
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
            List<ShellWord> exprs = new ArrayList<>();
            if (l.is("R", "Rscript")) {
                exprs.addAll(Invocation.parse(c, c.args(), 0, Set.of("-e", "--file", "-f")).values("-e"));
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
            for (ShellWord e : exprs) {
                if (!e.known()) {
                    continue;
                }
                String why = floating(e.value());
                if (why != null) {
                    hits.add(Commands.at(model, l.run(), e,
                            "`" + Commands.text(model, c) + "` " + why + ": CRAN and GitHub serve only what is current, so a rebuild"
                                    + " installs newer packages, or fails once one is archived.",
                            "install from a dated snapshot, e.g. install.packages('pkg', repos='https://packagemanager.posit.co/cran/<YYYY-MM-DD>'),"
                                    + " or remotes::install_version('pkg', '<version>'), or restore an renv.lock with renv::restore()"));
                }
            }
        }
        return hits;
    }

    /** Why an R expression installs floating packages, or null when it does not. */
    static String floating(String expr) {
        if (expr.contains("install.packages(") && !DATED.matcher(expr).find()) {
            return "calls install.packages() without a dated repository";
        }
        var m = GITHUB.matcher(expr);
        while (m.find()) {
            if (!COMMIT.matcher(m.group(1) + m.group(2)).find()) {
                return "installs " + m.group(1) + " from GitHub without a commit";
            }
        }
        if (expr.contains("BiocManager::install(") && !DATED.matcher(expr).find()) {
            return "installs Bioconductor packages at whatever version the release currently serves";
        }
        return null;
    }
}
