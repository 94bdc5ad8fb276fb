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
 *                         {@code dated-snapshot} (R), {@code yes}, {@code all} (conda update --all), ...
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

    /**
     * Whether this call installs or upgrades packages in the image. Refreshing an index ({@code apt-get update}),
     * removing ({@code remove}, {@code autoremove}, {@code uninstall}), cleaning caches, downloading without
     * installing ({@code pip download}, {@code pip wheel}) and configuring are not installs.
     */
    public boolean installs() {
        return switch (ecosystem) {
            case APT -> Set.of("install", "upgrade", "dist-upgrade", "full-upgrade", "reinstall", "build-dep",
                    "satisfy", "safe-upgrade").contains(action);
            case APK -> Set.of("add", "upgrade", "fix").contains(action);
            case RPM -> Set.of("install", "update", "upgrade", "reinstall", "downgrade", "distro-sync", "localinstall",
                    "group install", "group update", "group upgrade", "module install", "module update").contains(action);
            case ZYPPER -> Set.of("install", "update", "dist-upgrade", "patch").contains(action);
            case PIP -> Set.of("install", "sync", "add", "tool install").contains(action);
            case CONDA -> Set.of("install", "create", "update", "upgrade", "env create", "env update").contains(action);
            case NPM -> Set.of("install", "add", "ci", "update", "upgrade", "up", "global add").contains(action);
            case GEM -> Set.of("install", "update").contains(action);
            case GO -> Set.of("install", "get").contains(action);
            case CARGO -> action.equals("install");
            case R -> true; // only package-installing R calls are recognized
        };
    }
}
