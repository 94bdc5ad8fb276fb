package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A bare {@code npm install} / {@code yarn install} / {@code pnpm install} of a project with no lock file in the build context. */
public final class NpmInstallWithoutLockfileRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("npm-install-without-lockfile", null, Severity.WARNING, Layer.LANGUAGE_DEPENDENCIES,
            "`npm install` of a project without a lock file.");
    private static final Map<String, List<String>> LOCKS = Map.of(
            "npm", List.of("package-lock.json", "npm-shrinkwrap.json"),
            "yarn", List.of("yarn.lock"),
            "pnpm", List.of("pnpm-lock.yaml"));
    private static final Map<String, String> FROZEN = Map.of(
            "npm", "npm ci", "yarn", "yarn install --frozen-lockfile", "pnpm", "pnpm install --frozen-lockfile");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (NodePackages.Install in : NodePackages.all(model)) {
            if (!in.packages().isEmpty() || in.global()) {
                continue;
            }
            List<String> locks = LOCKS.getOrDefault(in.tool(), List.of());
            boolean found = false;
            for (String lock : locks) {
                if (ContextPaths.resolve(model, in.run().step(), lock).isPresent()) {
                    found = true;
                }
            }
            if (found) {
                continue;
            }
            hits.add(Commands.at(model, in.run(), in.subcommand(),
                    "`" + Commands.text(model, in.command()) + "` resolves the ranges in package.json afresh at every build:"
                            + " the build context has no " + String.join(" or ", locks) + ", so transitive dependencies drift.",
                    "commit a lock file, COPY it with package.json, and use `" + FROZEN.get(in.tool()) + "`"));
        }
        return hits;
    }
}
