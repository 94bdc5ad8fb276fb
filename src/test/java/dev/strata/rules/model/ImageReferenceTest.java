package dev.strata.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {
    record Parts(String registry, String path, String tag, String digest) {
        String text() {
            return (registry.isEmpty() ? "" : registry + "/") + path + (tag.isEmpty() ? "" : ":" + tag)
                    + (digest.isEmpty() ? "" : "@sha256:" + digest);
        }
    }

    @Provide
    Arbitrary<Parts> references() {
        Arbitrary<String> registry = Arbitraries.of("", "docker.io", "ghcr.io", "localhost:5000", "registry.example.org:8443");
        Arbitrary<String> path = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                .list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("/", l));
        Arbitrary<String> tag = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings().withChars("abcxyz0123456789._-")
                .ofMinLength(1).ofMaxLength(12).filter(t -> Character.isLetterOrDigit(t.charAt(0))));
        Arbitrary<String> digest = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings().withChars("0123456789abcdef").ofLength(64));
        return Combinators.combine(registry, path, tag, digest).as(Parts::new);
    }

    @Property
    void splitsEveryComposedReferenceBackIntoItsParts(@ForAll("references") Parts p) {
        ImageReference r = ImageReference.parse(p.text());
        assertThat(r.repository()).isEqualTo((p.registry().isEmpty() ? "" : p.registry() + "/") + p.path());
        assertThat(r.tag()).isEqualTo(p.tag().isEmpty() ? null : p.tag());
        assertThat(r.hasDigest()).isEqualTo(!p.digest().isEmpty());
        assertThat(r.floatsAsLatest()).isEqualTo(p.digest().isEmpty() && (p.tag().isEmpty() || p.tag().equals("latest")));
    }

    @Test
    void scratchAndPorts() {
        assertThat(ImageReference.parse("scratch").isScratch()).isTrue();
        assertThat(ImageReference.parse("scratch:1").isScratch()).isFalse();
        assertThat(ImageReference.parse("localhost:5000/x").tag()).isNull();
    }
}
