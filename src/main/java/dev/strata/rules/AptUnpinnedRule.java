package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import java.util.List;

/** `apt-get install` of a package without `=version`. */
public final class AptUnpinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("apt-unpinned", "DL3008", Severity.ERROR, Layer.SYSTEM_DEPENDENCIES,
            "`apt-get install` of a package without `=version`.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        return UnpinnedSystemPackages.check(model, SystemPackages.Manager.APT, "; install from a dated snapshot (snapshot.debian.org / snapshot.ubuntu.com) so those versions stay available");
    }
}
