package dev.strata.cli;

import dev.strata.audit.AuditInputException;
import dev.strata.audit.AuditResult;
import dev.strata.audit.Auditor;
import dev.strata.config.AuditConfig;
import dev.strata.config.ConfigException;
import dev.strata.config.ConfigLoader;
import dev.strata.lock.AtomicFiles;
import dev.strata.report.AuditJsonRenderer;
import dev.strata.report.AuditSarifRenderer;
import dev.strata.report.AuditTextRenderer;
import dev.strata.rules.RuleCatalog;
import dev.strata.rules.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strata audit [PATH]}: why this container will not rebuild the same, and how to fix each cause. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Audit a project's Dockerfiles and repository layers for what will drift over time.",
            "Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or input error."
        })
public final class AuditCommand implements Callable<Integer> {
    /** Output formats. */
    public enum Format {
        text,
        json,
        sarif
    }

    /** Thresholds for a failing exit status. */
    public enum FailOn {
        error,
        warning,
        info,
        none
    }

    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", defaultValue = ".",
            description = "A project directory (searched recursively for Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile) or one Dockerfile. Default: the current directory.")
    String path;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a finding is at or above LEVEL: error, warning, info or none (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: .strata.yaml in PATH, when present).")
    Path config;

    @Option(names = "--docs-base-url", paramLabel = "URL",
            description = "With --format sarif: where you publish the rule pages (docs/rules); each rule's helpUri is URL/<rule-id>.md. Without it no helpUri is written (the pages themselves are in the SARIF rules' help).")
    String docsBaseUrl;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path target = Path.of(path);
        AuditResult result;
        try {
            AuditConfig cfg = loadConfig(target);
            result = Auditor.audit(target, path, cfg);
        } catch (ConfigException e) {
            return fail(err, e.getMessage());
        } catch (AuditInputException e) {
            return fail(err, e.getMessage());
        }
        boolean colour = output == null && format == Format.text
                && System.console() != null && System.getenv("NO_COLOR") == null;
        String report = switch (format) {
            case text -> AuditTextRenderer.render(result, colour);
            case json -> AuditJsonRenderer.render(result);
            case sarif -> AuditSarifRenderer.render(result, RuleCatalog.infos(), new VersionProvider().getVersion()[0].replace("strata ", ""),
                    docsBaseUrl);
        };
        if (output != null) {
            try {
                AtomicFiles.write(output, report.getBytes(StandardCharsets.UTF_8), null);
            } catch (IOException e) {
                return fail(err, output + ": cannot write: " + e.getMessage());
            }
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(report);
            out.flush();
        }
        Severity threshold = switch (failOn) {
            case error -> Severity.ERROR;
            case warning -> Severity.WARNING;
            case info -> Severity.INFO;
            case none -> null;
        };
        return result.hasFindingsAtLeast(threshold) ? 1 : 0;
    }

    private AuditConfig loadConfig(Path target) throws ConfigException {
        if (config != null) {
            return ConfigLoader.load(config, RuleCatalog.ids());
        }
        Path dir = Files.isDirectory(target) ? target : target.toAbsolutePath().getParent();
        if (dir != null) {
            Path implicit = dir.resolve(ConfigLoader.FILE_NAME);
            if (Files.isRegularFile(implicit)) {
                return ConfigLoader.load(implicit, RuleCatalog.ids());
            }
        }
        return AuditConfig.defaults();
    }

    private static int fail(PrintWriter err, String message) {
        err.println("strata: " + message);
        err.flush();
        return 2;
    }

    /** Writes through a temporary file in the same directory and an atomic rename. */
}
