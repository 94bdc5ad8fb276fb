package dev.strata.rules;

import dev.strata.project.Layer;
import dev.strata.rules.model.DockerfileModel;
import java.util.ArrayList;
import java.util.List;

/** A whole-context copy with no {@code .dockerignore} to bound it. */
public final class DockerignoreMissingRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("dockerignore-missing", null, Severity.WARNING, Layer.CONTAINER,
            "A whole-context copy with no `.dockerignore`.");
    private static final List<String> USUAL = List.of(".git", ".venv", "venv", "data", "results", "outputs", "mlruns", "wandb", ".ipynb_checkpoints", "__pycache__");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<WholeContext.Copy> copies = WholeContext.find(model);
        if (copies.isEmpty()) {
            return List.of();
        }
        String name = model.file().substring(model.file().lastIndexOf('/') + 1);
        if (model.context().exists(".dockerignore") || model.context().exists(name + ".dockerignore")) {
            return List.of();
        }
        List<String> ignore = new ArrayList<>();
        for (String u : USUAL) {
            if (model.context().exists(u)) {
                ignore.add(u.equals(".git") || u.startsWith(".") ? u : u + "/");
            }
        }
        if (!ignore.contains(".git")) {
            ignore.add(0, ".git");
        }
        ignore.add("**/__pycache__");
        ignore.add("*.pyc");
        WholeContext.Copy first = copies.get(0);
        return List.of(Hit.at(model, first.step().instruction(), first.source().span(),
                "the build context has no .dockerignore, so this whole-context copy takes everything in the directory,"
                        + " including .git and any local data or results, and the image changes with the state of the checkout.",
                "add a .dockerignore next to the Dockerfile listing what must not enter the image:\n"
                        + String.join("\n", ignore)));
    }
}
