package dev.strata.cli;

import dev.strata.compare.CompareOptions;
import dev.strata.compare.Comparison;
import dev.strata.compare.ImageFiles;
import dev.strata.compare.NoiseConfigException;
import dev.strata.image.ImageReadException;
import dev.strata.image.ReadOptions;
import dev.strata.report.CompareJsonRenderer;
import dev.strata.report.CompareTextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code strata compare A B}: are two images the same, and if not, why? */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Compare two container images: bitwise-identical, functionally-equivalent or different, with causes.",
            "Inputs: docker-archive tars, OCI archive tars, OCI layout directories (detected).",
            "Exit 0 identical or equivalent, 1 different, 2 unreadable input or usage error."
        })
public final class CompareCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "first image (tar or OCI layout directory)")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "second image")
    Path b;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--show-noise", description = "list every difference a noise rule set aside, with its reason")
    boolean showNoise;

    @Option(names = "--strict", description = "turn all noise rules off (timestamps are still ignored)")
    boolean strict;

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: ./.strata.yaml when present)")
    Path config;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "platform to pick from a multi-platform index")
    String platform;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("strata: --format: expected text or json, got " + format);
            return 2;
        }
        CompareOptions options;
        try {
            options = options();
        } catch (NoiseConfigException e) {
            err.println("strata: " + e.getMessage());
            return 2;
        }
        Comparison c;
        try {
            c = ImageFiles.compare(a, b, options, ReadOptions.defaults().withPlatform(platform));
        } catch (ImageReadException e) {
            err.println("strata: " + e.getMessage());
            return 2;
        } catch (java.io.UncheckedIOException e) {
            err.println("strata: " + e.getCause().getMessage());
            return 2;
        }
        if (format.equals("json")) {
            out.print(CompareJsonRenderer.render(c));
        } else {
            boolean colour = System.console() != null && System.getenv("NO_COLOR") == null;
            out.print(CompareTextRenderer.render(c, showNoise, colour));
        }
        out.flush();
        return c.exitCode();
    }

    private CompareOptions options() throws NoiseConfigException {
        return CompareOptions.from(config, strict);
    }
}
