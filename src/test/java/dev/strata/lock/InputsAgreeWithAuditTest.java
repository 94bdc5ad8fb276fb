package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.audit.Auditor;
import dev.strata.config.AuditConfig;
import dev.strata.dockerfile.DockerfileParser;
import dev.strata.rules.Finding;
import dev.strata.rules.model.BuildContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cases where lock's target discovery and the audit rules used to disagree, now that both read RUN
 * commands through the shell package's ToolCalls: what lock finds floating the audit reports, and
 * after pin neither does.
 */
class InputsAgreeWithAuditTest {
    @TempDir Path tmp;

    private static List<String> rules(String text) throws Exception {
        return Auditor.check(Auditor.model("Dockerfile", "Dockerfile", text, BuildContext.empty()), AuditConfig.defaults()).stream()
                .map(Finding::rule).toList();
    }

    private static DockerfileInputs inputs(String text) throws Exception {
        return DockerfileInputs.of(DockerfileParser.parse("Dockerfile", text));
    }

    private String pinned(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path dockerfile = Files.createDirectories(tmp.resolve("d" + Integer.toHexString(text.hashCode()))).resolve("Dockerfile");
        Files.write(dockerfile, bytes);
        LockFile lock = CorpusAuditAfterPinTest.syntheticLock(inputs(text), Hashes.sha256Hex(bytes));
        return new String(Pinner.plan(dockerfile, lock).after(), StandardCharsets.UTF_8);
    }

    @Test
    void aDownloadUrlBuiltFromEnvIsLockedAndPinned() throws Exception {
        String text = "FROM alpine:3.20\nENV TOOL_VERSION=1.2.3\n"
                + "RUN wget -O /usr/local/bin/tool \"https://example.org/tool/${TOOL_VERSION}/tool\" && chmod +x /usr/local/bin/tool\n";
        assertThat(inputs(text).targets()).filteredOn(LockTarget.Download.class::isInstance)
                .singleElement().satisfies(t -> assertThat(((LockTarget.Download) t).url()).isEqualTo("https://example.org/tool/1.2.3/tool"));
        assertThat(rules(text)).contains("download-unverified");
        assertThat(rules(pinned(text))).doesNotContain("download-unverified");
    }

    @Test
    void busyboxWgetIsADownloadForBoth() throws Exception {
        String text = "FROM alpine:3.20\nRUN busybox wget -O /tmp/t.tgz https://example.org/t.tgz && tar -xzf /tmp/t.tgz\n";
        assertThat(inputs(text).targets()).filteredOn(LockTarget.Download.class::isInstance).hasSize(1);
        assertThat(rules(text)).contains("download-unverified");
        assertThat(rules(pinned(text))).doesNotContain("download-unverified");
    }

    @Test
    void aCheckoutOfACommitFromABuildArgumentPinsTheCloneForBoth() throws Exception {
        String text = "FROM alpine:3.20\nARG COMMIT\nRUN git clone https://example.org/r.git && git -C r checkout \"$COMMIT\"\n";
        assertThat(inputs(text).targets()).filteredOn(LockTarget.Git.class::isInstance)
                .singleElement().satisfies(t -> assertThat(((LockTarget.Git) t).alreadyPinned()).isTrue());
        assertThat(rules(text)).doesNotContain("git-unpinned");
        assertThat(pinned(text)).doesNotContain("checkout -q");
    }

    @Test
    void anApkRangeIsFloatingForBoth() throws Exception {
        String text = "FROM alpine:3.20\nRUN apk add --no-cache 'su-exec>=0.2' musl-dev~1.2\n";
        assertThat(inputs(text).targets()).filteredOn(LockTarget.Pkg.class::isInstance)
                .extracting(t -> ((LockTarget.Pkg) t).alreadyPinned()).containsExactly(false, false);
        assertThat(rules(text)).contains("apk-unpinned");
        String after = pinned(text);
        assertThat(after).contains("'su-exec=1.2.3-r4'", "musl-dev=1.2.3-r4");
        assertThat(rules(after)).doesNotContain("apk-unpinned");
    }
}
