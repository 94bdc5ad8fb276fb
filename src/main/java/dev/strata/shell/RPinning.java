package dev.strata.shell;

import java.util.regex.Pattern;

/**
 * When an R install call found by {@link RCode} is pinned: the one notion the audit rule
 * r-package-unpinned and lock/pin share, so that what pin writes is what the audit accepts.
 */
public final class RPinning {
    /** A repository URL with a date in its path (Posit package manager, MRAN and similar snapshots). */
    public static final Pattern DATED = Pattern.compile("https?://[^'\"\\s)]*/(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern OPTIONS_REPOS = Pattern.compile("options\\s*\\(\\s*repos\\s*=");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");

    private RPinning() {}

    /** Whether {@code code} sets {@code options(repos = …)} to a dated repository (what install.packages uses without repos=). */
    public static boolean setsDatedRepos(String code) {
        return OPTIONS_REPOS.matcher(code).find() && DATED.matcher(code).find();
    }

    /** {@code repos = NULL}: install.packages installs local files, nothing from a repository. */
    public static boolean installsLocalFiles(String code, RCode.Call call) {
        RCode.Arg repos = call.named("repos");
        return repos != null && code.substring(repos.start(), repos.end()).equals("NULL");
    }

    /** install.packages from dated repositories only: its repos= literals, or without repos= the options(repos=) the code sets. */
    public static boolean datedInstallPackages(String code, RCode.Call call) {
        RCode.Arg repos = call.named("repos");
        return repos != null ? repos.literals() != null && !repos.literals().isEmpty()
                && repos.literals().stream().allMatch(l -> DATED.matcher(l.value()).find())
                : setsDatedRepos(code);
    }

    /** BiocManager::install with a fixed Bioconductor version and a dated repository for its CRAN dependencies. */
    public static boolean pinnedBioc(String code, RCode.Call call) {
        return call.named("version") != null && DATED.matcher(code).find();
    }

    /** A git ref that is a (possibly abbreviated) commit. */
    public static boolean isCommit(String ref) {
        return COMMIT.matcher(ref).matches();
    }
}
