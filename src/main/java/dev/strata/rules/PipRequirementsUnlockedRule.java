package dev.strata.rules;

import dev.strata.project.IncludeLoader;
import dev.strata.project.Layer;
import dev.strata.project.Requirement;
import dev.strata.project.RequirementsFile;
import dev.strata.rules.model.BuildContext;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.ModelBuilder;
import dev.strata.shell.ShellWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code pip install -r FILE} where FILE, read from the build context (following the COPY that put
 * it into the image, and its own -r/-c includes), has requirements not pinned with {@code ==}, or no
 * hashes at all. The finding points at the first offending requirement in the file and lists the
 * others as file:line.
 */
public final class PipRequirementsUnlockedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("pip-requirements-unlocked", null, Severity.ERROR, Layer.LANGUAGE_DEPENDENCIES,
            "`pip install -r FILE` where FILE has unpinned lines or no hashes.");
    private static final int LISTED = 6;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /**
     * A requirements file a pip install reads, found in the build context and parsed.
     *
     * @param hashed pip runs in hash-checking mode for it
     */
    public record Resolved(PipInstalls.Install install, ShellWord word, String contextPath, RequirementsFile file, boolean hashed) {
        /** Line of the RUN that installs the file. */
        public int runLine() {
            return install.run().step().instruction().span().startLine();
        }

        /** Every installed requirement pinned and hash-checked. */
        public boolean locked() {
            return !file.installed().isEmpty() && file.unpinned().isEmpty() && hashed;
        }
    }

    /** The requirements files installed with {@code pip install -r} that could be read from the build context. */
    public static List<Resolved> resolved(DockerfileModel model) {
        List<Resolved> out = new ArrayList<>();
        for (PipInstalls.Install in : PipInstalls.all(model)) {
            for (ShellWord w : in.call().files()) {
                if (!w.known()) {
                    continue;
                }
                Optional<String> ctxPath = ContextPaths.resolve(model, in.run().step(), w.value());
                if (ctxPath.isEmpty()) {
                    continue;
                }
                Optional<String> text = model.context().readText(ctxPath.get());
                if (text.isEmpty()) {
                    continue;
                }
                RequirementsFile rf = RequirementsFile.parse(ctxPath.get(), text.get(), loader(model.context()));
                out.add(new Resolved(in, w, ctxPath.get(), rf, rf.hashCheckingMode() || in.call().hasFlag("require-hashes")));
            }
        }
        return out;
    }

    @Override
    public List<Hit> check(DockerfileModel model) {
        List<Hit> hits = new ArrayList<>();
        for (Resolved res : resolved(model)) {
                PipInstalls.Install in = res.install();
                ShellWord w = res.word();
                Optional<String> ctxPath = Optional.of(res.contextPath());
                RequirementsFile rf = res.file();
                List<Requirement> unpinned = rf.unpinned();
                boolean hashed = res.hashed();
                List<Requirement> installed = rf.installed();
                if (installed.isEmpty() || res.locked()) {
                    continue;
                }
                Requirement first = unpinned.isEmpty() ? installed.get(0) : unpinned.get(0);
                BuildContext ctx = model.context();
                StringBuilder msg = new StringBuilder();
                msg.append("`").append(Commands.text(model, in.command())).append("` (").append(model.file()).append(':')
                        .append(Commands.span(model, w).startLine()).append(") installs ").append(ctx.display(ctxPath.get()));
                if (!unpinned.isEmpty()) {
                    msg.append(", where ").append(unpinned.size()).append(" of ").append(installed.size())
                            .append(" requirements are not pinned to one version: ");
                    List<String> listed = new ArrayList<>();
                    for (Requirement r : unpinned.subList(0, Math.min(LISTED, unpinned.size()))) {
                        listed.add(ctx.display(r.file()) + ":" + r.line() + " `" + r.text().trim() + "`");
                    }
                    msg.append(String.join(", ", listed));
                    if (unpinned.size() > LISTED) {
                        msg.append(", and ").append(unpinned.size() - LISTED).append(" more");
                    }
                    msg.append(hashed ? "" : "; and it has no hashes");
                    msg.append(". pip resolves them against the index on the day of the build, so a rebuild gets different"
                            + " versions of them and of everything they depend on.");
                } else {
                    msg.append(": every requirement is pinned with ==, but there are no hashes, so pip accepts whatever files"
                            + " the index serves for those versions, and dependencies not listed in the file still float.");
                }
                String name = ctxPath.get().substring(ctxPath.get().lastIndexOf('/') + 1);
                String lock = name.endsWith(".txt") ? name.substring(0, name.length() - 4) + ".lock" : name + ".lock";
                hits.add(new Hit(in.run().step().instruction(), ctx.display(first.file()), first.line(), 1, msg.toString(),
                        "lock it with hashes: `pip-compile --generate-hashes -o " + lock + " " + name + "` (or `uv pip compile"
                                + " --generate-hashes`), then COPY " + lock + " and `pip install --require-hashes -r " + lock + "`"));
        }
        return hits;
    }

    /** Follows -r/-c includes inside the build context, relative to the including file. */
    static IncludeLoader loader(BuildContext context) {
        return (from, target) -> {
            if (target.contains("://")) {
                return Optional.empty();
            }
            String p = ModelBuilder.join("/" + ContextPaths.dir(from), target).substring(1);
            return context.readText(p).map(t -> new IncludeLoader.Source(p, t));
        };
    }
}
