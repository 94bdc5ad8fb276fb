package dev.strata.audit;

import dev.strata.project.Evidence;
import dev.strata.project.Layer;
import dev.strata.project.LayerResult;
import dev.strata.project.LayerStatus;
import dev.strata.rules.Finding;
import dev.strata.rules.PipRequirementsUnlockedRule;
import dev.strata.rules.RuleCatalog;
import dev.strata.rules.RuleInfo;
import dev.strata.rules.Severity;
import dev.strata.rules.SystemPackages;
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

    /**
     * System dependencies: the Dockerfile's package installs decide when there are any (partial with
     * the findings, or locked with the pinned installs); otherwise the scanner's view of documented
     * system packages stands, and with nothing documented either the layer is not applicable (the
     * base image is all there is).
     */
    static LayerResult systemDependencies(List<DockerfileModel> models, List<Finding> findings, LayerResult scanned) {
        List<Evidence> floating = evidenceOf(Layer.SYSTEM_DEPENDENCIES, findings);
        List<Evidence> documented = scanned == null ? List.of() : scanned.evidence();
        if (!floating.isEmpty()) {
            List<Evidence> ev = new ArrayList<>(floating);
            ev.addAll(documented);
            return new LayerResult(Layer.SYSTEM_DEPENDENCIES, LayerStatus.PARTIAL, ev);
        }
        List<Evidence> pinned = new ArrayList<>();
        for (DockerfileModel m : models) {
            for (SystemPackages.Install in : SystemPackages.installs(m)) {
                if (in.unpinned().isEmpty()) {
                    pinned.add(new Evidence(m.file(), in.run().step().instruction().span().startLine(),
                            in.pinned().size() + " system package" + (in.pinned().size() == 1 ? "" : "s") + " installed at pinned versions"));
                }
            }
        }
        if (!pinned.isEmpty()) {
            pinned.addAll(documented);
            return new LayerResult(Layer.SYSTEM_DEPENDENCIES, LayerStatus.LOCKED, pinned);
        }
        if (scanned != null && scanned.status() != LayerStatus.MISSING) {
            return scanned;
        }
        List<Evidence> none = new ArrayList<>();
        for (DockerfileModel m : models) {
            none.add(new Evidence(m.file(), 0, "no system packages installed on top of the base image"));
        }
        return new LayerResult(Layer.SYSTEM_DEPENDENCIES, LayerStatus.NOT_APPLICABLE, none);
    }

    /**
     * A layer the scanner decides, made stricter by Dockerfile findings in it: a lock elsewhere does
     * not help when the Dockerfile installs floating packages besides it.
     */
    static LayerResult scannedWithFindings(Layer layer, LayerResult scanned, List<Finding> findings) {
        List<Evidence> floating = evidenceOf(layer, findings);
        if (floating.isEmpty()) {
            return scanned;
        }
        return stricter(layer, scanned, floating);
    }

    /**
     * Language dependencies: the scanner's verdict, made stricter by floating installs in the
     * Dockerfile, and completed by lock files the Dockerfile installs with hash checking (which the
     * scanner may not know by name, e.g. {@code requirements.lock}).
     */
    static LayerResult languageDependencies(List<DockerfileModel> models, List<Finding> findings, LayerResult scanned) {
        List<Evidence> floating = evidenceOf(Layer.LANGUAGE_DEPENDENCIES, findings);
        if (!floating.isEmpty()) {
            return stricter(Layer.LANGUAGE_DEPENDENCIES, scanned, floating);
        }
        List<Evidence> locked = new ArrayList<>();
        for (DockerfileModel m : models) {
            for (PipRequirementsUnlockedRule.Resolved r : PipRequirementsUnlockedRule.resolved(m)) {
                if (r.locked()) {
                    locked.add(new Evidence(m.context().display(r.contextPath()), 0, r.file().installed().size()
                            + " requirements pinned with == and hash-checked, installed by " + m.file() + ":"
                            + r.runLine()));
                }
            }
        }
        if (locked.isEmpty() || scanned.status() == LayerStatus.PARTIAL) {
            return scanned;
        }
        if (scanned.status() == LayerStatus.LOCKED) {
            locked.addAll(0, scanned.evidence());
        }
        return new LayerResult(Layer.LANGUAGE_DEPENDENCIES, LayerStatus.LOCKED, locked);
    }

    private static LayerResult stricter(Layer layer, LayerResult scanned, List<Evidence> floating) {
        List<Evidence> ev = new ArrayList<>(floating);
        ev.addAll(scanned.evidence());
        LayerStatus status = switch (scanned.status()) {
            case LOCKED, PARTIAL -> LayerStatus.PARTIAL;
            case MISSING, NOT_APPLICABLE -> LayerStatus.MISSING;
        };
        return new LayerResult(layer, status, ev);
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
