package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Downloads of {@code *latest*} installers (Miniconda3-latest, releases/latest/download, ...). */
public final class InstallerLatestRule implements Rule {
    private static final Pattern LATEST_ANY_CASE = Pattern.compile("(?i)latest");
    static final RuleInfo INFO = new RuleInfo("installer-latest", null, Severity.ERROR, Layer.CONTAINER,
            "Download of a `*latest*` installer (e.g. Miniconda3-latest).");
    private static final Pattern LATEST = Pattern.compile("(^|[/_.-])latest([/_.-]|$)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    static boolean floats(Downloads.Download d) {
        return LATEST.matcher(d.pathLower()).find();
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (Downloads.Download d : Downloads.all(model)) {
            if (!floats(d)) {
                continue;
            }
            String versioned = versionedUrl(d.url());
            String file = versionedUrl(d.fileName());
            hits.add(Hit.at(model, d.step().instruction(), d.span(),
                    "`" + d.url() + "` names whatever was released last: the file behind it is replaced at every release"
                            + (d.fileName().toLowerCase().contains("conda") || d.fileName().toLowerCase().contains("miniforge")
                                    ? " (a different conda and base Python every few months)" : "")
                            + ", so no checksum can be written down for it" + (d.verified() ? "" : ", and none is checked")
                            + ".",
                    (d.isAdd() ? "ADD --checksum=sha256:<sha256> " + versioned + " <dest>"
                            : "download the versioned file and check it: " + (d.command().isNamed("curl") ? "curl -fsSLO " : "wget ")
                                    + versioned + " && echo \"<sha256>  " + file + "\" | sha256sum -c -")
                            + "  (take the SHA-256 from the publisher's release page)"));
        }
        return hits;
    }

    /** The URL with {@code latest} replaced by a version: known installers get a real release. */
    static String versionedUrl(String url) {
        if (url.contains("Miniconda3-latest-")) {
            return url.replace("Miniconda3-latest-", "Miniconda3-py312_24.7.1-0-");
        }
        if (url.contains("Miniforge3-") && url.contains("/releases/latest/download/")) {
            return url.replace("/releases/latest/download/", "/releases/download/24.9.0-0/")
                    .replace("Miniforge3-Linux", "Miniforge3-24.9.0-0-Linux");
        }
        if (url.contains("Mambaforge-latest") || url.contains("Miniforge3-latest")) {
            return url.replace("-latest-", "-24.9.0-0-");
        }
        if (url.contains("/releases/latest/download/")) {
            return url.replace("/releases/latest/download/", "/releases/download/<version>/");
        }
        return LATEST_ANY_CASE.matcher(url).replaceAll("<version>");
    }
}
