package dev.strata.compare;

import static dev.strata.packages.DebFixtures.deb;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.image.testing.Compression;
import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestImageBuilder.Format;
import dev.strata.image.testing.TestLayer;
import dev.strata.packages.DebFixtures;
import dev.strata.packages.DebFixtures.Deb;
import dev.strata.packages.Ecosystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageComparatorTest {
    @TempDir
    Path dir;

    static final Deb LIBC = deb("libc6", "2.36-9+deb12u10", "/usr/lib/x86_64-linux-gnu/libc.so.6", "/usr/share/doc/libc6/copyright");
    static final Deb BASE = deb("base-files", "12.4+deb12u10", "/etc/debian_version", "/usr/share/doc/base-files/copyright");
    static final Deb NUMPY_1 = deb("python3-numpy", "1:1.24.2-1",
            "/usr/lib/python3/dist-packages/numpy/__init__.py", "/usr/lib/python3/dist-packages/numpy/version.py");
    static final Deb NUMPY_2 = deb("python3-numpy", "1:2.2.4-1",
            "/usr/lib/python3/dist-packages/numpy/__init__.py", "/usr/lib/python3/dist-packages/numpy/version.py",
            "/usr/lib/python3/dist-packages/numpy/_core/multiarray.py");
    static final Deb BLAS = deb("libblas3", "3.11.0-2", "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3");

    static final String INSTALL = "RUN /bin/sh -c apt-get install -y python3-numpy";

    /** debootstrap-like base plus one RUN layer installing {@code installed}. */
    static TestImageBuilder image(List<Deb> installed, Function<List<TestEntry>, List<TestEntry>> edit) {
        List<Deb> all = new ArrayList<>(List.of(BASE, LIBC));
        all.addAll(installed);
        List<TestEntry> run = new ArrayList<>(DebFixtures.layer(all, installed));
        run.add(TestEntry.file("var/log/dpkg.log", "2024-05-01 10:00:00 install python3-numpy\n"));
        return new TestImageBuilder()
                .layer(TestLayer.of(DebFixtures.base(List.of(BASE, LIBC))).createdBy("ADD rootfs.tar / # buildkit"))
                .layer(TestLayer.of(edit.apply(run)).createdBy(INSTALL));
    }

    static TestImageBuilder image(List<Deb> installed) {
        return image(installed, Function.identity());
    }

    @Test
    void sameContentInEveryContainerFormatAndCompressionIsBitwiseIdentical() throws Exception {
        List<Path> written = new ArrayList<>();
        for (Format f : Format.values()) {
            for (Compression c : Compression.values()) {
                TestImageBuilder b = new TestImageBuilder()
                        .layer(TestLayer.of(DebFixtures.base(List.of(BASE, LIBC))).compression(c).createdBy("ADD rootfs.tar /"))
                        .layer(TestLayer.of(TestEntry.file("opt/app", "app")).compression(c).createdBy("COPY app /opt/app"));
                written.add(TestImages.write(b, f, dir));
            }
        }
        Path first = written.get(0);
        for (Path other : written.subList(1, written.size())) {
            Comparison c = dev.strata.compare.ImageFiles.compare(first, other, CompareOptions.defaults(), dev.strata.image.ReadOptions.defaults());
            assertThat(c.verdict()).as(other.toString()).isEqualTo(Verdict.BITWISE_IDENTICAL);
            assertThat(c.causes()).isEmpty();
            assertThat(c.counts().sharedLayers()).isEqualTo(2);
        }
    }

    @Test
    void onlyTimestampsDifferMakesFunctionallyEquivalent() throws Exception {
        TestImageBuilder a = image(List.of(NUMPY_1));
        TestImageBuilder b = image(List.of(NUMPY_1), l -> l.stream().map(e -> e.withMtime(1_800_000_000L)).toList())
                .config(c -> c.put("created", "2025-06-01T12:00:00Z"));
        Comparison c = TestImages.compare(a, b, dir, CompareOptions.defaults());
        assertThat(c.verdict()).isEqualTo(Verdict.FUNCTIONALLY_EQUIVALENT);
        assertThat(c.causes()).isEmpty();
        assertThat(c.exitCode()).isZero();
    }

    @Test
    void noiseFilesAreSetAsideWithTheirReasonAndStrictCountsThem() throws Exception {
        TestImageBuilder a = image(List.of(NUMPY_1));
        TestImageBuilder b = image(List.of(NUMPY_1), l -> replace(l, "var/log/dpkg.log", "2025-02-02 11:11:11 install python3-numpy\n"));
        Comparison c = TestImages.compare(a, b, dir, CompareOptions.defaults());
        assertThat(c.verdict()).isEqualTo(Verdict.FUNCTIONALLY_EQUIVALENT);
        assertThat(c.noise()).extracting(NoiseHit::subject).containsExactly("/var/log/dpkg.log");
        assertThat(c.noise().get(0).rule().reason()).contains("date and time");

        Comparison strict = TestImages.compare(a, b, dir, CompareOptions.strict());
        assertThat(strict.verdict()).isEqualTo(Verdict.DIFFERENT);
        assertThat(strict.noise()).isEmpty();
        assertThat(strict.causes()).singleElement().satisfies(cause -> {
            FileChange f = (FileChange) cause;
            assertThat(f.path()).isEqualTo("/var/log/dpkg.log");
            assertThat(f.aspects()).containsExactly("content");
            assertThat(f.introducedBy()).isEqualTo(INSTALL);
            assertThat(f.owner()).isNull();
        });
        assertThat(strict.exitCode()).isEqualTo(1);
    }

    @Test
    void userNoiseRulesAddToTheBuiltInOnes() throws Exception {
        TestImageBuilder a = image(List.of(NUMPY_1), l -> add(l, TestEntry.file("opt/build-info.txt", "host=a time=1")));
        TestImageBuilder b = image(List.of(NUMPY_1), l -> add(l, TestEntry.file("opt/build-info.txt", "host=b time=2")));
        assertThat(TestImages.compare(a, b, dir, CompareOptions.defaults()).verdict()).isEqualTo(Verdict.DIFFERENT);
        NoiseRule user = new NoiseRule(NoiseRule.Target.PATH, "/opt/*.txt", "build host and time", ".strata.yaml");
        Comparison c = TestImages.compare(a, b, dir, new CompareOptions(NoiseRules.builtIn().plus(List.of(user))));
        assertThat(c.verdict()).isEqualTo(Verdict.FUNCTIONALLY_EQUIVALENT);
        assertThat(c.noise()).extracting(NoiseHit::rule).contains(user);
    }

    static byte[] pyc(int mtime, String code) {
        byte[] body = code.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(16 + body.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bb.putShort((short) 3495).put((byte) '\r').put((byte) '\n'); // CPython 3.11 magic
        bb.putInt(0).putInt(mtime).putInt(1234).put(body);
        return bb.array();
    }

    @Test
    void pycFilesDifferingOnlyInSourceMtimeAreNoise() throws Exception {
        String path = "usr/lib/python3/dist-packages/numpy/__pycache__/version.cpython-311.pyc";
        TestImageBuilder a = image(List.of(NUMPY_1), l -> add(l, TestEntry.file(path, pyc(1_700_000_000, "code"))));
        TestImageBuilder b = image(List.of(NUMPY_1), l -> add(l, TestEntry.file(path, pyc(1_710_000_000, "code"))));
        Comparison c = TestImages.compare(a, b, dir, CompareOptions.defaults());
        assertThat(c.verdict()).isEqualTo(Verdict.FUNCTIONALLY_EQUIVALENT);
        assertThat(c.noise()).extracting(NoiseHit::subject).containsExactly("/" + path);
        assertThat(c.noise().get(0).rule()).isEqualTo(NoiseRules.PYC);

        assertThat(TestImages.compare(a, b, dir, CompareOptions.strict()).verdict()).isEqualTo(Verdict.DIFFERENT);
        TestImageBuilder other = image(List.of(NUMPY_1), l -> add(l, TestEntry.file(path, pyc(1_710_000_000, "other code"))));
        Comparison d = TestImages.compare(a, other, dir, CompareOptions.defaults());
        assertThat(d.verdict()).isEqualTo(Verdict.DIFFERENT);
        assertThat(d.causes()).extracting(Cause::kind).containsExactly("file-changed");
    }

    @Test
    void packageUpgradeIsNamedWithItsFilesFoldedAndTheInstructionThatInstalledIt() throws Exception {
        Comparison c = TestImages.compare(image(List.of(NUMPY_1)), image(List.of(NUMPY_2)), dir, CompareOptions.defaults());
        assertThat(c.verdict()).isEqualTo(Verdict.DIFFERENT);
        PackageChange p = (PackageChange) c.causes().get(0);
        assertThat(p.kind()).isEqualTo("package-upgraded");
        assertThat(p.ecosystem()).isEqualTo(Ecosystem.DPKG);
        assertThat(p.name()).isEqualTo("python3-numpy");
        assertThat(p.from()).isEqualTo("1:1.24.2-1");
        assertThat(p.to()).isEqualTo("1:2.2.4-1");
        assertThat(p.introducedBy()).isEqualTo(INSTALL);
        assertThat(p.files()).extracting(FileChange::path).contains(
                "/usr/lib/python3/dist-packages/numpy/__init__.py",
                "/usr/lib/python3/dist-packages/numpy/_core/multiarray.py",
                "/var/lib/dpkg/info/python3-numpy.list");
        // the shared status file is explained by the package change, not left unexplained
        assertThat(c.causes()).filteredOn(x -> x instanceof PackageDatabaseChange).singleElement()
                .satisfies(x -> assertThat(((PackageDatabaseChange) x).files()).extracting(FileChange::path).contains("/var/lib/dpkg/status"));
        assertThat(c.causes()).noneMatch(x -> x instanceof FileChange);
        assertThat(c.counts().packagesChanged()).isEqualTo(1);
        assertThat(c.counts().filesExplained()).isEqualTo(c.counts().filesAdded() + c.counts().filesChanged() + c.counts().filesRemoved());
    }

    @Test
    void downgradeAddAndRemoveAreToldApart() throws Exception {
        Comparison c = TestImages.compare(image(List.of(NUMPY_2)), image(List.of(NUMPY_1, BLAS), l -> add(l,
                TestEntry.file("var/cache/apt/archives/libblas3_3.11.0-2_amd64.deb", "!<arch>\ndebian-binary"),
                TestEntry.file("var/lib/apt/extended_states", "Package: libblas3\nArchitecture: amd64\nAuto-Installed: 1\n"))),
                dir, CompareOptions.defaults());
        assertThat(c.causes()).filteredOn(x -> x instanceof PackageChange).extracting(Cause::kind)
                .containsExactly("package-added", "package-downgraded"); // sorted by ecosystem then name: libblas3, python3-numpy
        // the .deb apt kept is the package's; apt's auto-installed record is package-manager state
        assertThat(((PackageChange) c.causes().get(0)).files()).extracting(FileChange::path)
                .contains("/var/cache/apt/archives/libblas3_3.11.0-2_amd64.deb", "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3");
        // only the parent directories the test layer creates implicitly stay unexplained
        assertThat(c.causes()).filteredOn(x -> x instanceof FileChange).extracting(x -> ((FileChange) x).path())
                .containsExactlyInAnyOrder("/var/cache", "/var/cache/apt", "/var/cache/apt/archives", "/var/lib/apt");
        Comparison r = TestImages.compare(image(List.of(NUMPY_1, BLAS)), image(List.of(NUMPY_1)), dir, CompareOptions.defaults());
        PackageChange removed = (PackageChange) r.causes().get(0);
        assertThat(removed.kind()).isEqualTo("package-removed");
        assertThat(removed.name()).isEqualTo("libblas3");
        assertThat(removed.from()).isEqualTo("3.11.0-2");
        assertThat(removed.to()).isNull();
        assertThat(removed.files()).extracting(FileChange::change).containsOnly(FileChange.Change.REMOVED);
    }

    @Test
    void fileChangesNoPackageExplainsAreListedWithWhatDiffers() throws Exception {
        String lib = "usr/lib/x86_64-linux-gnu/libc.so.6";
        TestImageBuilder a = image(List.of(), l -> add(l,
                TestEntry.file("opt/a", "1"), TestEntry.file("opt/mode", "m"), TestEntry.file("opt/owner", "o"),
                TestEntry.symlink("opt/link", "a"), TestEntry.file("opt/kind", "k"), TestEntry.file("opt/gone", "g"),
                TestEntry.file("opt/attr", "x")));
        TestImageBuilder b = image(List.of(), l -> add(l,
                TestEntry.file("opt/a", "2"), TestEntry.file("opt/mode", "m").withMode(0755), TestEntry.file("opt/owner", "o").withOwner(1000, 1000),
                TestEntry.symlink("opt/link", "b"), TestEntry.dir("opt/kind"), TestEntry.file("opt/new", "n"),
                TestEntry.file("opt/attr", "x").withXattr("user.origin", "b"), TestEntry.file(lib, "patched libc")));
        Comparison c = TestImages.compare(a, b, dir, CompareOptions.defaults());
        assertThat(c.verdict()).isEqualTo(Verdict.DIFFERENT);
        List<FileChange> files = c.causes().stream().filter(x -> x instanceof FileChange).map(x -> (FileChange) x).toList();
        assertThat(files).extracting(FileChange::path, FileChange::kind, f -> String.join(",", f.aspects())).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/opt/a", "file-changed", "content"),
                org.assertj.core.groups.Tuple.tuple("/opt/attr", "file-changed", "xattrs"),
                org.assertj.core.groups.Tuple.tuple("/opt/gone", "file-removed", ""),
                org.assertj.core.groups.Tuple.tuple("/opt/kind", "file-changed", "type,mode"),
                org.assertj.core.groups.Tuple.tuple("/opt/link", "file-changed", "link-target"),
                org.assertj.core.groups.Tuple.tuple("/opt/mode", "file-changed", "mode"),
                org.assertj.core.groups.Tuple.tuple("/opt/new", "file-added", ""),
                org.assertj.core.groups.Tuple.tuple("/opt/owner", "file-changed", "owner"),
                org.assertj.core.groups.Tuple.tuple("/" + lib, "file-changed", "content"));
        FileChange libc = files.get(files.size() - 1);
        assertThat(libc.owner()).isEqualTo("dpkg/libc6:amd64");
        assertThat(libc.introducedBy()).isEqualTo(INSTALL);
    }

    @Test
    void runtimeConfigChangesAreCausesAndBuildDateLabelsAreNoise() throws Exception {
        TestImageBuilder a = image(List.of()).config(c -> {
            c.with("config").putArray("Env").add("PATH=/usr/bin").add("LANG=C");
            c.with("config").putObject("Labels").put("org.opencontainers.image.created", "2024-01-01").put("version", "1");
        });
        TestImageBuilder b = image(List.of()).config(c -> {
            c.with("config").putArray("Env").add("PATH=/usr/bin").add("LANG=C.UTF-8").add("PYTHONHASHSEED=0");
            c.with("config").putArray("Entrypoint").add("python3");
            c.with("config").put("User", "1000").put("WorkingDir", "/work");
            c.with("config").putObject("ExposedPorts").putObject("8888/tcp");
            c.with("config").putObject("Volumes").putObject("/data");
            c.with("config").putObject("Labels").put("org.opencontainers.image.created", "2025-01-01").put("version", "2");
            c.put("architecture", "arm64");
        });
        Comparison c = TestImages.compare(a, b, dir, CompareOptions.defaults());
        assertThat(c.verdict()).isEqualTo(Verdict.DIFFERENT);
        assertThat(c.causes()).allMatch(x -> x instanceof ConfigChange);
        assertThat(c.causes()).extracting(x -> ((ConfigChange) x).field() + ":" + ((ConfigChange) x).key()).containsExactly(
                "platform:null", "env:LANG", "env:PYTHONHASHSEED", "entrypoint:null", "user:null", "workdir:null",
                "exposed-ports:8888/tcp", "volumes:/data", "labels:version");
        assertThat(c.noise()).extracting(NoiseHit::subject).containsExactly("label:org.opencontainers.image.created");
    }

    @Test
    void aDifferentBottomLayerIsReportedAsABaseImageChangeFirst() throws Exception {
        // buildah records the base on the first entry of the build's own history: "FROM <image>"
        TestImageBuilder a = BaseImageChangeTest.comments(image(List.of(NUMPY_1)), null, "FROM docker.io/library/debian:bookworm");
        List<Deb> newer = List.of(deb("base-files", "12.5", "/etc/debian_version", "/usr/share/doc/base-files/copyright"), LIBC);
        TestImageBuilder b = new TestImageBuilder()
                .layer(TestLayer.of(DebFixtures.base(newer)).createdBy("ADD rootfs-2025.tar /"))
                .layer(TestLayer.of(DebFixtures.layer(List.of(newer.get(0), LIBC, NUMPY_1), List.of(NUMPY_1))).createdBy(INSTALL));
        b = BaseImageChangeTest.comments(b, null, "FROM docker.io/library/debian:bookworm");
        Comparison c = TestImages.compare(a, b, dir, CompareOptions.defaults());
        assertThat(c.causes().get(0)).isInstanceOf(BaseImageChange.class);
        BaseImageChange base = (BaseImageChange) c.causes().get(0);
        assertThat(base.layersA()).extracting(LayerInfo::createdBy).first().isEqualTo("ADD rootfs.tar / # buildkit");
        assertThat(base.layersB()).extracting(LayerInfo::createdBy).first().isEqualTo("ADD rootfs-2025.tar /");
        assertThat(c.causes().get(1)).isInstanceOfSatisfying(PackageChange.class, p -> {
            assertThat(p.name()).isEqualTo("base-files");
            assertThat(p.kind()).isEqualTo("package-upgraded");
            assertThat(p.introducedBy()).isEqualTo("ADD rootfs-2025.tar /");
        });
        assertThat(c.counts().sharedLayers()).isZero();
    }

    @Test
    void pycSecondPassRereadsOnlyTheLayersThatWroteThem() throws Exception {
        String path = "usr/lib/python3/dist-packages/numpy/__pycache__/version.cpython-311.pyc";
        TestImageBuilder a = image(List.of(NUMPY_1), l -> add(l, TestEntry.file(path, pyc(1_700_000_000, "code"))));
        TestImageBuilder b = image(List.of(NUMPY_1), l -> add(l, TestEntry.file(path, pyc(1_710_000_000, "code"))));
        java.nio.file.Path pa = TestImages.write(a, TestImageBuilder.Format.OCI_LAYOUT, dir);
        java.nio.file.Path pb = TestImages.write(b, TestImageBuilder.Format.OCI_LAYOUT, dir);
        dev.strata.image.ImageReader reader = new dev.strata.image.ImageReader(
                dev.strata.image.ReadOptions.defaults().withCapture(dev.strata.packages.PackageInventory.capturePaths()));
        dev.strata.image.Image ia = reader.read(pa);
        dev.strata.image.Image ib = reader.read(pb);
        assertThat(ia.files().content("/" + path)).isEmpty();
        // the base layer did not write the .pyc: a second pass must not read it again (garbage now)
        for (java.nio.file.Path p : List.of(pa, pb)) {
            java.nio.file.Path blob = p.resolve("blobs/sha256/" + ia.layers().get(0).digest().substring("sha256:".length()));
            java.nio.file.Files.write(blob, new byte[(int) java.nio.file.Files.size(blob)]);
        }
        Comparison c = ImageFiles.compare(reader, ia, ib, CompareOptions.defaults());
        assertThat(c.verdict()).isEqualTo(Verdict.FUNCTIONALLY_EQUIVALENT);
        assertThat(c.noise()).extracting(NoiseHit::subject).containsExactly("/" + path);
        assertThat(c.noise().get(0).rule()).isEqualTo(NoiseRules.PYC);
    }

    static List<TestEntry> add(List<TestEntry> l, TestEntry... more) {
        List<TestEntry> out = new ArrayList<>(l);
        out.addAll(List.of(more));
        return out;
    }

    static List<TestEntry> replace(List<TestEntry> l, String name, String content) {
        List<TestEntry> out = new ArrayList<>();
        for (TestEntry e : l) {
            out.add(e.name().equals(name) ? TestEntry.file(name, content) : e);
        }
        return out;
    }
}
