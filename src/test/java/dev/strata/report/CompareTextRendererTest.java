package dev.strata.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.strata.compare.BaseImageChange;
import dev.strata.compare.Comparison;
import dev.strata.compare.ConfigChange;
import dev.strata.compare.Counts;
import dev.strata.compare.FileChange;
import dev.strata.compare.ImageSummary;
import dev.strata.compare.LayerInfo;
import dev.strata.compare.NoiseHit;
import dev.strata.compare.NoiseRules;
import dev.strata.compare.PackageChange;
import dev.strata.compare.PackageDatabaseChange;
import dev.strata.compare.Verdict;
import dev.strata.image.FileEntry;
import dev.strata.image.FileType;
import dev.strata.packages.DatabaseIssue;
import dev.strata.packages.Ecosystem;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompareTextRendererTest {
    static final String RUN = "/bin/sh -c apt-get update && apt-get install -y python3-numpy";

    static FileEntry file(String path, int mode, String sha) {
        return new FileEntry(path, FileType.REGULAR, mode, 0, 0, 10, sha, null, 0, 0, Map.of(), 0, 1);
    }

    static Comparison sample() {
        String h1 = "a".repeat(64);
        String h2 = "b".repeat(64);
        FileChange init = new FileChange(FileChange.Change.CHANGED, "/usr/lib/python3/dist-packages/numpy/__init__.py", List.of("content"),
                file("/usr/lib/python3/dist-packages/numpy/__init__.py", 0644, h1), file("/usr/lib/python3/dist-packages/numpy/__init__.py", 0644, h2), null, RUN);
        FileChange core = new FileChange(FileChange.Change.ADDED, "/usr/lib/python3/dist-packages/numpy/_core/multiarray.py", List.of(),
                null, file("/usr/lib/python3/dist-packages/numpy/_core/multiarray.py", 0644, h2), null, RUN);
        FileChange status = new FileChange(FileChange.Change.CHANGED, "/var/lib/dpkg/status", List.of("content"),
                file("/var/lib/dpkg/status", 0644, h1), file("/var/lib/dpkg/status", 0644, h2), null, RUN);
        FileChange script = new FileChange(FileChange.Change.CHANGED, "/opt/run.sh", List.of("mode"),
                file("/opt/run.sh", 0644, h1), file("/opt/run.sh", 0755, h1), null, "COPY run.sh /opt/run.sh");
        List<dev.strata.compare.Cause> causes = List.of(
                new BaseImageChange(0, List.of(new LayerInfo(0, "sha256:" + h1, "ADD rootfs-2024.tar / # buildkit")),
                        List.of(new LayerInfo(0, "sha256:" + h2, "ADD rootfs-2025.tar / # buildkit"))),
                new PackageChange(PackageChange.Change.UPGRADED, Ecosystem.DPKG, "python3-numpy", "amd64", "1:1.24.2-1", "1:2.2.4-1", RUN,
                        List.of(init, core)),
                new PackageDatabaseChange(Ecosystem.DPKG, List.of(status)),
                script,
                new ConfigChange("env", "PYTHONHASHSEED", null, TextNode.valueOf("0")));
        Counts counts = new Counts(0, 4242, 1, 0, 3, 3, 0, 0, 1, 1, 1);
        ImageSummary a = new ImageSummary("paper-2024.tar", "docker-archive", "sha256:" + "1".repeat(64), null, "linux/amd64", 2, 4200);
        ImageSummary b = new ImageSummary("paper-2025.tar", "oci-archive", "sha256:" + "2".repeat(64), "sha256:" + "3".repeat(64), "linux/amd64", 2, 4230);
        return new Comparison(Verdict.DIFFERENT, a, b, causes, counts,
                List.of(new NoiseHit("/var/log/dpkg.log", "changed", NoiseRules.builtIn().rules().get(0))),
                NoiseRules.builtIn().rules(), List.of(new DatabaseIssue("/var/lib/rpm/Packages", "A: Berkeley DB rpmdb is not supported")));
    }

    @Test
    void textMatchesTheGoldenFileExactly() throws Exception {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("compare-different.txt")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(CompareTextRenderer.render(sample(), true, false)).isEqualTo(golden);
    }

    @Test
    void colourOnlyWhenAsked() {
        assertThat(CompareTextRenderer.render(sample(), false, true)).startsWith("\u001b[1;31mdifferent\u001b[0m\n");
        assertThat(CompareTextRenderer.render(sample(), false, false)).doesNotContain("\u001b");
    }

    @Test
    void jsonMatchesTheSchema() throws Exception {
        var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(CompareJsonRenderer.render(sample()));
        assertThat(dev.strata.cli.CompareCommandTest.schema().validate(n)).isEmpty();
        assertThat(n.get("causes").get(1).get("explanation").asText())
                .isEqualTo("python3-numpy 1:1.24.2-1 → 1:2.2.4-1 (dpkg), 2 changed files; installed by RUN apt-get update && apt-get install -y python3-numpy");
    }
}
