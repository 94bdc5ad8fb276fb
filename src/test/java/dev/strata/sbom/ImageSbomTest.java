package dev.strata.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.image.Image;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestLayer;
import dev.strata.packages.DebFixtures;
import dev.strata.packages.DpkgParser;
import dev.strata.packages.OsRelease;
import dev.strata.packages.Package;
import dev.strata.packages.PackageInventory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSbomTest {
    @TempDir
    Path dir;

    static final List<DebFixtures.Deb> DEBS = List.of(
            DebFixtures.deb("base-files", "12.4+deb12u10", "/etc/debian_version"),
            DebFixtures.deb("libc6", "2.36-9+deb12u10", "/usr/lib/x86_64-linux-gnu/libc.so.6"),
            DebFixtures.deb("python3-numpy", "1:1.24.2-1+b1", "/usr/lib/python3/dist-packages/numpy/__init__.py"));

    Path imageFile() {
        Path p = dir.resolve("analysis-env.tar");
        new TestImageBuilder().layer(TestLayer.of(DebFixtures.base(DEBS)).createdBy("ADD rootfs.tar /"))
                .write(TestImageBuilder.Format.OCI_ARCHIVE, p);
        return p;
    }

    @Test
    void cycloneDxOutputValidatesAgainstTheLibrarysOwnSchemaAndListsWhatDpkgLists() throws Exception {
        Image image = dev.strata.compare.ImageFiles.readWithPackages(imageFile(), dev.strata.image.ReadOptions.defaults());
        String json = ImageSbom.json(ImageSbom.build(image, PackageInventory.of(image.files()), "test"));
        assertThat(new JsonParser().validate(json.getBytes(StandardCharsets.UTF_8), ImageSbom.SPEC)).isEmpty();

        JsonNode bom = new ObjectMapper().readTree(json);
        assertThat(bom.get("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.get("metadata").has("timestamp")).isFalse();
        assertThat(bom.get("specVersion").asText()).isEqualTo("1.6");
        JsonNode subject = bom.get("metadata").get("component");
        assertThat(subject.get("type").asText()).isEqualTo("container");
        assertThat(subject.get("name").asText()).isEqualTo("analysis-env");
        assertThat(subject.get("bom-ref").asText()).isEqualTo(image.configDigest());
        assertThat(subject.get("version").asText()).isEqualTo(image.manifestDigest());
        assertThat(subject.get("purl").asText()).startsWith("pkg:oci/analysis-env@sha256:");

        // the same packages, names and versions as the image's own dpkg status file
        byte[] status = image.files().content("/var/lib/dpkg/status").orElseThrow();
        List<String> fromDpkg = new ArrayList<>();
        for (Package p : DpkgParser.parseStatus("/var/lib/dpkg/status", status, OsRelease.UNKNOWN)) {
            fromDpkg.add(p.name() + " " + p.version());
        }
        List<String> fromSbom = new ArrayList<>();
        for (JsonNode c : bom.get("components")) {
            fromSbom.add(c.get("name").asText() + " " + c.get("version").asText());
        }
        assertThat(fromSbom).containsExactlyInAnyOrderElementsOf(fromDpkg).hasSize(3);
        assertThat(bom.get("components").get(2).get("purl").asText())
                .isEqualTo("pkg:deb/debian/python3-numpy@1:1.24.2-1%2Bb1?arch=amd64&distro=debian-12");
    }

    @Test
    void theSameImageGivesTheSameBytes() throws Exception {
        Path p = imageFile();
        Image one = dev.strata.compare.ImageFiles.readWithPackages(p, dev.strata.image.ReadOptions.defaults());
        Image two = dev.strata.compare.ImageFiles.readWithPackages(p, dev.strata.image.ReadOptions.defaults());
        assertThat(ImageSbom.json(ImageSbom.build(one, PackageInventory.of(one.files()), "x")))
                .isEqualTo(ImageSbom.json(ImageSbom.build(two, PackageInventory.of(two.files()), "x")));
    }

    @Test
    void cliWritesTheFileAtomicallyAndExitsTwoOnBadInput() throws Exception {
        Path out = dir.resolve("sbom.json");
        int exit = new picocli.CommandLine(new dev.strata.cli.StrataCommand()).execute("sbom", imageFile().toString(), "--output", out.toString());
        assertThat(exit).isZero();
        assertThat(new JsonParser().isValid(Files.readAllBytes(out), ImageSbom.SPEC)).isTrue();
        try (var s = Files.list(dir)) {
            assertThat(s.map(x -> x.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new dev.strata.cli.StrataCommand());
        cl.setErr(new java.io.PrintWriter(err));
        assertThat(cl.execute("sbom", dir.resolve("nope.tar").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("strata: ").contains("nope.tar").hasLineCount(1);
    }
}
