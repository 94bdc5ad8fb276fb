package dev.strata.shell;

import java.util.List;
import java.util.Set;

/**
 * A package-manager invocation: apt-get/apt, apk, yum/dnf/microdnf, zypper, pip (all spellings,
 * uv pip), uv/poetry/pipenv, conda/mamba/micromamba, npm/yarn/pnpm, gem, go, cargo, R.
 *
 * @param command          the command
 * @param ecosystem        the ecosystem
 * @param tool             the tool as invoked, normalized ({@code apt-get}, {@code pip3}, {@code python -m pip},
 *                         {@code uv pip}, {@code mamba}, {@code Rscript})
 * @param action           the subcommand ({@code install}, {@code update}, {@code upgrade}, {@code add},
 *                         {@code ci}, {@code sync}, {@code create}, {@code env create}, {@code env update},
 *                         {@code module enable}, {@code get}, {@code install.packages}, {@code restore}, ...)
 * @param packages         the package arguments
 * @param files            requirement/environment/lock files read ({@code -r}, {@code --file}, {@code -f},
 *                         {@code renv.lock})
 * @param constraintFiles  pip {@code -c} files
 * @param indexes          index URLs, channels, repositories ({@code -i}, {@code -c conda-forge},
 *                         {@code --repository}, R {@code repos=})
 * @param extraIndexes     pip {@code --extra-index-url}
 * @param flags            normalized options present: {@code no-install-recommends}, {@code upgrade},
 *                         {@code require-hashes}, {@code no-deps}, {@code pre}, {@code user}, {@code no-cache},
 *                         {@code global}, {@code frozen-lockfile}, {@code locked}, {@code editable},
 *                         {@code dated-snapshot} (R), {@code yes}, ...
 * @param targetRelease    apt {@code -t}/{@code --target-release}, else ""
 * @param argumentsUnknown true when some arguments are not visible ({@code xargs}) or not understood
 */
public record PackageManagerCall(SimpleCommand command, Ecosystem ecosystem, String tool, String action,
                                 List<PackageSpec> packages, List<ShellWord> files, List<ShellWord> constraintFiles,
                                 List<ShellWord> indexes, List<ShellWord> extraIndexes, Set<String> flags,
                                 String targetRelease, boolean argumentsUnknown) implements ToolCall {
    public PackageManagerCall {
        packages = List.copyOf(packages);
        files = List.copyOf(files);
        constraintFiles = List.copyOf(constraintFiles);
        indexes = List.copyOf(indexes);
        extraIndexes = List.copyOf(extraIndexes);
        flags = Set.copyOf(flags);
    }

    public boolean hasFlag(String flag) {
        return flags.contains(flag);
    }

    /** Whether this call installs or upgrades packages (as opposed to refreshing an index). */
    public boolean installs() {
        return !action.equals("update") || ecosystem != Ecosystem.APT && ecosystem != Ecosystem.APK;
    }
}
