package dev.strata.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact commands each adapter runs, checked without the programs. */
class BuilderCommandsTest {
    @TempDir
    Path tmp;

    private BuildRequest request(Long timestamp) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("PY", "3.11");
        args.put("SOURCE_DATE_EPOCH", "1700000000");
        return new BuildRequest(tmp.resolve("ctx"), tmp.resolve("ctx/Dockerfile"), tmp.resolve("b1.oci.tar"),
                tmp.resolve("b1.log"), "localhost/strata-rebuild-1", args, Map.of("TZ", "Etc/GMT+12"), "runtime",
                "linux/arm64", List.of("id=tok,src=/run/tok"), timestamp);
    }

    @Test
    void buildahBuildsWithoutCacheInChrootThenPushesTheOciArchiveAndRemovesTheImage() throws Exception {
        FakeRunner r = new FakeRunner(argv -> FakeRunner.ok(""));
        BuildOutcome out = new BuildahBuilder(r, List.of("--root", "/s"), Map.of()).build(request(0L), line -> { });
        assertThat(out.succeeded()).isTrue();
        assertThat(out.archive()).isEqualTo(tmp.resolve("b1.oci.tar"));
        assertThat(r.argvs()).containsExactly(
                List.of("buildah", "--root", "/s", "bud", "--no-cache", "--layers", "--format", "oci",
                        "--isolation", "chroot", "--timestamp", "0", "--build-arg", "PY=3.11", "--build-arg",
                        "SOURCE_DATE_EPOCH=1700000000", "--target", "runtime", "--platform", "linux/arm64", "--secret",
                        "id=tok,src=/run/tok", "-f", tmp.resolve("ctx/Dockerfile").toString(), "-t",
                        "localhost/strata-rebuild-1", tmp.resolve("ctx").toString()),
                List.of("buildah", "--root", "/s", "push", "--compression-format", "zstd", "--compression-level", "1",
                        "localhost/strata-rebuild-1",
                        "oci-archive:" + tmp.resolve("b1.oci.tar")),
                List.of("buildah", "--root", "/s", "rmi", "--force", "localhost/strata-rebuild-1"));
        assertThat(r.seen.get(0).environment()).containsEntry("TZ", "Etc/GMT+12");
        assertThat(r.seen.get(0).log()).isEqualTo(tmp.resolve("b1.log"));
        assertThat(Files.readString(tmp.resolve("b1.log"))).startsWith("$ buildah --root /s bud --no-cache");
    }

    @Test
    void failedBuildIsAnOutcomeNotAnExportAttempt() {
        FakeRunner r = new FakeRunner(argv -> FakeRunner.fail(1, "Error: building at STEP"));
        BuildOutcome out = new BuildahBuilder(r).build(request(null), line -> { });
        assertThat(out.succeeded()).isFalse();
        assertThat(out.exitCode()).isEqualTo(1);
        assertThat(out.archive()).isNull();
        assertThat(r.argvs()).hasSize(1);
        assertThat(r.argvs().get(0)).doesNotContain("--timestamp");
    }

    @Test
    void podmanBuildsThenSavesAsOciArchive() {
        FakeRunner r = new FakeRunner(argv -> FakeRunner.ok(""));
        new PodmanBuilder(r).build(request(5L), line -> { });
        assertThat(r.argvs().get(0)).startsWith("podman", "build", "--no-cache", "--layers", "--format", "oci",
                "--timestamp", "5");
        assertThat(r.argvs().get(1)).containsExactly("podman", "save", "--format", "oci-archive", "--uncompressed", "-o",
                tmp.resolve("b1.oci.tar").toString(), "localhost/strata-rebuild-1");
        assertThat(r.argvs().get(2)).containsExactly("podman", "rmi", "--force", "localhost/strata-rebuild-1");
    }

    @Test
    void dockerUsesBuildxOciOutputAndRewriteTimestampForAFixedTime() {
        List<String> argv = new DockerBuilder(cmd -> FakeRunner.ok("")).buildArgv(request(42L));
        assertThat(argv).startsWith("docker", "buildx", "build", "--no-cache", "--progress", "plain", "--output",
                "type=oci,dest=" + tmp.resolve("b1.oci.tar") + ",compression=uncompressed,rewrite-timestamp=true");
        assertThat(argv).containsSequence("--build-arg", "SOURCE_DATE_EPOCH=42");
        assertThat(argv).doesNotContain("SOURCE_DATE_EPOCH=1700000000");
        assertThat(argv).containsSequence("--secret", "id=tok,src=/run/tok");
        assertThat(argv).endsWith("-f", tmp.resolve("ctx/Dockerfile").toString(), tmp.resolve("ctx").toString());
    }

    @Test
    void dockerWithoutFixedTimeKeepsTheUsersArgs() {
        List<String> argv = new DockerBuilder(cmd -> FakeRunner.ok("")).buildArgv(request(null));
        assertThat(argv).contains("type=oci,dest=" + tmp.resolve("b1.oci.tar") + ",compression=uncompressed");
        assertThat(argv).containsSequence("--build-arg", "SOURCE_DATE_EPOCH=1700000000");
    }

    @Test
    void onlyBuildKitLacksHostnameVariation() {
        CommandRunner r = cmd -> FakeRunner.ok("");
        assertThat(new DockerBuilder(r).supports(Variation.HOSTNAME)).isFalse();
        assertThat(new DockerBuilder(r).supports(Variation.UMASK)).isTrue();
        assertThat(new BuildahBuilder(r).supports(Variation.HOSTNAME)).isTrue();
        assertThat(new PodmanBuilder(r).supports(Variation.HOSTNAME)).isTrue();
    }
}
