package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RegistryMirrorTest {
    private final RegistryMirror mirror = RegistryMirror.parse("http://127.0.0.1:5000", Set.of());

    @ParameterizedTest
    @ValueSource(strings = {"python:3.11", "python", "library/python", "docker.io/library/python:3.11", "docker.io/python",
            "index.docker.io/library/python:3.11", "registry-1.docker.io/library/python", "jupyter/scipy-notebook:2024",
            "ubuntu@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void dockerHubNamesAreMirrored(String written) {
        ImageReference ref = ImageReference.parse(written);
        assertThat(ref.isDockerHub()).isTrue();
        assertThat(mirror.serves(ref)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghcr.io/org/img:1", "quay.io/python:3.11", "localhost/lab/base:1", "127.0.0.1:5000/library/python:3.11",
            "nvcr.io/nvidia/cuda:12.4.1-runtime-ubuntu22.04", "docker.example.org/library/python"})
    void otherRegistriesAreNot(String written) {
        ImageReference ref = ImageReference.parse(written);
        assertThat(ref.isDockerHub()).isFalse();
        assertThat(mirror.serves(ref)).isFalse();
    }

    @Test
    void officialImagesKeepTheirLibraryPath() {
        assertThat(ImageReference.parse("ubuntu:latest").repository()).isEqualTo("library/ubuntu");
    }

    @Test
    void parsesAndNormalisesTheUrl() {
        assertThat(RegistryMirror.parse("https://Mirror.Example.org/", Set.of()))
                .isEqualTo(new RegistryMirror("https://mirror.example.org", "mirror.example.org"));
        assertThat(RegistryMirror.parse("http://localhost:5000", Set.of()).url()).isEqualTo("http://localhost:5000");
        assertThat(RegistryMirror.parse("http://mirror.lan:5000", Set.of("mirror.lan:5000")).authority()).isEqualTo("mirror.lan:5000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mirror.example.org", "ftp://mirror.example.org", "https://mirror.example.org/v2/", "http://mirror.example.org",
            "https://user:pw@mirror.example.org", "https://mirror.example.org?x=1", ""})
    void rejectsWhatIsNotAMirrorUrl(String text) {
        assertThatThrownBy(() -> RegistryMirror.parse(text, Set.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registry mirror");
    }
}
