package dev.strata.cli;

import dev.strata.compare.ImageFiles;
import dev.strata.image.Image;
import dev.strata.image.ImageReadException;
import dev.strata.image.ReadOptions;
import dev.strata.lock.AtomicFiles;
import dev.strata.packages.PackageInventory;
import dev.strata.sbom.ImageSbom;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;


import java.nio.file.Path;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strata sbom IMAGE}: what exactly is inside this image, as CycloneDX JSON. */
@Command(
        name = "sbom",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Write a CycloneDX 1.6 JSON SBOM of a container image.",
            "Every package (dpkg, apk, rpm, Python, conda, npm, R) is a component with its purl; the image (config and",
            "manifest digests) is the subject. Exit 0 written, 2 unreadable input or output."
        })
public final class SbomCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "image (docker-archive tar, OCI archive tar or OCI layout directory)")
    Path image;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE (atomically) instead of standard output")
    Path output;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "platform to pick from a multi-platform index")
    String platform;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Image read;
        try {
            read = ImageFiles.readWithPackages(image, ReadOptions.defaults().withPlatform(platform));
        } catch (ImageReadException e) {
            err.println("strata: " + e.getMessage());
            return 2;
        } catch (java.io.UncheckedIOException e) {
            err.println("strata: " + e.getCause().getMessage());
            return 2;
        }
        String version = new VersionProvider().getVersion()[0].replaceFirst("^strata ", "");
        String json = ImageSbom.json(ImageSbom.build(read, PackageInventory.of(read.files()), version));
        if (output == null) {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
            return 0;
        }
        try {
            AtomicFiles.write(output, json.getBytes(StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            err.println("strata: " + output + ": cannot write: " + e.getMessage());
            return 2;
        }
        return 0;
    }

    /** Temp file in the target's directory, then a rename: readers never see half a file. */
}
