package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import java.util.List;

/** `yum install` of a package without a version. */
public final class YumUnpinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("yum-unpinned", "DL3033", Severity.ERROR, Layer.SYSTEM_DEPENDENCIES,
            "`yum install` of a package without a version.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        return UnpinnedSystemPackages.check(model, SystemPackages.Manager.YUM, "");
    }
}
