package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import java.util.ArrayList;
import java.util.List;

/** {@code curl … | sh}: a script run straight from the network, unchecked. */
public final class PipeToShellRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("pipe-to-shell", null, Severity.WARNING, Layer.CONTAINER,
            "`curl … | sh`: running a script straight from the network.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (Downloads.Download d : Downloads.all(model)) {
            if (!d.pipedToShell()) {
                continue;
            }
            String file = d.fileName().isEmpty() || !d.fileName().contains(".") ? "install.sh" : d.fileName();
            hits.add(Hit.at(model, d.step().instruction(), d.span(),
                    "`" + Commands.text(model, d.command()) + "` runs whatever " + d.url() + " returns at build time, unchecked;"
                            + " install scripts also tend to fetch 'the latest' of what they install.",
                    "download a versioned script to a file, check it, then run it: curl -fsSLo " + file + " " + d.url()
                            + " && echo \"<sha256>  " + file + "\" | sha256sum -c - && sh " + file));
        }
        return hits;
    }
}
