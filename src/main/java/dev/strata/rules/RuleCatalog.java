package dev.strata.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every audit rule, in the order of DESIGN.md's catalog (also the order of SARIF's rule list). */
public final class RuleCatalog {
    private static final List<Rule> RULES = List.of(
            new BaseImageLatestRule(),
            new BaseImageUntaggedRule(),
            new BaseImageNotDigestPinnedRule(),
            new BaseImageFromUnpinnedArgRule(),
            new AptUnpinnedRule(),
            new AptLiveMirrorRule(),
            new ApkUnpinnedRule(),
            new YumUnpinnedRule(),
            new DnfUnpinnedRule(),
            new ZypperUnpinnedRule(),
            new PipUnpinnedRule(),
            new PipRequirementsUnlockedRule(),
            new PipSelfUpgradeRule(),
            new CondaUnpinnedRule(),
            new InstallerLatestRule(),
            new DownloadUnverifiedRule(),
            new PipeToShellRule(),
            new GitUnpinnedRule(),
            new NpmUnpinnedRule(),
            new NpmInstallWithoutLockfileRule(),
            new GemUnpinnedRule(),
            new GoInstallUnpinnedRule(),
            new CargoInstallUnpinnedRule(),
            new RPackageUnpinnedRule(),
            new CopyWholeContextRule(),
            new DockerignoreMissingRule(),
            new ArchSpecificDownloadRule(),
            new NondeterministicLeftoversRule());

    private RuleCatalog() {}

    /** The rules. */
    public static List<Rule> all() {
        return RULES;
    }

    /** The rules' metadata. */
    public static List<RuleInfo> infos() {
        return RULES.stream().map(Rule::info).toList();
    }

    /** The rule ids. */
    public static Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        for (Rule r : RULES) {
            ids.add(r.info().id());
        }
        return ids;
    }
}
