package dev.strata.audit;

import dev.strata.config.AuditConfig;
import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.DockerfileParseException;
import dev.strata.dockerfile.DockerfileParser;
import dev.strata.project.Layer;
import dev.strata.project.LayerResult;
import dev.strata.project.ProjectReport;
import dev.strata.project.ProjectScanner;
import dev.strata.project.ScanOptions;
import java.io.UncheckedIOException;
import dev.strata.rules.Finding;
import dev.strata.rules.Hit;
import dev.strata.rules.Rule;
import dev.strata.rules.RuleCatalog;
import dev.strata.rules.RuleInfo;
import dev.strata.rules.model.BuildContext;
import dev.strata.rules.model.DirectoryContext;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.ModelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The audit as a library call: finds the Dockerfiles under a path, parses each, runs every enabled
 * rule over its model and its build context, and assesses the repository layers.
 */
public final class Auditor {
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::rule);

    private Auditor() {}

    /** Audits {@code target} (a directory or one Dockerfile); messages name it as given. */
    public static AuditResult audit(Path target, AuditConfig config) throws AuditInputException {
        return audit(target, target.toString(), config);
    }

    /**
     * Audits {@code target}, naming it {@code display} in the result and in error messages.
     *
     * @throws AuditInputException when the path is missing, holds no Dockerfile, or a Dockerfile is
     *     unreadable, binary, not UTF-8, too large, or not valid Dockerfile syntax
     */
    public static AuditResult audit(Path target, String display, AuditConfig config) throws AuditInputException {
        if (!Files.exists(target)) {
            throw new AuditInputException(display + ": no such file or directory");
        }
        Path root;
        String rootDisplay;
        List<Path> files;
        if (Files.isDirectory(target)) {
            root = target;
            rootDisplay = display;
            try {
                files = DockerfileFinder.find(root, config);
            } catch (IOException e) {
                throw new AuditInputException(display + ": cannot list directory: " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw new AuditInputException(display + ": no Dockerfile, *.Dockerfile, Dockerfile.* or Containerfile found");
            }
        } else {
            Path abs = target.toAbsolutePath();
            root = abs.getParent();
            Path parentAsGiven = target.getParent();
            rootDisplay = parentAsGiven == null ? "." : parentAsGiven.toString();
            files = List.of(abs.getFileName());
        }
        List<Finding> findings = new ArrayList<>();
        List<DockerfileModel> models = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path rel : files) {
            String name = DockerfileFinder.slash(rel);
            Path file = root.resolve(rel);
            String shown = rootDisplay.equals(".") ? name : stripSlash(rootDisplay) + "/" + name;
            String text = SourceReader.read(file, shown);
            Path dir = rel.getParent();
            String prefix = dir == null ? "" : DockerfileFinder.slash(dir);
            BuildContext context = new DirectoryContext(file.toAbsolutePath().getParent(), prefix);
            DockerfileModel model = model(name, shown, text, context);
            models.add(model);
            names.add(name);
            findings.addAll(check(model, config));
        }
        findings.sort(ORDER);
        ProjectReport report;
        try {
            report = ProjectScanner.scan(root, ScanOptions.defaults().withSkipGlobs(config.skip()));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new AuditInputException(rootDisplay + ": cannot scan the repository: " + e.getMessage());
        }
        List<LayerResult> layers = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            LayerResult scanned = report.layer(layer).orElse(null);
            if (layer == Layer.CONTAINER) {
                layers.add(LayerAssessor.container(models, findings));
            } else if (layer == Layer.LANGUAGE_DEPENDENCIES && scanned != null) {
                layers.add(LayerAssessor.languageDependencies(models, findings, scanned));
            } else if (layer == Layer.SYSTEM_DEPENDENCIES) {
                layers.add(LayerAssessor.systemDependencies(models, findings, scanned));
            } else if (scanned != null) {
                layers.add(LayerAssessor.scannedWithFindings(layer, scanned, findings));
            }
        }
        return new AuditResult(display, rootDisplay, names, findings, layers);
    }

    /**
     * Parses and models one Dockerfile held in memory.
     *
     * @param name the file name findings use
     * @param shown the name error messages use
     */
    public static DockerfileModel model(String name, String shown, String text, BuildContext context) throws AuditInputException {
        Dockerfile ast;
        try {
            ast = DockerfileParser.parse(shown, text);
        } catch (DockerfileParseException e) {
            throw new AuditInputException(e.getMessage());
        }
        return ModelBuilder.build(ast, name, context);
    }

    /** Runs every enabled rule over a model, applying suppressions and severity overrides. */
    public static List<Finding> check(DockerfileModel model, AuditConfig config) {
        List<Finding> out = new ArrayList<>();
        for (Rule rule : RuleCatalog.all()) {
            RuleInfo info = rule.info();
            if (!config.enabled(info.id())) {
                continue;
            }
            for (Hit h : rule.check(model)) {
                if (h.anchor() != null && model.suppressed(h.anchor()).contains(info.id())) {
                    continue;
                }
                out.add(new Finding(info.id(), info.hadolint(), config.severityOf(info.id()).orElse(info.severity()),
                        info.layer(), h.file(), h.line(), h.column(), h.message(), h.fix()));
            }
        }
        return out;
    }

    private static String stripSlash(String s) {
        String t = s;
        while (t.endsWith("/") && t.length() > 1) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
