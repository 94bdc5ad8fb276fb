package dev.strata.compare;

import static dev.strata.packages.DebFixtures.deb;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestLayer;
import dev.strata.packages.DebFixtures;
import dev.strata.packages.DebFixtures.Deb;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** base-image-changed is claimed only when the images record a base, and never for timestamps alone. */
class BaseImageChangeTest {
    @TempDir
    Path dir;

    static final Deb LIBC = deb("libc6", "2.36-9+deb12u10", "/usr/lib/x86_64-linux-gnu/libc.so.6");
    static final Deb FILES_124 = deb("base-files", "12.4+deb12u10", "/etc/debian_version");
    static final Deb FILES_125 = deb("base-files", "12.5", "/etc/debian_version");
    static final Deb NUMPY = deb("python3-numpy", "1:1.24.2-1", "/usr/lib/python3/dist-packages/numpy/__init__.py");
    static final Deb BLAS = deb("libblas3", "3.11.0-2", "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3");

    /** rootfs layer (base-files {@code files}) + one RUN layer installing {@code installed}. */
    static TestImageBuilder image(Deb files, List<Deb> installed, Function<List<TestEntry>, List<TestEntry>> editBase) {
        List<Deb> all = new java.util.ArrayList<>(List.of(files, LIBC));
        all.addAll(installed);
        return new TestImageBuilder()
                .layer(TestLayer.of(editBase.apply(DebFixtures.base(List.of(files, LIBC)))).createdBy("/bin/sh -c #(nop) ADD file:1234 in / "))
                .layer(TestLayer.of(DebFixtures.layer(all, installed)).createdBy("/bin/sh -c apt-get install -y python3-numpy"));
    }

    static TestImageBuilder image(Deb files, List<Deb> installed) {
        return image(files, installed, Function.identity());
    }

    /** The history comments buildah writes: {@code comments[i]} on history entry i (null: none). */
    static TestImageBuilder comments(TestImageBuilder b, String... comments) {
        return b.config(c -> {
            ArrayNode h = (ArrayNode) c.get("history");
            for (int i = 0; i < comments.length; i++) {
                if (comments[i] != null) {
                    ((ObjectNode) h.get(i)).put("comment", comments[i]);
                }
            }
        });
    }

    static TestImageBuilder label(TestImageBuilder b, String key, String value) {
        return b.config(c -> ((ObjectNode) c.with("config")).putObject("Labels").put(key, value));
    }

    private static List<String> kinds(Comparison c) {
        return c.causes().stream().map(Cause::kind).toList();
    }

    @Test
    void fromScratchBuildsNeverClaimABaseEvenWhenTheBottomLayerDiffers() throws Exception {
        // buildah --layers, FROM scratch: no comment on the first entry, "FROM <intermediate id>" on the next
        TestImageBuilder a = comments(image(FILES_124, List.of(NUMPY)), null, "FROM 41363459b3c7");
        TestImageBuilder b = comments(image(FILES_125, List.of(NUMPY)), null, "FROM 9f86d081884c");
        Comparison c = TestImages.compare(a, b, dir, CompareOptions.defaults());
        assertThat(c.verdict()).isEqualTo(Verdict.DIFFERENT);
        assertThat(kinds(c)).doesNotContain("base-image-changed").contains("package-upgraded");
        // no history at all (docker save of a classic build): no evidence either
        Comparison plain = TestImages.compare(image(FILES_124, List.of(NUMPY)), image(FILES_125, List.of(NUMPY)), dir,
                CompareOptions.defaults());
        assertThat(kinds(plain)).doesNotContain("base-image-changed");
    }

    @Test
    void aBaseTheHistoryMarksIsReportedFirstWhenItsFilesDiffer() throws Exception {
        TestImageBuilder a = comments(image(FILES_124, List.of(NUMPY)), null, "FROM docker.io/library/debian:bookworm");
        TestImageBuilder b = comments(image(FILES_125, List.of(NUMPY)), null, "FROM docker.io/library/debian:bookworm");
        Comparison c = TestImages.compare(a, b, dir, CompareOptions.defaults());
        assertThat(c.causes().get(0)).isInstanceOfSatisfying(BaseImageChange.class, base -> {
            assertThat(base.sharedLayers()).isZero();
            assertThat(base.layersA()).extracting(LayerInfo::index).containsExactly(0);
            assertThat(base.layersB()).extracting(LayerInfo::index).containsExactly(0);
        });
        assertThat(kinds(c)).contains("package-upgraded");
    }

    @Test
    void baseLayersDifferingInTimestampsAloneAreNotACause() throws Exception {
        // same base content, rebuilt: every directory and file of the base layer has a new mtime
        Function<List<TestEntry>, List<TestEntry>> touch = l -> l.stream().map(e -> e.withMtime(1_800_000_000L)).toList();
        TestImageBuilder a = comments(image(FILES_124, List.of(NUMPY)), null, "FROM debian:bookworm");
        TestImageBuilder b = comments(image(FILES_124, List.of(NUMPY, BLAS), touch), null, "FROM debian:bookworm");
        Comparison c = TestImages.compare(a, b, dir, CompareOptions.defaults());
        assertThat(c.verdict()).isEqualTo(Verdict.DIFFERENT);
        assertThat(kinds(c)).doesNotContain("base-image-changed").contains("package-added");
    }

    @Test
    void sharedLeadingBaseLayersAreCountedAndOnlyTheDivergingOnesListed() throws Exception {
        List<TestEntry> common = List.of(TestEntry.dir("opt"), TestEntry.file("opt/common", "same in both bases\n"));
        Function<Deb, TestImageBuilder> build = files -> new TestImageBuilder()
                .layer(TestLayer.of(common).createdBy("ADD common.tar /"))
                .layer(TestLayer.of(DebFixtures.base(List.of(files, LIBC))).createdBy("ADD rootfs.tar /"))
                .layer(TestLayer.of(DebFixtures.layer(List.of(files, LIBC, NUMPY), List.of(NUMPY))).createdBy("RUN apt-get install -y python3-numpy"));
        TestImageBuilder a = comments(build.apply(FILES_124), null, null, "FROM example.org/base:1");
        TestImageBuilder b = comments(build.apply(FILES_125), null, null, "FROM example.org/base:1");
        Comparison c = TestImages.compare(a, b, dir, CompareOptions.defaults());
        assertThat(c.causes().get(0)).isInstanceOfSatisfying(BaseImageChange.class, base -> {
            assertThat(base.sharedLayers()).isEqualTo(1);
            assertThat(base.layersA()).extracting(LayerInfo::createdBy).containsExactly("ADD rootfs.tar /");
            assertThat(base.layersB()).extracting(LayerInfo::index).containsExactly(1);
        });
    }

    @Test
    void baseDigestLabelsDecideWhenPresent() throws Exception {
        String key = "org.opencontainers.image.base.digest";
        Comparison differ = TestImages.compare(label(image(FILES_124, List.of(NUMPY)), key, "sha256:" + "1".repeat(64)),
                label(image(FILES_125, List.of(NUMPY)), key, "sha256:" + "2".repeat(64)), dir, CompareOptions.defaults());
        assertThat(kinds(differ).get(0)).isEqualTo("base-image-changed");
        Comparison same = TestImages.compare(label(image(FILES_124, List.of(NUMPY)), key, "sha256:" + "1".repeat(64)),
                label(image(FILES_125, List.of(NUMPY)), key, "sha256:" + "1".repeat(64)), dir, CompareOptions.defaults());
        assertThat(kinds(same)).doesNotContain("base-image-changed").contains("package-upgraded");
    }

    @Test
    void anImageWithARecordedBaseAgainstOneWithoutItIsABaseChange() throws Exception {
        TestImageBuilder a = comments(image(FILES_124, List.of(NUMPY)), null, "FROM debian:bookworm");
        TestImageBuilder b = image(FILES_125, List.of(NUMPY));
        assertThat(kinds(TestImages.compare(a, b, dir, CompareOptions.defaults())).get(0)).isEqualTo("base-image-changed");
    }
}
