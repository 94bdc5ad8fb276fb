package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
    private static final String D = "sha256:" + "ab".repeat(32);

    @ParameterizedTest
    @CsvSource({
        "python,                                  docker.io/library/python:latest",
        "python:3.11,                             docker.io/library/python:3.11",
        "jupyter/scipy-notebook:2024-01-01,       docker.io/jupyter/scipy-notebook:2024-01-01",
        "index.docker.io/library/ubuntu:22.04,    docker.io/library/ubuntu:22.04",
        "registry-1.docker.io/nvidia/cuda:12.2.0, docker.io/nvidia/cuda:12.2.0",
        "docker.io/ubuntu,                        docker.io/library/ubuntu:latest",
        "ghcr.io/astral-sh/uv:0.4,                ghcr.io/astral-sh/uv:0.4",
        "localhost/app,                           localhost/app:latest",
        "localhost:5000/team/app:v1,              localhost:5000/team/app:v1",
        "127.0.0.1:5000/app:v1,                   127.0.0.1:5000/app:v1",
        "nvcr.io/nvidia/jax:24.04-py3,            nvcr.io/nvidia/jax:24.04-py3",
    })
    void normalisesLikeDocker(String input, String canonical) {
        assertThat(ImageReference.parse(input).toString()).isEqualTo(canonical);
    }

    @org.junit.jupiter.api.Test
    void keepsTagAndDigestAndPicksEndpoint() {
        ImageReference r = ImageReference.parse("python:3.11@" + D);
        assertThat(r.tag()).isEqualTo("3.11");
        assertThat(r.digest()).isEqualTo(D);
        assertThat(r.manifestReference()).isEqualTo(D);
        assertThat(r.endpointHost()).isEqualTo("registry-1.docker.io");
        assertThat(ImageReference.parse("python@" + D).tag()).isNull();
        assertThat(ImageReference.parse("localhost:5000/a").endpointHost()).isEqualTo("localhost:5000");
        assertThat(ImageReference.parse("localhost:5000/a").isLoopback()).isTrue();
        assertThat(ImageReference.parse("quay.io/a/b").isLoopback()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Python:3", "python:", "python@sha256:xyz", "python@sha256:" + "AB", "a//b", "python:3 11", "-x"})
    void rejectsMalformed(String input) {
        assertThatThrownBy(() -> ImageReference.parse(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void canonicalFormIsAFixedPoint(
            @ForAll @AlphaChars @StringLength(min = 1, max = 12) String name,
            @ForAll @NumericChars @StringLength(min = 1, max = 6) String tag) {
        ImageReference once = ImageReference.parse(name.toLowerCase(java.util.Locale.ROOT) + ":" + tag);
        assertThat(ImageReference.parse(once.toString())).isEqualTo(once);
    }
}
