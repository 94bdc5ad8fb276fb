package dev.strata.cli;

import dev.strata.build.BuilderException;
import dev.strata.build.Variation;
import dev.strata.compare.CompareOptions;
import dev.strata.compare.NoiseConfigException;
import dev.strata.lock.AtomicFiles;
import dev.strata.rebuild.RebuildInputException;
import dev.strata.rebuild.RebuildListener;
import dev.strata.rebuild.RebuildOptions;
import dev.strata.rebuild.RebuildResult;
import dev.strata.rebuild.Rebuilder;
import dev.strata.report.RebuildJsonRenderer;
import dev.strata.report.RebuildProgress;
import dev.strata.report.RebuildTextRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strata rebuild [PATH]}: does this Dockerfile rebuild the same today? */
@Command(
        name = "rebuild",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Build a project's Dockerfile several times with a real builder (buildah, podman or docker),"
                    + " varying the build environment, and compare the images.",
            "Verdict: bitwise-identical, functionally-equivalent, different (with causes) or build-failed"
                    + " (with the failure classified).",
            "Exit status: 0 identical or equivalent, 1 different or build failed, 2 usage or input error."
        })
public final class RebuildCommand implements Callable<Integer> {
    /** Output formats. */
    public enum Format {
        text,
        json
    }

    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", defaultValue = ".",
            description = "The project directory: the build context (default: the current directory).")
    Path path;

    @Option(names = {"-f", "--file"}, paramLabel = "DOCKERFILE", defaultValue = "Dockerfile",
            description = "The Dockerfile, relative to PATH (default: ${DEFAULT-VALUE}).")
    String dockerfile;

    @Option(names = "--builds", paramLabel = "N", defaultValue = "2",
            description = "How many builds to make and compare pairwise, at least 2 (default: ${DEFAULT-VALUE}).")
    int builds;

    @Option(names = "--builder", paramLabel = "NAME", defaultValue = "auto",
            description = "buildah, podman, docker, or auto: the first usable in that order (default: ${DEFAULT-VALUE}).")
    String builder;

    @Option(names = "--vary", paramLabel = "LIST", defaultValue = "all",
            description = "What differs between builds, comma-separated: all, none, build-path, time, timezone,"
                    + " locale, umask, hostname; -NAME removes one, e.g. -umask,-time (default: ${DEFAULT-VALUE}).")
    String vary;

    @Option(names = "--source-date-epoch", paramLabel = "SECONDS",
            description = "Give every build this SOURCE_DATE_EPOCH (turns time variation off).")
    Long sourceDateEpoch;

    @Option(names = "--timestamp",
            description = "Also use the builder's timestamp option with SOURCE_DATE_EPOCH (0 unless given):"
                    + " buildah/podman --timestamp, BuildKit rewrite-timestamp. Checks bitwise reproducibility.")
    boolean timestamp;

    @Option(names = "--build-arg", paramLabel = "NAME[=VALUE]",
            description = "Build argument for every build, as the builder's own flag (NAME alone takes the value"
                    + " from the environment).")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = "--target", paramLabel = "STAGE", description = "Build this stage of a multi-stage Dockerfile.")
    String target;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "Build for this platform.")
    String platform;

    @Option(names = "--secret", paramLabel = "id=ID,src=PATH", description = "Secret passed to the builder as given.")
    List<String> secrets = new ArrayList<>();

    @Option(names = "--keep", description = "Keep the work directory with the images (OCI archives) and build logs.")
    boolean keep;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Work here (created; must be empty) instead of a new temporary directory.")
    Path workDir;

    @Option(names = "--strict", description = "Compare without noise rules (only timestamps are set aside).")
    boolean strict;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration with extra noise rules (default: .strata.yaml in PATH, when present).")
    Path config;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (atomically) instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        RebuildOptions options;
        try {
            Set<Variation> variations = Variation.parse(vary);
            options = RebuildOptions.defaults().withBuilds(builds).withBuilder(builder).withDockerfile(dockerfile)
                    .withVary(variations).withFixedTime(sourceDateEpoch, timestamp).withBuildArgs(parseArgs(buildArgs))
                    .withTargetPlatformSecrets(target, platform, secrets).withKeep(keep, workDir)
                    .withCompare(compareOptions());
        } catch (IllegalArgumentException | NoiseConfigException e) {
            return fail(err, e.getMessage());
        }
        boolean tty = System.console() != null;
        RebuildResult result;
        RebuildProgress progress = tty ? new RebuildProgress(err) : null;
        try {
            RebuildListener listener = progress != null ? progress : RebuildListener.NONE;
            result = Rebuilder.standard().rebuild(path, options, listener);
        } catch (RebuildInputException | BuilderException | IllegalArgumentException e) {
            return fail(err, e.getMessage());
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
        boolean colour = output == null && format == Format.text && tty && System.getenv("NO_COLOR") == null;
        String report = format == Format.json ? RebuildJsonRenderer.render(result)
                : RebuildTextRenderer.render(result, colour);
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
        return result.exitCode();
    }

    private CompareOptions compareOptions() throws NoiseConfigException {
        Path file = config;
        if (file == null && Files.isRegularFile(path.resolve(".strata.yaml"))) {
            file = path.resolve(".strata.yaml");
        }
        return file == null ? (strict ? CompareOptions.strict() : CompareOptions.defaults())
                : CompareOptions.from(file, strict);
    }

    static Map<String, String> parseArgs(List<String> raw) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : raw) {
            int eq = a.indexOf('=');
            if (eq == 0) {
                throw new IllegalArgumentException("--build-arg " + a + ": missing name");
            }
            if (eq > 0) {
                args.put(a.substring(0, eq), a.substring(eq + 1));
            } else if (System.getenv(a) != null) {
                args.put(a, System.getenv(a));
            }
        }
        return args;
    }

    private static int fail(PrintWriter err, String message) {
        err.println("strata: rebuild: " + message);
        err.flush();
        return 2;
    }

}
