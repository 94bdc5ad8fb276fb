package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.BaseImage;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.ImageReference;
import dev.strata.rules.model.Stage;
import java.util.ArrayList;
import java.util.List;

/** {@code FROM x} without tag or digest: implicitly {@code latest}. */
public final class BaseImageUntaggedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("base-image-untagged", "DL3006", Severity.ERROR, Layer.CONTAINER,
            "`FROM image` without a tag means `latest`.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (Stage s : model.stages()) {
            if (s.base() instanceof BaseImage.Image img && img.variables().isEmpty()) {
                ImageReference ref = img.reference();
                if (!ref.hasDigest() && ref.tag() == null) {
                    var word = s.from().image().orElseThrow();
                    String fixed = ref.repository() + ":" + Fixes.suggestedTag(ref.repository()) + "@sha256:<digest>";
                    hits.add(Hit.at(model, s.from().instruction(), word.span(),
                            "`" + ref.text() + "` has no tag, so it means `" + ref.text() + ":latest`, which the publisher moves"
                                    + " at every release: a rebuild later starts from a different system.",
                            Fixes.replace(model, s.from().instruction(), word.span(), fixed) + "  " + Fixes.LOCK_NOTE));
                }
            }
        }
        return hits;
    }
}
