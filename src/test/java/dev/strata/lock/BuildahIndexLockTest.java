package dev.strata.lock;

import static dev.strata.lock.DriftIntegrationTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.registry.LocalRegistry;
import dev.strata.testing.Buildah;
import dev.strata.testing.BuiltImage;
import dev.strata.testing.ImageSpec;
import dev.strata.testing.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-platform tag made the way researchers make one (buildah manifest create/add, then
 * manifest push --all) into a real registry: lock pins the index digest and records both
 * platforms; deleting one platform's manifest makes drift report the image gone.
 */
@Tag("integration")
class BuildahIndexLockTest {
    @TempDir Path tmp;

    @Test
    void locksTheIndexOfABuildahManifestList() throws Exception {
        try (Buildah buildah = Buildah.open(); LocalRegistry registry = LocalRegistry.start(tmp.resolve("reg"))) {
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(ImageSpec.HOST_BUSYBOX), "busybox-static not installed");
            BuiltImage amd = buildah.build(ImageSpec.busybox("LABEL flavour=amd\n"));
            BuiltImage arm = buildah.build(ImageSpec.busybox("LABEL flavour=arm\n"));
            String list = "localhost/strata-lock-list-" + ProcessHandle.current().pid();
            run(buildah, List.of("manifest", "create", list));
            run(buildah, List.of("manifest", "add", "--os", "linux", "--arch", "amd64", list, amd.name()));
            run(buildah, List.of("manifest", "add", "--os", "linux", "--arch", "arm64", list, arm.name()));
            run(buildah, List.of("manifest", "push", "--all", "--tls-verify=false", list, "docker://" + registry.host() + "/lab/multi:1"));

            Path project = Files.createDirectories(tmp.resolve("p"));
            Files.writeString(project.resolve("Dockerfile"), "FROM " + registry.host() + "/lab/multi:1\nCMD [\"sh\"]\n");
            var locked = cli("lock", project.toString());
            assertThat(locked.exit()).as(locked.err()).isZero();
            LockFile lock = LockFileIO.read(project.resolve("strata.lock"));
            ImageLock image = lock.images().get(0);
            assertThat(image.mediaType()).isIn("application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json");
            assertThat(image.platforms()).extracting(PlatformLock::platform).containsExactly("linux/amd64", "linux/arm64");
            assertThat(cli("drift", project.toString()).exit()).isZero();

            String armDigest = image.platforms().get(1).digest();
            registry.delete("lab/multi", armDigest);
            var drift = cli("drift", project.toString());
            assertThat(drift.exit()).isEqualTo(1);
            assertThat(drift.out()).contains("gone      image", "linux/arm64 manifest " + armDigest);
        }
    }

    private static void run(Buildah buildah, List<String> args) {
        ProcessResult r = buildah.run(args, Duration.ofMinutes(2));
        assertThat(r.succeeded()).as(String.join(" ", args) + "\n" + r.tail(20)).isTrue();
    }
}
