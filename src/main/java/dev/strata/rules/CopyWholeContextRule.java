package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import java.util.ArrayList;
import java.util.List;

/** {@code COPY . .}: the image depends on whatever is in the working copy. */
public final class CopyWholeContextRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("copy-whole-context", null, Severity.WARNING, Layer.CONTAINER,
            "`COPY . .` / `ADD . x`: the image depends on whatever is in the working copy.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (WholeContext.Copy c : WholeContext.find(model)) {
            String dest = c.copy().destination().map(w -> w.value()).orElse(".");
            List<String> needed = WholeContext.likelyNeeded(model);
            String kw = c.copy().add() ? "ADD" : "COPY";
            StringBuilder fix = new StringBuilder("copy by name only what the image needs");
            if (!needed.isEmpty()) {
                fix.append(", e.g.");
                String dir = dest.equals(".") || dest.equals("./") ? "./" : dest.endsWith("/") ? dest : dest + "/";
                for (String n : needed) {
                    fix.append("\n").append(kw).append(' ').append(n).append(' ').append(n.endsWith("/") ? dir + n : dir);
                }
            } else {
                fix.append(" (`").append(kw).append(" src/ ").append(dest).append("`)");
            }
            hits.add(Hit.at(model, c.step().instruction(), c.source().span(),
                    "`" + Fixes.text(model, c.step().instruction().span()).lines().findFirst().orElse("")
                            + "` copies the whole build context: whatever sits in the directory at build time (data, outputs,"
                            + " caches, .git, credentials) ends up in the image, so two builds of the same commit differ.",
                    fix.toString()));
        }
        return hits;
    }
}
