package dev.strata.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.config.AuditConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileFinderTest {
    @TempDir Path dir;

    @Test
    void findsEveryConventionRecursivelyAndHonoursSkips() throws Exception {
        for (String f : List.of("Dockerfile", "gpu.Dockerfile", "Dockerfile.arm", "docker/Containerfile", "vendor/x/Dockerfile",
                ".git/Dockerfile", "node_modules/a/Dockerfile", "notes.md", "Dockerfile.md.txt", "src/dockerfile_utils.py")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "FROM scratch\n");
        }
        AuditConfig cfg = new AuditConfig(Set.of(), Map.of(), true, List.of("vendor/"));
        assertThat(DockerfileFinder.find(dir, cfg).stream().map(DockerfileFinder::slash))
                .containsExactly("Dockerfile", "Dockerfile.arm", "Dockerfile.md.txt", "docker/Containerfile", "gpu.Dockerfile");
    }

    @Test
    void names() {
        assertThat(DockerfileFinder.isBuildFileName("Dockerfile")).isTrue();
        assertThat(DockerfileFinder.isBuildFileName("Dockerfile-arm")).isTrue();
        assertThat(DockerfileFinder.isBuildFileName("Containerfile.cuda")).isTrue();
        assertThat(DockerfileFinder.isBuildFileName("app.dockerfile")).isTrue();
        assertThat(DockerfileFinder.isBuildFileName(".dockerfile")).isFalse();
        assertThat(DockerfileFinder.isBuildFileName("Dockerfile.dockerignore")).isFalse();
        assertThat(DockerfileFinder.isBuildFileName("dockerfile_utils.py")).isFalse();
    }

    @Test
    void directoryWalkSkipsBackupCopiesButANamedBackupIsStillAudited() throws Exception {
        for (String f : List.of("Dockerfile", "Dockerfile.orig", "Dockerfile.bak", "Dockerfile~", "Dockerfile.rej",
                "Dockerfile.swp", "gpu.Dockerfile.ORIG", "docker/Containerfile.orig", "docker/Containerfile",
                "Dockerfile.original-base")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "FROM debian:bookworm\n");
        }
        AuditConfig cfg = new AuditConfig(Set.of(), Map.of(), true, List.of());
        assertThat(DockerfileFinder.find(dir, cfg).stream().map(DockerfileFinder::slash))
                .containsExactly("Dockerfile", "Dockerfile.original-base", "docker/Containerfile");
        assertThat(DockerfileFinder.isBackupName("Dockerfile.orig")).isTrue();
        assertThat(DockerfileFinder.isBackupName("Dockerfile")).isFalse();
        AuditResult named = Auditor.audit(dir.resolve("Dockerfile.orig"), "Dockerfile.orig", cfg);
        assertThat(named.files()).containsExactly("Dockerfile.orig");
    }
}
