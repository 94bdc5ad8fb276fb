package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import java.util.List;

/** `dnf`/`microdnf install` of a package without a version. */
public final class DnfUnpinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("dnf-unpinned", "DL3041", Severity.ERROR, Layer.SYSTEM_DEPENDENCIES,
            "`dnf`/`microdnf install` of a package without a version.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        return UnpinnedSystemPackages.check(model, SystemPackages.Manager.DNF, "");
    }
}
