package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A curl/wget/ADD download with no checksum or signature check in the same RUN (or no
 * {@code ADD --checksum}). Downloads run straight into a shell are left to pipe-to-shell, and
 * {@code latest} downloads to installer-latest, whose fix includes the checksum.
 */
public final class DownloadUnverifiedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("download-unverified", null, Severity.WARNING, Layer.CONTAINER,
            "curl/wget/ADD of a URL with no checksum check.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (Downloads.Download d : Downloads.all(model)) {
            if (d.verified() || d.pipedToShell() || InstallerLatestRule.floats(d)) {
                continue;
            }
            String file = d.fileName().isEmpty() ? "<file>" : d.fileName();
            hits.add(Hit.at(model, d.step().instruction(), d.span(),
                    "nothing checks what `" + d.url() + "` returns: files are replaced in place and hosts move or get"
                            + " compromised, so a later build can silently get different bytes.",
                    d.isAdd()
                            ? "ADD --checksum=sha256:<sha256> " + d.url() + " <dest>  (the SHA-256 of the file you tested)"
                            : "check it in the same RUN: ... && echo \"<sha256>  " + file + "\" | sha256sum -c -  (the SHA-256 of the file you tested)"));
        }
        return hits;
    }
}
