package dev.strata.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.image.Image;
import dev.strata.image.ImageReader;
import dev.strata.image.ReadOptions;
import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestLayer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageInventoryTest {
    @TempDir
    Path dir;

    Image read(TestImageBuilder b) throws Exception {
        Path p = dir.resolve("img-" + System.nanoTime() + ".tar");
        b.write(TestImageBuilder.Format.OCI_ARCHIVE, p);
        return new ImageReader(ReadOptions.defaults().withCapture(PackageInventory.capturePaths())).read(p);
    }

    @Test
    void everyEcosystemInOneImageWithTheLayerThatInstalledEachPackage() throws Exception {
        DebFixtures.Deb bash = DebFixtures.deb("bash", "5.2.15-2+b7", "/usr/bin/bash");
        DebFixtures.Deb numpy = DebFixtures.deb("python3-numpy", "1:1.24.2-1", "/usr/lib/python3/dist-packages/numpy/__init__.py");
        Image image = read(new TestImageBuilder()
                .layer(TestLayer.of(DebFixtures.base(List.of(bash))).createdBy("ADD rootfs.tar /"))
                .layer(TestLayer.of(DebFixtures.layer(List.of(bash, numpy), List.of(numpy))).createdBy("RUN apt-get install python3-numpy"))
                .layer(TestLayer.of(
                        TestEntry.file("usr/local/lib/python3.11/site-packages/Requests-2.31.0.dist-info/METADATA",
                                "Metadata-Version: 2.1\nName: Requests\nVersion: 2.31.0\n"),
                        TestEntry.file("usr/local/lib/python3.11/site-packages/Requests-2.31.0.dist-info/RECORD",
                                "requests/__init__.py,sha256=x,10\nRequests-2.31.0.dist-info/METADATA,,\n"),
                        TestEntry.file("usr/local/lib/python3.11/site-packages/requests/__init__.py", "# requests"),
                        TestEntry.file("opt/conda/conda-meta/zlib-1.3.1-hb9d3cd8_2.json",
                                "{\"name\":\"zlib\",\"version\":\"1.3.1\",\"build\":\"hb9d3cd8_2\",\"subdir\":\"linux-64\",\"files\":[\"lib/libz.so.1\"]}"),
                        TestEntry.file("app/node_modules/left-pad/package.json", "{\"name\":\"left-pad\",\"version\":\"1.3.0\"}"),
                        TestEntry.file("app/node_modules/left-pad/index.js", "module.exports = 1"),
                        TestEntry.file("app/node_modules/left-pad/node_modules/dep/package.json", "{\"name\":\"dep\",\"version\":\"0.1.0\"}"),
                        TestEntry.file("usr/lib/R/site-library/jsonlite/DESCRIPTION", "Package: jsonlite\nVersion: 1.8.8\n"),
                        TestEntry.file("usr/lib/R/site-library/jsonlite/R/jsonlite", "bytecode"),
                        TestEntry.file("var/lib/rpm/Packages", "berkeley db bytes"))
                        .createdBy("RUN pip install requests")));
        PackageInventory inv = PackageInventory.of(image.files());
        assertThat(inv.packages()).extracting(p -> p.ecosystem() + ":" + p.name() + "@" + p.version() + "#" + p.layerIndex()).containsExactly(
                "dpkg:bash@5.2.15-2+b7#0", "dpkg:python3-numpy@1:1.24.2-1#1", "python:Requests@2.31.0#2", "conda:zlib@1.3.1#2",
                "npm:dep@0.1.0#2", "npm:left-pad@1.3.0#2", "r:jsonlite@1.8.8#2");
        Package numpy1 = inv.of(Ecosystem.DPKG).get(1);
        assertThat(numpy1.files()).contains("/usr/lib/python3/dist-packages/numpy/__init__.py");
        assertThat(numpy1.purl()).isEqualTo("pkg:deb/debian/python3-numpy@1:1.24.2-1?arch=amd64&distro=debian-12");
        Package leftPad = inv.of(Ecosystem.NPM).get(1);
        assertThat(leftPad.files()).contains("/app/node_modules/left-pad/index.js", "/app/node_modules/left-pad/package.json")
                .noneMatch(f -> f.contains("/node_modules/left-pad/node_modules/"));
        assertThat(inv.of(Ecosystem.R).get(0).files()).contains("/usr/lib/R/site-library/jsonlite/R/jsonlite");
        assertThat(inv.of(Ecosystem.PYTHON).get(0).files()).contains("/usr/local/lib/python3.11/site-packages/requests/__init__.py");
        assertThat(inv.of(Ecosystem.CONDA).get(0).files()).containsExactly("/opt/conda/lib/libz.so.1");
        // the Berkeley DB rpmdb is reported, never silently skipped
        assertThat(inv.issues()).singleElement().satisfies(i -> {
            assertThat(i.path()).isEqualTo("/var/lib/rpm/Packages");
            assertThat(i.problem()).contains("Berkeley DB").contains("not supported");
        });
    }

    @Test
    void apkAndSqliteRpmInImages() throws Exception {
        byte[] rpmdb = RpmFixtures.sqlite(dir, RpmFixtures.pkg("bash", "5.2.26", "3.fc40", null, "x86_64", "/usr/bin/bash"));
        Image image = read(new TestImageBuilder()
                .layer(TestLayer.of(TestEntry.file("etc/os-release", "ID=fedora\nVERSION_ID=40\n"),
                        TestEntry.file("usr/lib/sysimage/rpm/rpmdb.sqlite", rpmdb),
                        TestEntry.file("usr/bin/bash", "ELF"),
                        TestEntry.file("lib/apk/db/installed", ApkParserTest.INSTALLED))));
        PackageInventory inv = PackageInventory.of(image.files());
        assertThat(inv.issues()).isEmpty();
        assertThat(inv.packages()).extracting(p -> p.ecosystem() + ":" + p.name())
                .containsExactly("apk:libcrypto3", "apk:musl", "rpm:bash");
        assertThat(inv.of(Ecosystem.RPM).get(0).purl()).startsWith("pkg:rpm/fedora/bash@5.2.26-3.fc40");
    }
}
