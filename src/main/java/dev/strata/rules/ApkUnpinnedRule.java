package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import java.util.List;

/** `apk add` of a package without `=version`. */
public final class ApkUnpinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("apk-unpinned", "DL3018", Severity.ERROR, Layer.SYSTEM_DEPENDENCIES,
            "`apk add` of a package without `=version`.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        return UnpinnedSystemPackages.check(model, SystemPackages.Manager.APK, "");
    }
}
