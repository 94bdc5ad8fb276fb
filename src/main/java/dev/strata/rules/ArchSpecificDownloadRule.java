package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code x86_64}/{@code amd64}/... hard-coded in a download URL in a stage that ignores the target platform. */
public final class ArchSpecificDownloadRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("arch-specific-download", null, Severity.WARNING, Layer.CONTAINER,
            "`x86_64`/`amd64` hard-coded in a download URL.");
    private static final Pattern ARCH = Pattern.compile("(?<![a-z0-9])(x86_64|x86-64|amd64|aarch64|arm64)(?![a-z0-9])");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (Downloads.Download d : Downloads.all(model)) {
            if (model.stages().get(d.step().stageIndex()).platformAware()) {
                continue;
            }
            Matcher m = ARCH.matcher(d.pathLower());
            if (!m.find()) {
                continue;
            }
            String arch = m.group(1);
            hits.add(Hit.at(model, d.step().instruction(), d.span(),
                    "`" + d.url() + "` is the " + arch + " build: on another architecture (Apple Silicon, ARM servers) the"
                            + " image gets a binary that cannot run, or the whole build runs under emulation.",
                    "declare `ARG TARGETARCH` in the stage and build the URL from it (mapping amd64/arm64 to the names the"
                            + " publisher uses), or state the platform explicitly with `FROM --platform=linux/"
                            + (arch.contains("arm") || arch.contains("aarch") ? "arm64" : "amd64") + " ...`"));
        }
        return hits;
    }
}
