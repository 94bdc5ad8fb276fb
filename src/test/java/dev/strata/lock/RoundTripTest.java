package dev.strata.lock;

import static dev.strata.lock.DriftIntegrationTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.compare.CompareOptions;
import dev.strata.compare.Comparison;
import dev.strata.compare.ImageComparator;
import dev.strata.compare.Verdict;
import dev.strata.image.ImageReader;
import dev.strata.image.ReadOptions;
import dev.strata.packages.PackageInventory;
import dev.strata.registry.LocalRegistry;
import dev.strata.testing.Buildah;
import dev.strata.testing.BuiltImage;
import dev.strata.testing.ExportFormat;
import dev.strata.testing.ImageSpec;
import dev.strata.testing.ProcessResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip: build a research-style Dockerfile with buildah (base image from a real registry
 * on 127.0.0.1, inputs from loopback HTTP and a file:// git repository), lock it against that
 * image, pin it, rebuild the pinned Dockerfile, and compare: functionally equivalent.
 */
@Tag("integration")
class RoundTripTest {
    @TempDir Path tmp;

    @Test
    void lockPinRebuildIsFunctionallyEquivalent() throws Exception {
        try (Buildah buildah = Buildah.open(); LocalRegistry registry = LocalRegistry.start(tmp.resolve("reg"));
                LoopbackServer http = new LoopbackServer()) {
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(ImageSpec.HOST_BUSYBOX), "busybox-static not installed");
            // a base image with a shell, pushed to the registry
            BuiltImage base = buildah.build(ImageSpec.busybox(ImageSpec.busyboxRun("/bin/busybox --install -s /bin")));
            ProcessResult pushed = buildah.run(List.of("push", "--tls-verify=false", base.name(),
                    "docker://" + registry.host() + "/lab/busybox:1"), Duration.ofMinutes(2));
            assertThat(pushed.succeeded()).as(pushed.tail(20)).isTrue();
            http.put("/data/input.csv", "x,y\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
            http.put("/tools/tool.sh", "#!/bin/sh\necho tool\n".getBytes(StandardCharsets.UTF_8));

            Path project = Files.createDirectories(tmp.resolve("project"));
            String dockerfile = "# a small analysis image\n"
                    + "FROM " + registry.host() + "/lab/busybox:1\n"
                    + "# inputs\n"
                    + "RUN wget -q " + http.url("/data/input.csv") + " -O /input.csv \\\n"
                    + " && mkdir -p /work   # scratch space\n"
                    + "RUN wget -q -O /work/tool.sh " + http.url("/tools/tool.sh") + " && chmod 755 /work/tool.sh\n"
                    + "ADD " + http.url("/tools/tool.sh") + " /work/added.sh\n"
                    + "CMD [\"cat\", \"/input.csv\"]\n";
            Files.writeString(project.resolve("Dockerfile"), dockerfile);

            Path first = build(buildah, project, "first", tmp.resolve("first.tar"));
            var locked = cli("lock", project.toString(), "--image", first.toString());
            assertThat(locked.exit()).as(locked.err()).isZero();
            // buildah 1.28 (Debian 12) has no ADD --checksum: verify ADD downloads with a RUN line instead
            var pinned = cli("pin", "--add-checksum", "run", project.toString());
            assertThat(pinned.exit()).as(pinned.err()).isZero();
            String pinnedText = Files.readString(project.resolve("Dockerfile"));
            assertThat(pinnedText).contains("/lab/busybox:1@sha256:", "/input.csv' | sha256sum -c -", "/work/tool.sh' | sha256sum -c -",
                    " /work/added.sh\nRUN echo '");
            assertThat(Files.readString(project.resolve("Dockerfile.orig"))).isEqualTo(dockerfile);

            Path second = build(buildah, project, "second", tmp.resolve("second.tar"));
            ReadOptions read = ReadOptions.defaults().withCapture(PackageInventory.capturePaths().or(CompareOptions.defaults().noise()::needsContent));
            ImageReader reader = new ImageReader(read);
            Comparison c = ImageComparator.compare(reader.read(first), reader.read(second), CompareOptions.defaults());
            assertThat(c.verdict()).as(c.causes().toString()).isIn(Verdict.FUNCTIONALLY_EQUIVALENT, Verdict.BITWISE_IDENTICAL);
            assertThat(cli("drift", project.toString()).exit()).isZero();
        }
    }

    /** buildah bud with TLS verification off (the registry is plain HTTP on loopback), exported as an OCI archive. */
    private static Path build(Buildah buildah, Path context, String tag, Path target) {
        String name = "localhost/strata-lock-roundtrip-" + ProcessHandle.current().pid() + "-" + tag + ":latest";
        List<String> args = new ArrayList<>(List.of("bud", "--isolation", "chroot", "--network", "host", "--no-cache", "--layers=false",
                "--format", "oci", "--tls-verify=false", "-f", context.resolve("Dockerfile").toString(), "-t", name, context.toString()));
        ProcessResult r = buildah.run(args, Duration.ofMinutes(5));
        assertThat(r.succeeded()).as(r.tail(30)).isTrue();
        return buildah.export(new BuiltImage(name, "", r.output()), ExportFormat.OCI_ARCHIVE, target);
    }
}
