package dev.strata.image;

import static dev.strata.image.testing.TestEntry.blockDevice;
import static dev.strata.image.testing.TestEntry.charDevice;
import static dev.strata.image.testing.TestEntry.dir;
import static dev.strata.image.testing.TestEntry.fifo;
import static dev.strata.image.testing.TestEntry.file;
import static dev.strata.image.testing.TestEntry.hardlink;
import static dev.strata.image.testing.TestEntry.opaque;
import static dev.strata.image.testing.TestEntry.symlink;
import static dev.strata.image.testing.TestEntry.whiteout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestImageBuilder.Format;
import dev.strata.image.testing.TestLayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeSemanticsTest {
    @TempDir
    Path dir;

    private Image read(TestImageBuilder b) throws ImageReadException {
        return read(b, ReadOptions.defaults());
    }

    private Image read(TestImageBuilder b, ReadOptions options) throws ImageReadException {
        Path tar = dir.resolve("img-" + System.nanoTime() + ".tar");
        b.write(Format.OCI_ARCHIVE, tar);
        return new ImageReader(options).read(tar);
    }

    private static String sha(String content) {
        return TestLayer.digestOf(content.getBytes(StandardCharsets.UTF_8)).substring(7);
    }

    @Test
    void whiteoutRemovesAFileAndADirectoryWithItsChildren() throws Exception {
        Image img = read(new TestImageBuilder()
                .layer(dir("a"), file("a/keep", "k"), file("a/gone", "g"), dir("d"), file("d/x", "x"), dir("d/sub"),
                        file("d/sub/y", "y"), file("d-sibling", "s"))
                .layer(whiteout("a/gone"), whiteout("d")));
        assertThat(img.files().entries()).extracting(FileEntry::path)
                .containsExactly("/", "/a", "/a/keep", "/d-sibling");
    }

    @Test
    void whiteoutDoesNotRemoveWhatTheSameLayerAdds() throws Exception {
        Image img = read(new TestImageBuilder()
                .layer(file("f", "old"))
                .layer(whiteout("f"), file("f", "new")));
        assertThat(img.files().get("/f").orElseThrow().sha256()).isEqualTo(sha("new"));
    }

    @Test
    void opaqueDirectoryHidesOnlyLowerLayersChildren() throws Exception {
        Image img = read(new TestImageBuilder()
                .layer(dir("etc"), file("etc/lower", "l"), dir("etc/sub"), file("etc/sub/deep", "d"), file("other", "o"))
                .layer(dir("etc"), file("etc/before", "b"), opaque("etc"), file("etc/after", "a")));
        assertThat(img.files().entries()).extracting(FileEntry::path)
                .containsExactly("/", "/etc", "/etc/after", "/etc/before", "/other");
    }

    @Test
    void laterEntriesOverwriteEarlierOnesAcrossAndWithinLayers() throws Exception {
        Image img = read(new TestImageBuilder()
                .layer(file("f", "one"), file("f", "two"), file("g", "g1"))
                .layer(file("g", "g2").withMode(0600)));
        assertThat(img.files().get("/f").orElseThrow().sha256()).isEqualTo(sha("two"));
        FileEntry g = img.files().get("/g").orElseThrow();
        assertThat(g.sha256()).isEqualTo(sha("g2"));
        assertThat(g.mode()).isEqualTo(0600);
        assertThat(g.layerIndex()).isEqualTo(1);
    }

    @Test
    void fileReplacingADirectoryRemovesItsChildren() throws Exception {
        Image img = read(new TestImageBuilder()
                .layer(dir("x"), file("x/child", "c"))
                .layer(file("x", "now a file")));
        assertThat(img.files().entries()).extracting(FileEntry::path).containsExactly("/", "/x");
        assertThat(img.files().get("/x").orElseThrow().type()).isEqualTo(FileType.REGULAR);
    }

    @Test
    void directoryOverDirectoryKeepsChildrenAndTakesNewMetadata() throws Exception {
        Image img = read(new TestImageBuilder()
                .layer(dir("x"), file("x/child", "c"))
                .layer(dir("x").withMode(0700).withOwner(5, 6)));
        assertThat(img.files().get("/x/child")).isPresent();
        FileEntry x = img.files().get("/x").orElseThrow();
        assertThat(x.mode()).isEqualTo(0700);
        assertThat(x.uid()).isEqualTo(5);
        assertThat(x.gid()).isEqualTo(6);
    }

    @Test
    void hardLinksShareContentAndRecordTheTargetPath() throws Exception {
        Image img = read(new TestImageBuilder()
                .layer(dir("bin"), file("bin/busybox", "BB").withMode(0755))
                .layer(hardlink("bin/sh", "bin/busybox"), hardlink("bin/ls", "./bin/sh"))
                .layer(file("bin/busybox", "changed later")), ReadOptions.defaults().withCapture(p -> p.startsWith("/bin")));
        FileEntry sh = img.files().get("/bin/sh").orElseThrow();
        assertThat(sh.type()).isEqualTo(FileType.HARDLINK);
        assertThat(sh.linkTarget()).isEqualTo("/bin/busybox");
        assertThat(sh.sha256()).isEqualTo(sha("BB"));
        assertThat(sh.size()).isEqualTo(2);
        FileEntry ls = img.files().get("/bin/ls").orElseThrow();
        assertThat(ls.linkTarget()).isEqualTo("/bin/sh");
        assertThat(ls.sha256()).isEqualTo(sha("BB"));
        assertThat(img.files().content("/bin/ls")).hasValueSatisfying(b -> assertThat(b).asString().isEqualTo("BB"));
        assertThat(img.files().get("/bin/busybox").orElseThrow().sha256()).isEqualTo(sha("changed later"));
    }

    @Test
    void symlinksAreStoredAsWrittenAndResolvedWithinTheImage() throws Exception {
        Image img = read(new TestImageBuilder()
                .layer(dir("usr"), dir("usr/bin"), file("usr/bin/python3.11", "py"), symlink("bin", "usr/bin"),
                        symlink("usr/bin/python3", "python3.11"), symlink("abs", "/usr/bin/python3"),
                        symlink("up", "../../../../usr/bin/python3"), symlink("dangling", "/nowhere")));
        assertThat(img.files().get("/bin").orElseThrow().linkTarget()).isEqualTo("usr/bin");
        assertThat(img.files().get("/up").orElseThrow().linkTarget()).isEqualTo("../../../../usr/bin/python3");
        assertThat(img.files().resolve("/bin/python3")).hasValueSatisfying(e -> {
            assertThat(e.path()).isEqualTo("/usr/bin/python3.11");
            assertThat(e.sha256()).isEqualTo(sha("py"));
        });
        assertThat(img.files().resolve("/abs").orElseThrow().path()).isEqualTo("/usr/bin/python3.11");
        assertThat(img.files().resolve("/up").orElseThrow().path()).isEqualTo("/usr/bin/python3.11");
        assertThat(img.files().resolve("/usr/bin/../bin/./python3").orElseThrow().path())
                .isEqualTo("/usr/bin/python3.11");
        assertThat(img.files().resolve("/dangling")).isEmpty();
        assertThat(img.files().resolve("/usr/bin/python3.11/x")).isEmpty();
        assertThat(img.files().resolve("/").orElseThrow().type()).isEqualTo(FileType.DIRECTORY);
    }

    @Test
    void symlinkLoopIsACleanError() throws Exception {
        Image img = read(new TestImageBuilder().layer(symlink("a", "b"), symlink("b", "/a"), symlink("self", "self")));
        assertThatThrownBy(() -> img.files().resolve("/a/file"))
                .isInstanceOf(ImageReadException.class)
                .hasMessageContaining("resolving /a/file")
                .hasMessageContaining("symlink loop");
        assertThatThrownBy(() -> img.files().resolve("/self")).isInstanceOf(ImageReadException.class);
    }

    @Test
    void longNamesInPaxAndGnuForm() throws Exception {
        String longDir = "d".repeat(120);
        String longName = longDir + "/" + "f".repeat(150) + ".txt";
        String longLink = "t".repeat(130);
        for (TestLayer.LongNames style : TestLayer.LongNames.values()) {
            Image img = read(new TestImageBuilder().layer(TestLayer.of(dir(longDir), file(longName, "long"),
                    symlink("l", longLink)).longNames(style)));
            assertThat(img.files().get("/" + longName).orElseThrow().sha256()).isEqualTo(sha("long"));
            assertThat(img.files().get("/l").orElseThrow().linkTarget()).isEqualTo(longLink);
        }
    }

    @Test
    void modesOwnersXattrsDevicesAndFifos() throws Exception {
        Image img = read(new TestImageBuilder().layer(
                file("suid", "s").withMode(04755).withOwner(1000, 2000000000L),
                file("cap", "c").withXattr("security.capability", "\u0001\u0002").withXattr("user.a", "b"),
                charDevice("dev/null", 1, 3), blockDevice("dev/sda", 8, 0), fifo("run/pipe"),
                dir("tmp").withMode(01777).withMtime(42)));
        FileEntry suid = img.files().get("/suid").orElseThrow();
        assertThat(suid.mode()).isEqualTo(04755);
        assertThat(suid.uid()).isEqualTo(1000);
        assertThat(suid.gid()).isEqualTo(2000000000L);
        assertThat(img.files().get("/cap").orElseThrow().xattrs())
                .containsExactly(Map.entry("security.capability", "\u0001\u0002"), Map.entry("user.a", "b"));
        FileEntry nul = img.files().get("/dev/null").orElseThrow();
        assertThat(nul.type()).isEqualTo(FileType.CHAR_DEVICE);
        assertThat(nul.devMajor()).isEqualTo(1);
        assertThat(nul.devMinor()).isEqualTo(3);
        assertThat(img.files().get("/dev/sda").orElseThrow().type()).isEqualTo(FileType.BLOCK_DEVICE);
        assertThat(img.files().get("/run/pipe").orElseThrow().type()).isEqualTo(FileType.FIFO);
        FileEntry tmp = img.files().get("/tmp").orElseThrow();
        assertThat(tmp.mode()).isEqualTo(01777);
        assertThat(tmp.mtimeEpochSeconds()).isEqualTo(42);
        FileEntry implicitDev = img.files().get("/dev").orElseThrow();
        assertThat(implicitDev.type()).isEqualTo(FileType.DIRECTORY);
        assertThat(implicitDev.mode()).isEqualTo(0755);
    }

    @Test
    void namesAreNormalisedAndAbsoluteNamesAreRelativeToTheRoot() throws Exception {
        Image img = read(new TestImageBuilder().layer(dir("./"), file("./a/b", "1"), file("/abs/file", "2"),
                file("x//y/./z", "3"), file("p/q/../r", "4")));
        assertThat(img.files().entries()).extracting(FileEntry::path)
                .containsExactly("/", "/a", "/a/b", "/abs", "/abs/file", "/p", "/p/r", "/x", "/x/y", "/x/y/z");
    }

    @Test
    void capturesOnlySelectedFilesUpToTheLimit() throws Exception {
        ReadOptions options = new ReadOptions(null, p -> p.startsWith("/var/lib/dpkg/"), 4, 1L << 30, 1000);
        Image img = read(new TestImageBuilder().layer(file("var/lib/dpkg/status", "Pkg"),
                file("var/lib/dpkg/big", "12345"), file("etc/other", "o")), options);
        assertThat(img.files().content("/var/lib/dpkg/status")).hasValueSatisfying(
                b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("Pkg"));
        assertThat(img.files().content("/var/lib/dpkg/big")).isEmpty();
        assertThat(img.files().content("/etc/other")).isEmpty();
        assertThat(img.files().get("/var/lib/dpkg/big").orElseThrow().sha256()).isEqualTo(sha("12345"));
    }

    @Test
    void entriesAreSortedByUtf8ByteOrder() throws Exception {
        Image img = read(new TestImageBuilder().layer(file("a-b", "1"), dir("a"), file("a/b", "2"),
                file("\uFB01", "3"), file("\uD83D\uDE00", "4")));
        assertThat(img.files().entries()).extracting(FileEntry::path)
                .containsExactly("/", "/a", "/a-b", "/a/b", "/\uFB01", "/\uD83D\uDE00");
        assertThat(img.files().get("/\uD83D\uDE00")).isPresent();
    }

    @Test
    void layerChangesListEachLayersEntriesInTarOrder() throws Exception {
        Path tar = dir.resolve("lc.tar");
        new TestImageBuilder().layer(file("a", "1"), dir("d")).layer(whiteout("a"), opaque("d"), file("d/n", "n"))
                .write(Format.OCI_ARCHIVE, tar);
        ImageReader reader = new ImageReader(ReadOptions.defaults());
        Image img = reader.read(tar);
        assertThat(reader.layerChanges(img.layers().get(1), 1).orElseThrow())
                .extracting(LayerChange::kind, LayerChange::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LayerChange.Kind.WHITEOUT, "/a"),
                        org.assertj.core.groups.Tuple.tuple(LayerChange.Kind.OPAQUE, "/d"),
                        org.assertj.core.groups.Tuple.tuple(LayerChange.Kind.ADD, "/d/n"));
        assertThat(reader.layerChanges(img.layers().get(1), 1).orElseThrow().get(2).entry().layerIndex()).isEqualTo(1);
    }
}
