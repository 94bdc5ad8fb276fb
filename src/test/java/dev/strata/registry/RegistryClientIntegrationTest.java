package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a real distribution registry on 127.0.0.1, filled by skopeo. */
@Tag("integration")
class RegistryClientIntegrationTest {
    @TempDir Path tmp;

    private static RegistryClient client() {
        return new RegistryClient(RegistryOptions.defaults().withSleeper(d -> {}), CredentialSource.anonymous());
    }

    @Test
    void resolvesSinglePlatformTagToManifestDigestAndPlatform() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("reg"))) {
            OciLayoutWriter layout = new OciLayoutWriter(tmp.resolve("oci"));
            OciLayoutWriter.Blob manifest = layout.image("one", "linux", "amd64");
            layout.tag(manifest, "1.0");
            registry.push(layout.dir(), "1.0", "lab/tool", false);

            ResolvedManifest resolved = client().resolve(ImageReference.parse(registry.host() + "/lab/tool:1.0"));
            assertThat(resolved.digest()).isEqualTo(manifest.digest());
            assertThat(resolved.isIndex()).isFalse();
            assertThat(resolved.platform()).isEqualTo("linux/amd64");
            assertThat(client().headDigest(ImageReference.parse(registry.host() + "/lab/tool:1.0"))).contains(manifest.digest());
        }
    }

    @Test
    void multiPlatformTagPinsTheIndexAndRecordsEachPlatform() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("reg"))) {
            OciLayoutWriter layout = new OciLayoutWriter(tmp.resolve("oci"));
            OciLayoutWriter.Blob amd = layout.image("x86", "linux", "amd64");
            OciLayoutWriter.Blob arm = layout.image("arm", "linux", "arm64");
            OciLayoutWriter.Blob index = layout.index(List.of(amd, arm), List.of("linux/amd64", "linux/arm64"));
            layout.tag(index, "3.11");
            registry.push(layout.dir(), "3.11", "library/python", true);

            ResolvedManifest resolved = client().resolve(ImageReference.parse(registry.host() + "/library/python:3.11"));
            assertThat(resolved.digest()).isEqualTo(index.digest());
            assertThat(resolved.isIndex()).isTrue();
            assertThat(resolved.platforms()).containsExactly(
                    new PlatformManifest("linux/amd64", amd.digest(), MediaTypes.OCI_MANIFEST),
                    new PlatformManifest("linux/arm64", arm.digest(), MediaTypes.OCI_MANIFEST));
        }
    }

    @Test
    void movedTagAndDeletedManifestAreSeen() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("reg"))) {
            OciLayoutWriter first = new OciLayoutWriter(tmp.resolve("oci1"));
            OciLayoutWriter.Blob v1 = first.image("v1", "linux", "amd64");
            first.tag(v1, "stable");
            registry.push(first.dir(), "stable", "lab/app", false);
            OciLayoutWriter second = new OciLayoutWriter(tmp.resolve("oci2"));
            OciLayoutWriter.Blob v2 = second.image("v2", "linux", "amd64");
            second.tag(v2, "stable");
            registry.push(second.dir(), "stable", "lab/app", false);

            ImageReference tag = ImageReference.parse(registry.host() + "/lab/app:stable");
            assertThat(client().headDigest(tag)).contains(v2.digest());
            assertThat(client().exists(tag.withDigest(v1.digest()))).isTrue();

            registry.delete("lab/app", v1.digest());
            assertThat(client().exists(tag.withDigest(v1.digest()))).isFalse();
            assertThatThrownBy(() -> client().resolve(ImageReference.parse(registry.host() + "/lab/app:missing")))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("not found")
                    .extracting(e -> ((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.NOT_FOUND);
        }
    }

    @Test
    void basicAuthWithConfiguredCredentialsAndClearRefusalWithout() throws Exception {
        try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("reg"), "alice", "s3cret-pw")) {
            OciLayoutWriter layout = new OciLayoutWriter(tmp.resolve("oci"));
            OciLayoutWriter.Blob manifest = layout.image("private", "linux", "amd64");
            layout.tag(manifest, "v1");
            registry.push(layout.dir(), "v1", "team/private", false);
            ImageReference ref = ImageReference.parse(registry.host() + "/team/private:v1");

            RegistryClient good = new RegistryClient(RegistryOptions.defaults(),
                    host -> host.equals(registry.host()) ? Optional.of(new Credentials("alice", "s3cret-pw")) : Optional.empty());
            assertThat(good.resolve(ref).digest()).isEqualTo(manifest.digest());

            assertThatThrownBy(() -> client().resolve(ref))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("no credentials for " + registry.host());
            RegistryClient bad = new RegistryClient(RegistryOptions.defaults(),
                    host -> Optional.of(new Credentials("alice", "wrong")));
            assertThatThrownBy(() -> bad.resolve(ref))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageContaining("rejected the credentials")
                    .hasMessageNotContaining("wrong");
        }
    }
}
