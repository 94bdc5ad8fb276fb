package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.BaseImage;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.ImageReference;
import dev.strata.rules.model.Stage;
import java.util.ArrayList;
import java.util.List;

/** {@code FROM x:tag} without {@code @sha256:}: tags are mutable. */
public final class BaseImageNotDigestPinnedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("base-image-not-digest-pinned", null, Severity.WARNING, Layer.CONTAINER,
            "`FROM image:tag` without `@sha256:` can still move.");

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
                if (!ref.hasDigest() && ref.tag() != null && !ref.tag().equals("latest")) {
                    var word = s.from().image().orElseThrow();
                    hits.add(Hit.at(model, s.from().instruction(), word.span(),
                            "`" + ref.text() + "` is a tag, and tags are re-pushed (new point releases, security rebuilds):"
                                    + " only a digest names fixed bytes.",
                            Fixes.replace(model, s.from().instruction(), word.span(), ref.text() + "@sha256:<digest>")
                                    + "  (`strata lock` resolves the digest and `strata pin` writes it; turn this rule off with"
                                    + " `policy: {digestPinning: false}` if you follow the official-images convention)"));
                }
            }
        }
        return hits;
    }
}
