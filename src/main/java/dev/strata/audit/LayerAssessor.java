package dev.strata.audit;

import dev.strata.project.Evidence;
import dev.strata.project.Layer;
import dev.strata.project.LayerResult;
import dev.strata.project.LayerStatus;
import dev.strata.rules.Finding;
import dev.strata.rules.RuleCatalog;
import dev.strata.rules.RuleInfo;
import dev.strata.rules.Severity;
import dev.strata.rules.model.BaseImage;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides the layers the Dockerfile findings speak for: container (layer 1) and, in
 * {@link #systemDependencies}, system dependencies (layer 3). A layer with a finding at warning or
 * above is partial, with those findings as evidence; without one it is locked, with the pinned
 * inputs as evidence. Info findings (bitwise noise) do not make a layer float.
 */
final class LayerAssessor {
    private static final Map<String, RuleInfo> INFO = RuleCatalog.infos().stream()
            .collect(Collectors.toMap(RuleInfo::id, Function.identity()));

    private LayerAssessor() {}

    static LayerResult container(List<DockerfileModel> models, List<Finding> findings) {
        List<Evidence> floating = evidenceOf(Layer.CONTAINER, findings);
        if (!floating.isEmpty()) {
            return new LayerResult(Layer.CONTAINER, LayerStatus.PARTIAL, floating);
        }
        List<Evidence> pinned = new ArrayList<>();
        for (DockerfileModel m : models) {
            for (Stage s : m.stages()) {
                int line = s.from().instruction().span().startLine();
                String statement;
                if (s.base() instanceof BaseImage.Image img) {
                    statement = "base image " + img.reference().text()
                            + (img.reference().hasDigest() ? " pinned by digest" : " (tag accepted by policy)");
                } else if (s.base() instanceof BaseImage.StageRef ref) {
                    statement = "builds on stage " + ref.name();
                } else if (s.base() instanceof BaseImage.Unknown u) {
                    statement = "base image from build argument " + String.join(", ", u.unknownVariables())
                            + " (given at build time, not checked)";
                } else {
                    statement = "FROM scratch: no base image";
                }
                pinned.add(new Evidence(m.file(), line, statement));
            }
        }
        return new LayerResult(Layer.CONTAINER, LayerStatus.LOCKED, pinned);
    }

    /** Findings of a layer at warning or above, as evidence lines. */
    static List<Evidence> evidenceOf(Layer layer, List<Finding> findings) {
        List<Evidence> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.layer() == layer && f.severity().atLeast(Severity.WARNING)) {
                RuleInfo info = INFO.get(f.rule());
                out.add(new Evidence(f.file(), f.line(), f.rule() + ": " + (info == null ? f.message() : info.title())));
            }
        }
        return out;
    }
}
