package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.BaseImage;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.ImageReference;
import dev.strata.rules.model.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code FROM ${IMG}} whose global ARG default floats. A variable without a default is decided at
 * build time and is not flagged.
 */
public final class BaseImageFromUnpinnedArgRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("base-image-from-unpinned-arg", null, Severity.WARNING, Layer.CONTAINER,
            "`FROM ${IMG}` whose ARG default floats.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (Stage s : model.stages()) {
            if (s.base() instanceof BaseImage.Image img && !img.variables().isEmpty()) {
                ImageReference ref = img.reference();
                if (!ref.hasDigest()) {
                    var word = s.from().image().orElseThrow();
                    String vars = String.join(", ", img.variables());
                    String pinned = ref.repository() + ":"
                            + (ref.tag() == null || ref.tag().equals("latest") ? Fixes.suggestedTag(ref.repository()) : ref.tag())
                            + "@sha256:<digest>";
                    hits.add(Hit.at(model, s.from().instruction(), word.span(),
                            "`" + word.value() + "` resolves through the ARG default (" + vars + ") to `" + ref.text()
                                    + "`, which is not pinned by digest: everyone who builds without --build-arg gets"
                                    + " whatever that tag points to on the day.",
                            "pin the default: ARG " + img.variables().iterator().next() + "=" + pinned
                                    + " (when the variable holds the whole reference)  " + Fixes.LOCK_NOTE));
                }
            }
        }
        return hits;
    }
}
