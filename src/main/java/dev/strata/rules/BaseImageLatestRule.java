package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.BaseImage;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.ImageReference;
import dev.strata.rules.model.Stage;
import java.util.ArrayList;
import java.util.List;

/** {@code FROM x:latest}: the publisher moves the tag at every release. */
public final class BaseImageLatestRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("base-image-latest", "DL3007", Severity.ERROR, Layer.CONTAINER,
            "`FROM image:latest` follows whatever the registry serves today.");

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
                if (!ref.hasDigest() && "latest".equals(ref.tag())) {
                    var word = s.from().image().orElseThrow();
                    String fixed = ref.repository() + ":" + Fixes.suggestedTag(ref.repository()) + "@sha256:<digest>";
                    hits.add(Hit.at(model, s.from().instruction(), word.span(),
                            "`" + ref.text() + "` is whatever " + ref.repository() + " was last tagged `latest`: the publisher"
                                    + " moves the tag at every release, so a rebuild later starts from a different system and"
                                    + " everything installed on top resolves against it.",
                            Fixes.replace(model, s.from().instruction(), word.span(), fixed) + "  " + Fixes.LOCK_NOTE));
                }
            }
        }
        return hits;
    }
}
