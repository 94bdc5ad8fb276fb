package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import java.util.List;

/** `zypper install` of a package without a version. */
public final class ZypperUnpinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("zypper-unpinned", "DL3037", Severity.ERROR, Layer.SYSTEM_DEPENDENCIES,
            "`zypper install` of a package without a version.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        return UnpinnedSystemPackages.check(model, SystemPackages.Manager.ZYPPER, "");
    }
}
