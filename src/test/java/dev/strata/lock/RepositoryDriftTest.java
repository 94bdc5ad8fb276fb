package dev.strata.lock;

import static dev.strata.lock.DriftIntegrationTest.cli;
import static dev.strata.lock.RepositoryIndexes.Conda;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift of conda, apk and rpm packages (and apt's Packages.xz) against real-format indexes served on loopback. */
class RepositoryDriftTest {
    private static final String T = "2026-02-01T10:20:30Z";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String FORGE = "https://conda.anaconda.org/conda-forge/linux-64";
    private static final String NOARCH = "https://conda.anaconda.org/conda-forge/noarch";

    @TempDir Path tmp;

    private static PackageLock pkg(String eco, String name, String version, String build, String... repositories) {
        return new PackageLock(eco, name, version, build, List.of(), "image sha256:" + "1".repeat(64), T, List.of(repositories));
    }

    private static LockFile lock(PackageLock... packages) {
        return new LockFile(1, new LockedDockerfile("Dockerfile", "0".repeat(64)), List.of(), List.of(), List.of(), List.of(packages), List.of());
    }

    private static List<String> statuses(DriftReport report) {
        return report.entries().stream().map(e -> e.subject() + " " + e.status().label()).toList();
    }

    private static DriftChecker checker(PackageArchive... archives) {
        return new DriftChecker(null, null, null, List.of(archives));
    }

    // conda

    private static LockFile condaLock() {
        return lock(pkg("conda", "numpy", "1.26.4", "py311h64a7726_0", FORGE),
                pkg("conda", "scipy", "1.11.4", "py311h64a7726_0", FORGE),
                pkg("conda", "xarray", "2024.1.1", "pyhd8ed1ab_0", NOARCH),
                pkg("conda", "zlib", "1.3.1", "hb9d3cd8_2"));
    }

    private static void serveForge(LoopbackServer http) {
        http.put("/conda-forge/linux-64/repodata.json", RepositoryIndexes.repodata("linux-64",
                new Conda("numpy-1.26.4-py311h64a7726_0.conda", "numpy", "1.26.4", "py311h64a7726_0"),
                new Conda("scipy-1.11.4-py311h64a7726_1.tar.bz2", "scipy", "1.11.4", "py311h64a7726_1"),
                new Conda("scipy-1.12.0-py311h64a7726_0.conda", "scipy", "1.12.0", "py311h64a7726_0")));
        http.put("/conda-forge/noarch/repodata.json", RepositoryIndexes.repodata("noarch",
                new Conda("xarray-2024.1.1-pyhd8ed1ab_0.tar.bz2", "xarray", "2024.1.1", "pyhd8ed1ab_0")));
    }

    @Test
    void condaBuildsAreOkInTheirChannelAndGoneWhenTheExactBuildIsNoLongerThere() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            serveForge(http);
            DriftReport report = checker(new CondaChannelArchive(http.url(""), TIMEOUT)).check(condaLock(), "strata.lock");
            assertThat(statuses(report)).containsExactly("conda:numpy ok", "conda:scipy gone", "conda:xarray ok", "conda:zlib unchecked");
            assertThat(report.entries().get(0).detail()).isEqualTo("version still in " + http.url("/conda-forge/linux-64"));
            assertThat(report.entries().get(1).detail()).isEqualTo("build 1.11.4=py311h64a7726_0 is no longer in the repodata.json of "
                    + http.url("/conda-forge/linux-64") + ", which has 1.11.4=py311h64a7726_1; conda install scipy=1.11.4=py311h64a7726_0 fails");
            assertThat(report.entries().get(3).detail()).contains("records no conda channel");
            assertThat(report.entries().get(1).current()).as("two versions listed: no single current one").isNull();
            assertThat(report.exitCode(DriftReport.FailOn.GONE)).isEqualTo(1);
        }
    }

    @Test
    void condaReadsTheZstdRepodataFirst() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            // only the .zst lists numpy: proof it was the one read
            http.put("/conda-forge/linux-64/repodata.json.zst", RepositoryIndexes.zstd(RepositoryIndexes.repodata("linux-64",
                    new Conda("numpy-1.26.4-py311h64a7726_0.conda", "numpy", "1.26.4", "py311h64a7726_0"))));
            http.put("/conda-forge/linux-64/repodata.json", RepositoryIndexes.repodata("linux-64"));
            DriftReport report = checker(new CondaChannelArchive(http.url("/"), TIMEOUT))
                    .check(lock(pkg("conda", "numpy", "1.26.4", "py311h64a7726_0", FORGE)), "strata.lock");
            assertThat(statuses(report)).containsExactly("conda:numpy ok");
        }
    }

    @Test
    void aMalformedRepodataIsAnErrorNamingTheUrl() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            http.put("/conda-forge/linux-64/repodata.json", "{\"packages\": {\"x\": ".getBytes(StandardCharsets.UTF_8));
            http.put("/conda-forge/noarch/repodata.json", "[1, 2]".getBytes(StandardCharsets.UTF_8));
            DriftReport report = checker(new CondaChannelArchive(http.url(""), TIMEOUT)).check(condaLock(), "strata.lock");
            assertThat(statuses(report)).containsExactly("conda:numpy error", "conda:scipy error", "conda:xarray error", "conda:zlib unchecked");
            assertThat(report.entries().get(0).detail()).startsWith("the repository index could not be read: " + http.url("/conda-forge/linux-64/repodata.json"));
            assertThat(report.entries().get(2).detail()).isEqualTo("the repository index could not be read: "
                    + http.url("/conda-forge/noarch/repodata.json") + ": not a conda repodata.json (no top-level object)");
            assertThat(report.exitCode(DriftReport.FailOn.GONE)).isEqualTo(2);
        }
    }

    @Test
    void aChannelWithoutRepodataIsAnErrorNotGone() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            DriftReport report = checker(new CondaChannelArchive(http.url(""), TIMEOUT))
                    .check(lock(pkg("conda", "numpy", "1.26.4", "py311h64a7726_0", FORGE)), "strata.lock");
            assertThat(statuses(report)).containsExactly("conda:numpy error");
            assertThat(report.entries().get(0).detail()).endsWith(http.url("/conda-forge/linux-64") + ": no index (HTTP 404)");
        }
    }

    // apk

    private static final String ALPINE = "https://dl-cdn.alpinelinux.org/alpine/v3.20/";

    private static LockFile apkLock() {
        return lock(pkg("apk", "curl", "8.9.1-r1", null, ALPINE + "main/x86_64", ALPINE + "community/x86_64"),
                pkg("apk", "git", "2.45.2-r0", null, ALPINE + "main/x86_64", ALPINE + "community/x86_64"),
                pkg("apk", "hugo", "0.125.4-r3", null, ALPINE + "main/x86_64", ALPINE + "community/x86_64"));
    }

    @Test
    void apkVersionsAreOkWhenAnyRepositoryListsThemAndGoneWithTheAlpineAdvice() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            http.put("/main/x86_64/APKINDEX.tar.gz", RepositoryIndexes.apkindexTarGz(RepositoryIndexes.apkindex("curl=8.9.1-r1", "git=2.45.2-r1")));
            http.put("/community/x86_64/APKINDEX.tar.gz", RepositoryIndexes.apkindexTarGz(RepositoryIndexes.apkindex("hugo=0.125.4-r3")));
            DriftReport report = checker(new ApkRepositoryArchive(List.of(http.url("/main/x86_64"), http.url("/community/x86_64/")), TIMEOUT))
                    .check(apkLock(), "strata.lock");
            assertThat(statuses(report)).containsExactly("apk:curl ok", "apk:git gone", "apk:hugo ok");
            assertThat(report.entries().get(2).detail()).isEqualTo("version still in " + http.url("/community/x86_64"));
            assertThat(report.entries().get(1).detail()).startsWith("version 2.45.2-r0 is no longer in the APKINDEX of "
                    + http.url("/main/x86_64") + ", " + http.url("/community/x86_64") + ", which now lists 2.45.2-r1; apk add git=2.45.2-r0 fails")
                    .contains("Alpine keeps only the newest version").contains("base image pinned by digest");
            assertThat(report.entries().get(1).current()).isEqualTo("2.45.2-r1");
        }
    }

    @Test
    void apkWithoutRecordedOrGivenRepositoriesIsUncheckedAndAnUnreachableOneIsAnError() throws Exception {
        DriftReport unchecked = checker(new ApkRepositoryArchive(List.of(), TIMEOUT))
                .check(lock(pkg("apk", "curl", "8.9.1-r1", null)), "strata.lock");
        assertThat(statuses(unchecked)).containsExactly("apk:curl unchecked");
        assertThat(unchecked.entries().get(0).detail()).contains("--apk-repository");
        String closed;
        try (LoopbackServer http = new LoopbackServer()) {
            closed = http.url("/main/x86_64");
        }
        DriftReport error = checker(new ApkRepositoryArchive(List.of(closed), Duration.ofSeconds(2))).check(apkLock(), "strata.lock");
        assertThat(statuses(error)).containsExactly("apk:curl error", "apk:git error", "apk:hugo error");
        assertThat(error.entries().get(0).detail()).contains(closed + "/APKINDEX.tar.gz: cannot reach the apk repository");
    }

    @Test
    void aMalformedApkindexIsAnErrorWithAClearMessage() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            http.put("/a/x86_64/APKINDEX.tar.gz", "<html>mirror maintenance</html>".getBytes(StandardCharsets.UTF_8));
            http.put("/b/x86_64/APKINDEX.tar.gz", RepositoryIndexes.gzip("P:curl\nV:8.9.1-r1\n".getBytes(StandardCharsets.UTF_8)));
            DriftReport a = checker(new ApkRepositoryArchive(List.of(http.url("/a/x86_64")), TIMEOUT)).check(apkLock(), "strata.lock");
            assertThat(a.entries().get(0).detail()).isEqualTo("the repository index could not be read: "
                    + http.url("/a/x86_64/APKINDEX.tar.gz") + ": not gzip data");
            DriftReport b = checker(new ApkRepositoryArchive(List.of(http.url("/b/x86_64")), TIMEOUT)).check(apkLock(), "strata.lock");
            assertThat(statuses(b)).containsOnly("apk:curl error", "apk:git error", "apk:hugo error");
            assertThat(b.entries().get(0).detail()).contains(http.url("/b/x86_64/APKINDEX.tar.gz")).contains("APKINDEX");
        }
    }

    // rpm

    private static final String FEDORA = "https://dl.fedoraproject.org/pub/fedora/linux/updates/40/Everything/x86_64";

    private static LockFile rpmLock() {
        return lock(pkg("rpm", "bash", "5.2.26-3.fc40", null, FEDORA),
                pkg("rpm", "shadow-utils", "2:4.15.1-3.fc40", null, FEDORA),
                pkg("rpm", "curl", "8.6.0-8.fc40", null, FEDORA));
    }

    @Test
    void rpmVersionsAreComparedWithTheirEpochAgainstPrimaryMetadata() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            String href = "repodata/" + "c".repeat(64) + "-primary.xml.gz";
            http.put("/updates/repodata/repomd.xml", RepositoryIndexes.repomd(href));
            http.put("/updates/" + href, RepositoryIndexes.gzip(RepositoryIndexes.primary(
                    "bash 0:5.2.26-3.fc40 x86_64", "shadow-utils 2:4.15.1-3.fc40 x86_64", "curl 0:8.6.0-10.fc40 x86_64")));
            DriftReport report = checker(new RpmRepositoryArchive(List.of(http.url("/updates")), TIMEOUT)).check(rpmLock(), "strata.lock");
            assertThat(statuses(report)).containsExactly("rpm:bash ok", "rpm:shadow-utils ok", "rpm:curl gone");
            assertThat(report.entries().get(2).detail()).isEqualTo("version 8.6.0-8.fc40 is no longer in the primary metadata of "
                    + http.url("/updates") + ", which now lists 8.6.0-10.fc40; dnf install curl-8.6.0-8.fc40 fails");
            assertThat(report.entries().get(2).current()).isEqualTo("8.6.0-10.fc40");
        }
    }

    @Test
    void rpmReadsXzAndZstdPrimaryMetadata() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            byte[] primary = RepositoryIndexes.primary("bash 0:5.2.26-3.fc40 x86_64", "shadow-utils 2:4.15.1-3.fc40 x86_64");
            http.put("/xz/repodata/repomd.xml", RepositoryIndexes.repomd("repodata/p-primary.xml.xz"));
            http.put("/xz/repodata/p-primary.xml.xz", RepositoryIndexes.xz(primary));
            http.put("/zst/repodata/repomd.xml", RepositoryIndexes.repomd("repodata/p-primary.xml.zst"));
            http.put("/zst/repodata/p-primary.xml.zst", RepositoryIndexes.zstd(primary));
            for (String repo : List.of("/xz", "/zst")) {
                DriftReport report = checker(new RpmRepositoryArchive(List.of(http.url(repo)), TIMEOUT)).check(rpmLock(), "strata.lock");
                assertThat(statuses(report)).as(repo).containsExactly("rpm:bash ok", "rpm:shadow-utils ok", "rpm:curl gone");
            }
        }
    }

    @Test
    void malformedRpmMetadataIsAnErrorAndExternalEntitiesAreNeverResolved() throws Exception {
        Path secret = tmp.resolve("secret");
        Files.writeString(secret, "bash");
        try (LoopbackServer http = new LoopbackServer()) {
            http.put("/nomd/repodata/repomd.xml", "<repomd xmlns=\"http://linux.duke.edu/metadata/repo\"><revision>1</revision></repomd>"
                    .getBytes(StandardCharsets.UTF_8));
            http.put("/broken/repodata/repomd.xml", RepositoryIndexes.repomd("repodata/primary.xml.gz"));
            http.put("/broken/repodata/primary.xml.gz", RepositoryIndexes.gzip("<metadata><package><name>bash".getBytes(StandardCharsets.UTF_8)));
            http.put("/escape/repodata/repomd.xml", RepositoryIndexes.repomd("../../etc/primary.xml"));
            http.put("/xxe/repodata/repomd.xml", RepositoryIndexes.repomd("repodata/primary.xml"));
            http.put("/xxe/repodata/primary.xml", ("<?xml version=\"1.0\"?><!DOCTYPE metadata [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                    + "<metadata><package type=\"rpm\"><name>&x;</name><version epoch=\"0\" ver=\"5.2.26\" rel=\"3.fc40\"/></package></metadata>")
                    .getBytes(StandardCharsets.UTF_8));
            LockFile lock = lock(pkg("rpm", "bash", "5.2.26-3.fc40", null, FEDORA));
            String[][] cases = {{"/nomd", "repomd.xml names no primary metadata"}, {"/broken", "not rpm primary metadata (invalid XML"},
                    {"/escape", "is not a path inside the repository"}};
            for (String[] c : cases) {
                DriftReport report = checker(new RpmRepositoryArchive(List.of(http.url(c[0])), TIMEOUT)).check(lock, "strata.lock");
                assertThat(statuses(report)).as(c[0]).containsExactly("rpm:bash error");
                assertThat(report.entries().get(0).detail()).as(c[0]).contains(http.url(c[0])).contains(c[1]);
            }
            // the entity would read "bash" from the file: unresolved, the package name stays empty
            DriftReport xxe = checker(new RpmRepositoryArchive(List.of(http.url("/xxe")), TIMEOUT)).check(lock, "strata.lock");
            assertThat(statuses(xxe)).containsExactly("rpm:bash gone");
        }
    }

    // apt

    @Test
    void aptReadsPackagesXzWhenTheArchivePublishesNoGz() throws Exception {
        String ts = "20260201T102030Z";
        try (LoopbackServer http = new LoopbackServer()) {
            http.put("/archive/debian/" + ts + "/dists/bookworm/main/binary-amd64/Packages.xz", RepositoryIndexes.xz(
                    "Package: curl\nVersion: 7.88.1-10+deb12u5\nArchitecture: amd64\n\nPackage: git\nVersion: 1:2.39.5-0+deb12u2\n\n"
                            .getBytes(StandardCharsets.UTF_8)));
            LockFile lock = new LockFile(1, new LockedDockerfile("Dockerfile", "0".repeat(64)), List.of(), List.of(), List.of(),
                    List.of(pkg("apt", "curl", "7.88.1-10+deb12u5", null), pkg("apt", "git", "1:2.39.5-0+deb12u1", null)),
                    List.of(new AptSnapshot("debian", "bookworm", ts, "https://snapshot.debian.org/archive/debian/" + ts + "/")));
            DriftReport report = checker(new AptSnapshotArchive(new AptArchive(http.url("/"), "amd64", TIMEOUT))).check(lock, "strata.lock");
            assertThat(statuses(report)).containsExactly("apt:curl ok", "apt:git gone");
            http.put("/archive/debian/" + ts + "/dists/bookworm/main/binary-amd64/Packages.xz", "this is not an xz stream at all".getBytes(StandardCharsets.UTF_8));
            DriftReport broken = checker(new AptSnapshotArchive(new AptArchive(http.url("/"), "amd64", TIMEOUT))).check(lock, "strata.lock");
            assertThat(broken.entries().get(0).detail()).contains("Packages.xz: not an xz Packages index");
        }
    }

    // the command

    @Test
    void theCommandChecksEveryEcosystemWithItsOptionsAndRendersSchemaValidJson() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            serveForge(http);
            http.put("/alpine/main/x86_64/APKINDEX.tar.gz", RepositoryIndexes.apkindexTarGz(RepositoryIndexes.apkindex("curl=8.9.1-r1")));
            http.put("/fedora/repodata/repomd.xml", RepositoryIndexes.repomd("repodata/primary.xml.gz"));
            http.put("/fedora/repodata/primary.xml.gz", RepositoryIndexes.gzip(RepositoryIndexes.primary("bash 0:5.2.26-3.fc40 x86_64")));
            LockFile lock = lock(pkg("apk", "curl", "8.9.1-r1", null, ALPINE + "main/x86_64"),
                    pkg("conda", "numpy", "1.26.4", "py311h64a7726_0", FORGE), pkg("conda", "scipy", "1.11.4", "py311h64a7726_0", FORGE),
                    pkg("rpm", "bash", "5.2.26-3.fc40", null, FEDORA));
            Path lockFile = tmp.resolve("strata.lock");
            Files.writeString(lockFile, LockFileIO.write(lock));
            var r = cli("drift", "--format", "json", "--conda-channel-alias", http.url("/"), "--apk-repository", http.url("/alpine/main/x86_64"),
                    "--rpm-repository", http.url("/fedora"), lockFile.toString());
            assertThat(r.err()).isEmpty();
            DriftSchemaTest.assertValid(r.out());
            JsonNode root = new ObjectMapper().readTree(r.out());
            assertThat(root.path("entries")).extracting(e -> e.path("subject").asText() + " " + e.path("status").asText())
                    .containsExactly("apk:curl ok", "conda:numpy ok", "conda:scipy gone", "rpm:bash ok");
            assertThat(r.exit()).isEqualTo(1);
        }
    }

    @Test
    void anOldLockWithoutRepositoriesLeavesTheseEcosystemsUnchecked() throws Exception {
        Path lockFile = tmp.resolve("strata.lock");
        Files.writeString(lockFile, LockFileIO.write(lock(pkg("apk", "curl", "8.9.1-r1", null), pkg("conda", "numpy", "1.26.4", "py311h64a7726_0"),
                pkg("rpm", "bash", "5.2.26-3.fc40", null))));
        var r = cli("drift", lockFile.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("0 ok, 0 moved, 0 gone, 3 unchecked").contains("--rpm-repository");
    }
}
