package dev.strata.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.image.ReadOptions;
import dev.strata.packages.Ecosystem;
import dev.strata.report.CompareTextRenderer;
import dev.strata.testing.Buildah;
import dev.strata.testing.BuiltImage;
import dev.strata.testing.ExportFormat;
import dev.strata.testing.ImageSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real images built with buildah (debootstrap bookworm base + apt-get install), compared as users
 * compare them. Skips with a message when buildah or debootstrap is missing.
 */
@Tag("integration")
class CompareIntegrationTest {
    private static Buildah buildah;

    static final String JQ = "RUN apt-get update && apt-get install -y --no-install-recommends jq\n";
    static final String JQ_AND_FILE = "RUN apt-get update && apt-get install -y --no-install-recommends jq file\n";
    /** gawk pulls libreadline8, whose .list names its libraries and .so.8 links under /lib (merged-/usr alias). */
    static final String JQ_AND_GAWK = "RUN apt-get update && apt-get install -y --no-install-recommends jq gawk\n";

    @BeforeAll
    static void open() {
        buildah = Buildah.open();
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.strata.testing.DebianRootfs.unusableReason().isEmpty(),
                () -> dev.strata.testing.DebianRootfs.unusableReason().orElse(""));
    }

    @AfterAll
    static void close() {
        if (buildah != null) {
            buildah.close();
        }
    }

    static Comparison compare(Path a, Path b, CompareOptions options) throws Exception {
        Comparison c = ImageFiles.compare(a, b, options, ReadOptions.defaults());
        System.out.println(CompareTextRenderer.render(c, true, false));
        return c;
    }

    @Test
    void sameDockerfileBuiltTwiceIsFunctionallyEquivalentAndOneMorePackageIsNamedWithItsDependencies() throws Exception {
        Path first = buildah.buildAndExport(ImageSpec.debian(JQ), ExportFormat.OCI_ARCHIVE);
        Path second = buildah.buildAndExport(ImageSpec.debian(JQ), ExportFormat.DOCKER_ARCHIVE);
        Comparison same = compare(first, second, CompareOptions.defaults());
        assertThat(same.verdict()).isEqualTo(Verdict.FUNCTIONALLY_EQUIVALENT);
        assertThat(same.noise()).extracting(NoiseHit::subject)
                .contains("/var/log/dpkg.log", "/var/log/apt/history.log", "/var/cache/ldconfig/aux-cache");

        // the SBOM of a real image lists exactly what its dpkg status lists
        dev.strata.image.Image image = ImageFiles.readWithPackages(first, ReadOptions.defaults());
        String sbom = dev.strata.sbom.ImageSbom.json(dev.strata.sbom.ImageSbom.build(image,
                dev.strata.packages.PackageInventory.of(image.files()), "it"));
        assertThat(new org.cyclonedx.parsers.JsonParser().validate(sbom.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                dev.strata.sbom.ImageSbom.SPEC)).isEmpty();
        List<String> dpkg = dev.strata.packages.DpkgParser.parseStatus("/var/lib/dpkg/status",
                        image.files().content("/var/lib/dpkg/status").orElseThrow(), dev.strata.packages.OsRelease.UNKNOWN)
                .stream().map(p -> p.name() + " " + p.version()).sorted().toList();
        List<String> listed = new java.util.ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(sbom).get("components").forEach(c -> {
            String purl = c.get("purl").asText();
            if (purl.startsWith("pkg:deb/")) {
                listed.add(c.get("name").asText() + " " + c.get("version").asText());
            }
        });
        assertThat(listed).hasSizeGreaterThan(80).containsExactlyInAnyOrderElementsOf(dpkg).anyMatch(n -> n.startsWith("jq "));

        Comparison strict = compare(first, second, CompareOptions.strict());
        assertThat(strict.verdict()).isEqualTo(Verdict.DIFFERENT);
        assertThat(strict.causes()).filteredOn(c -> c instanceof FileChange).extracting(c -> ((FileChange) c).path())
                .contains("/var/log/dpkg.log");
        // buildah --layers=false squashes each build into one layer: no base to blame
        assertThat(strict.causes()).noneMatch(c -> c instanceof BaseImageChange);

        Path more = buildah.buildAndExport(ImageSpec.debian(JQ_AND_FILE), ExportFormat.OCI_ARCHIVE);
        Comparison diff = compare(first, more, CompareOptions.defaults());
        assertThat(diff.verdict()).isEqualTo(Verdict.DIFFERENT);
        assertThat(dev.strata.cli.CompareCommandTest.schema().validate(dev.strata.report.CompareJsonRenderer.toJson(diff))).isEmpty();
        List<PackageChange> added = diff.causes().stream().filter(c -> c instanceof PackageChange).map(c -> (PackageChange) c).toList();
        assertThat(added).allMatch(p -> p.change() == PackageChange.Change.ADDED && p.ecosystem() == Ecosystem.DPKG);
        assertThat(added).extracting(PackageChange::name).contains("file", "libmagic1", "libmagic-mgc");
        PackageChange file = added.stream().filter(p -> p.name().equals("file")).findFirst().orElseThrow();
        assertThat(file.files()).extracting(FileChange::path).contains("/usr/bin/file");
        assertThat(file.introducedBy()).contains("apt-get install").contains("file");
        // everything the extra install wrote is explained: package files, the .debs apt kept, dpkg/apt state
        assertThat(diff.causes()).noneMatch(c -> c instanceof FileChange);
        assertThat(file.files()).extracting(FileChange::path).anyMatch(p -> p.startsWith("/var/cache/apt/archives/file_"));

        // shared libraries dpkg lists under /lib on a merged-/usr system are folded under their package
        Path gawk = buildah.buildAndExport(ImageSpec.debian(JQ_AND_GAWK), ExportFormat.OCI_ARCHIVE);
        Comparison withGawk = compare(first, gawk, CompareOptions.defaults());
        PackageChange readline = withGawk.causes().stream().filter(c -> c instanceof PackageChange p && p.name().equals("libreadline8"))
                .map(c -> (PackageChange) c).findFirst().orElseThrow();
        assertThat(readline.files()).extracting(FileChange::path).contains("/usr/lib/x86_64-linux-gnu/libreadline.so.8");
        assertThat(withGawk.causes()).noneMatch(c -> c instanceof FileChange);
    }

    @Test
    void fromScratchWithFixedTimestampIsBitwiseIdenticalAcrossBuildsAndFormats() throws Exception {
        ImageSpec spec = ImageSpec.busybox("COPY data.txt /data/data.txt\n" + ImageSpec.busyboxRun("/bin/busybox mkdir -p /out && /bin/busybox cp /data/data.txt /out/copy"))
                .withFile("data.txt", "measurements 1 2 3\n").withTimestamp(1_700_000_000L);
        BuiltImage one = buildah.build(spec);
        BuiltImage two = buildah.build(spec);
        Path a = buildah.export(one, ExportFormat.OCI_ARCHIVE);
        for (ExportFormat f : ExportFormat.values()) {
            Path b = buildah.export(two, f);
            Comparison c = compare(a, b, CompareOptions.defaults());
            assertThat(c.verdict()).as(f.transport()).isEqualTo(Verdict.BITWISE_IDENTICAL);
        }
    }

    @Test
    void aBaseBuildahRecordsIsNamedAndFromScratchBuildsNeverBlameOne() throws Exception {
        BuiltImage base1 = buildah.build(ImageSpec.busybox("COPY version.txt /etc/version\n").withFile("version.txt", "1\n"));
        BuiltImage base2 = buildah.build(ImageSpec.busybox("COPY version.txt /etc/version\n").withFile("version.txt", "2\n"));
        // two FROM scratch builds whose only layer differs: no base is recorded, none is blamed
        Comparison scratch = compare(buildah.export(base1, ExportFormat.OCI_ARCHIVE), buildah.export(base2, ExportFormat.OCI_ARCHIVE),
                CompareOptions.defaults());
        assertThat(scratch.verdict()).isEqualTo(Verdict.DIFFERENT);
        assertThat(scratch.causes()).noneMatch(c -> c instanceof BaseImageChange);
        // the same application on each: buildah writes "FROM <base>" into the history, which marks the base layer
        String app = "COPY app.txt /app/app.txt\n";
        Path child1 = buildah.buildAndExport(ImageSpec.of("FROM " + base1.name() + "\n" + app).withFile("app.txt", "app\n"),
                ExportFormat.OCI_ARCHIVE);
        Path child2 = buildah.buildAndExport(ImageSpec.of("FROM " + base2.name() + "\n" + app).withFile("app.txt", "app\n"),
                ExportFormat.DOCKER_ARCHIVE);
        Comparison children = compare(child1, child2, CompareOptions.defaults());
        assertThat(children.causes().get(0)).isInstanceOfSatisfying(BaseImageChange.class, b -> {
            assertThat(b.sharedLayers()).isZero();
            assertThat(b.layersA()).extracting(LayerInfo::index).containsExactly(0);
            assertThat(b.layersB()).extracting(LayerInfo::index).containsExactly(0);
        });
        assertThat(children.causes()).filteredOn(c -> c instanceof FileChange).extracting(c -> ((FileChange) c).path())
                .containsExactly("/etc/version");
    }
}
