package dev.strata.rules;

import dev.strata.rules.model.DockerfileModel;
import java.util.List;

/** One reproducibility check: a pure function from a Dockerfile model to what it found. */
public interface Rule {
    /** The rule's id, hadolint id, default severity, layer and one-line title. */
    RuleInfo info();

    /** Everything this rule finds in the model (without configuration or suppressions applied). */
    List<Hit> check(DockerfileModel model);
}
