package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestLayer;
import dev.strata.packages.RpmFixtures;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rpm repositories the lock knows only by a mirrorlist or metalink, resolved by drift against loopback mirrors. */
class RpmMirrorDriftTest {
    private static final String T = "2026-02-01T10:20:30Z";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static LockFile lock(String repository) {
        return new LockFile(1, new LockedDockerfile("Dockerfile", "0".repeat(64)), List.of(), List.of(), List.of(),
                List.of(new PackageLock("rpm", "bash", "5.2.26-3.fc40", null, List.of(), "image sha256:" + "1".repeat(64), T, List.of(repository)),
                        new PackageLock("rpm", "curl", "8.6.0-8.fc40", null, List.of(), "image sha256:" + "1".repeat(64), T, List.of(repository))),
                List.of());
    }

    private static List<String> statuses(DriftReport report) {
        return report.entries().stream().map(e -> e.subject() + " " + e.status().label() + ": " + e.detail()).toList();
    }

    private static DriftReport drift(String repository) throws ResolutionException {
        return new DriftChecker(null, null, null, List.of(new RpmRepositoryArchive(List.of(), TIMEOUT))).check(lock(repository), "strata.lock");
    }

    /** A repository at {@code path} listing bash 5.2.26-3.fc40 and curl 8.6.0-10.fc40; returns its repomd.xml. */
    private static byte[] serveRepository(LoopbackServer http, String path) throws Exception {
        byte[] repomd = RepositoryIndexes.repomd("repodata/p-primary.xml.gz");
        http.put(path + "/repodata/repomd.xml", repomd);
        http.put(path + "/repodata/p-primary.xml.gz", RepositoryIndexes.gzip(RepositoryIndexes.primary(
                "bash 0:5.2.26-3.fc40 x86_64", "curl 0:8.6.0-10.fc40 x86_64")));
        return repomd;
    }

    static String metalink(List<String> sha256s, String... repomdUrls) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<metalink version=\"3.0\" xmlns=\"http://www.metalinker.org/\" xmlns:mm0=\"http://fedorahosted.org/mirrormanager\">\n"
                + " <files>\n  <file name=\"repomd.xml\">\n   <size>3091</size>\n   <verification>\n"
                + "    <hash type=\"md5\">d41d8cd98f00b204e9800998ecf8427e</hash>\n");
        for (String h : sha256s) {
            out.append("    <hash type=\"sha256\">").append(h).append("</hash>\n");
        }
        out.append("   </verification>\n   <resources maxconnections=\"1\">\n");
        int preference = 100;
        for (String u : repomdUrls) {
            String protocol = u.substring(0, u.indexOf(':'));
            out.append("    <url protocol=\"").append(protocol).append("\" type=\"").append(protocol).append("\" location=\"US\" preference=\"")
                    .append(preference--).append("\">").append(u).append("</url>\n");
        }
        return out.append("   </resources>\n  </file>\n </files>\n</metalink>\n").toString();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aMirrorlistIsTriedInOrderUntilAMirrorServesTheRepository() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            serveRepository(http, "/good/fedora/40");
            String dead = "http://127.0.0.1:" + closedPort() + "/fedora/40";
            http.put("/mirrorlist", ("# repo = fedora-40 arch = x86_64 country = DE\n" + dead + "/\n" + http.url("/missing/fedora/40") + "\n"
                    + http.url("/good/fedora/40/") + "\n").getBytes(StandardCharsets.UTF_8));
            String recorded = PackageRepositories.MIRRORLIST + http.url("/mirrorlist");
            assertThat(statuses(drift(recorded))).containsExactly(
                    "rpm:bash ok: version still in " + recorded,
                    "rpm:curl gone: version 8.6.0-8.fc40 is no longer in the primary metadata of " + recorded
                            + ", which now lists 8.6.0-10.fc40; dnf install curl-8.6.0-8.fc40 fails");
        }
    }

    @Test
    void aMirrorlistNoMirrorServesIsAnErrorNamingEachMirror() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            http.put("/mirrorlist", (http.url("/missing") + "\n").getBytes(StandardCharsets.UTF_8));
            http.put("/empty", "# no mirrors\n".getBytes(StandardCharsets.UTF_8));
            String recorded = PackageRepositories.MIRRORLIST + http.url("/mirrorlist");
            assertThat(statuses(drift(recorded))).first().isEqualTo("rpm:bash error: the repository index could not be read: "
                    + http.url("/mirrorlist") + ": no mirror of the mirrorlist serves the repository (" + http.url("/missing")
                    + "/repodata/repomd.xml: HTTP 404)");
            assertThat(statuses(drift(PackageRepositories.MIRRORLIST + http.url("/empty")))).first().isEqualTo(
                    "rpm:bash error: the repository index could not be read: " + http.url("/empty") + ": the mirrorlist lists no http(s) mirror");
        }
    }

    @Test
    void aMetalinkSkipsAStaleMirrorAndReadsTheOneWhoseRepomdHasAListedHash() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            byte[] repomd = serveRepository(http, "/good/40");
            // the first mirror serves other metadata (stale): its hash is not listed
            http.put("/stale/40/repodata/repomd.xml", RepositoryIndexes.repomd("repodata/stale-primary.xml.gz"));
            http.put("/stale/40/repodata/stale-primary.xml.gz", RepositoryIndexes.gzip(RepositoryIndexes.primary("curl 0:8.6.0-8.fc40 x86_64")));
            String dead = "http://127.0.0.1:" + closedPort() + "/40/repodata/repomd.xml";
            http.put("/metalink", metalink(List.of("a".repeat(64), Hashes.sha256Hex(repomd)), dead,
                    http.url("/stale/40/repodata/repomd.xml"), http.url("/good/40/repodata/repomd.xml")).getBytes(StandardCharsets.UTF_8));
            String recorded = PackageRepositories.METALINK + http.url("/metalink");
            assertThat(statuses(drift(recorded))).containsExactly(
                    "rpm:bash ok: version still in " + recorded,
                    "rpm:curl gone: version 8.6.0-8.fc40 is no longer in the primary metadata of " + recorded
                            + ", which now lists 8.6.0-10.fc40; dnf install curl-8.6.0-8.fc40 fails");
        }
    }

    @Test
    void aMetalinkWhoseMirrorsAllServeOtherMetadataIsAnError() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            serveRepository(http, "/good/40");
            http.put("/metalink", metalink(List.of("b".repeat(64)), http.url("/good/40/repodata/repomd.xml"), http.url("/gone/40/repodata/repomd.xml"))
                    .getBytes(StandardCharsets.UTF_8));
            String recorded = PackageRepositories.METALINK + http.url("/metalink");
            assertThat(statuses(drift(recorded))).first().isEqualTo("rpm:bash error: the repository index could not be read: "
                    + http.url("/metalink") + ": no mirror of the metalink serves the repomd.xml it lists (" + http.url("/good/40/repodata/repomd.xml")
                    + ": its hash is none of those the metalink lists; " + http.url("/gone/40/repodata/repomd.xml") + ": HTTP 404)");
        }
    }

    @Test
    void anUnreachableMirrorServiceIsAnErrorAndAMissingOneIsNoIndex() throws Exception {
        String dead = "http://127.0.0.1:" + closedPort() + "/metalink?repo=fedora-40&arch=x86_64";
        DriftReport report = drift(PackageRepositories.METALINK + dead);
        assertThat(report.entries()).extracting(e -> e.status().label()).containsExactly("error", "error");
        assertThat(report.entries().get(0).detail()).startsWith("the repository index could not be read: " + dead + ": cannot reach the rpm repository (");
        try (LoopbackServer http = new LoopbackServer()) {
            assertThat(statuses(drift(PackageRepositories.MIRRORLIST + http.url("/nothing")))).first().isEqualTo(
                    "rpm:bash error: the repository index could not be read: mirrorlist:" + http.url("/nothing") + ": no index (HTTP 404)");
        }
    }

    @Test
    void theMetalinkParserKeepsHttpRepomdUrlsAndStrongHashesOnly() throws Exception {
        String xml = metalink(List.of("C".repeat(64)), "https://a.example/40/repodata/repomd.xml", "rsync://b.example/40/repodata/repomd.xml",
                "http://c.example/40/repodata/repomd.xml", "https://d.example/40/other.xml")
                .replace("</verification>", "<hash type=\"sha512\">" + "d".repeat(128) + "</hash><hash type=\"sha1\">" + "e".repeat(40)
                        + "</hash></verification>");
        RpmMetalink m = RpmMetalink.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(m.urls()).containsExactly("https://a.example/40/repodata/repomd.xml", "http://c.example/40/repodata/repomd.xml");
        assertThat(m.hashes()).containsExactlyInAnyOrder("sha256:" + "c".repeat(64), "sha512:" + "d".repeat(128));
        assertThat(RpmMetalink.baseUrl(m.urls().get(0))).isEqualTo("https://a.example/40");
        byte[] body = "x".getBytes(StandardCharsets.UTF_8);
        RpmMetalink one = new RpmMetalink(List.of("https://a.example/repodata/repomd.xml"), java.util.Set.of("sha256:" + Hashes.sha256Hex(body)));
        assertThat(one.accepts(body)).isTrue();
        assertThat(one.accepts("y".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void theMetalinkParserRefusesDoctypesAndDocumentsWithoutUrlsOrHashes() {
        String[][] cases = {
            {"<?xml version=\"1.0\"?><!DOCTYPE metalink [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><metalink><files><file>"
                    + "<verification><hash type=\"sha256\">" + "a".repeat(64) + "</hash></verification><resources>"
                    + "<url protocol=\"https\">https://m.example/&x;/repodata/repomd.xml</url></resources></file></files></metalink>",
                "not a metalink (it declares a DOCTYPE, which a metalink never does)"},
            {"<metalink><files><file><resources><url protocol=\"https\">https://m.example/repodata/repomd.xml</url></resources></file></files></metalink>",
                "lists no sha256 or sha512 hash"},
            {"<metalink><files><file><verification><hash type=\"sha256\">" + "a".repeat(64) + "</hash></verification></file></files></metalink>",
                "lists no http(s) URL"},
            {"<html><body>mirror manager is down</body></html>", "no <metalink> element"},
            {"not xml", "not a metalink"}};
        for (String[] c : cases) {
            assertThatThrownBy(() -> RpmMetalink.parse(new ByteArrayInputStream(c[0].getBytes(StandardCharsets.UTF_8))))
                    .as(c[0]).isInstanceOf(java.io.IOException.class).hasMessageContaining(c[1]);
        }
    }

    @Test
    void mirrorOnlyRepositoriesAreRecordedWithTheMajorReleaseOnRhelLikes() {
        byte[] rocky = ("[baseos]\nname=Rocky Linux $releasever - BaseOS\n"
                + "mirrorlist=https://mirrors.rockylinux.org/mirrorlist?arch=$basearch&repo=BaseOS-$releasever\n"
                + "#baseurl=http://dl.rockylinux.org/$contentdir/$releasever/BaseOS/$basearch/os/\nenabled=1\n"
                + "[stream]\nmetalink=https://mirrors.centos.org/metalink?repo=centos-baseos-$stream&arch=$basearch\n"
                + "[both]\nmirrorlist=https://m.example/list/$releasever\nmetalink=https://m.example/metalink/$releasever\n"
                + "[off]\nmetalink=https://m.example/off\nenabled=0\n").getBytes(StandardCharsets.UTF_8);
        String releasever = PackageRepositories.rpmReleasever("rocky", "9.3");
        assertThat(releasever).isEqualTo("9");
        assertThat(PackageRepositories.rpm(List.of(rocky), "x86_64", releasever)).containsExactly(
                "mirrorlist:https://mirrors.rockylinux.org/mirrorlist?arch=x86_64&repo=BaseOS-9", "metalink:https://m.example/metalink/9");
        assertThat(PackageRepositories.rpmReleasever("fedora", "40")).isEqualTo("40");
        assertThat(PackageRepositories.rpmReleasever("amzn", "2023")).isEqualTo("2023");
        assertThat(PackageRepositories.rpmReleasever("almalinux", "8.10")).isEqualTo("8");
        assertThat(PackageRepositories.rpmReleasever("rocky", null)).isNull();
    }

    @Test
    void theLockFileAcceptsMirrorFormsForRpmOnly() throws Exception {
        LockFile rpm = lock("metalink:https://mirrors.fedoraproject.org/metalink?repo=fedora-40&arch=x86_64");
        String text = LockFileIO.write(rpm);
        assertThat(text).contains("      - metalink:https://mirrors.fedoraproject.org/metalink?repo=fedora-40&arch=x86_64\n");
        assertThat(LockFileIO.parse(text, "strata.lock")).isEqualTo(rpm);
        assertThatThrownBy(() -> LockFileIO.parse(text.replace("ecosystem: rpm", "ecosystem: apk"), "strata.lock"))
                .isInstanceOf(LockFileException.class).hasMessageContaining("is not an http(s) URL");
        assertThatThrownBy(() -> LockFileIO.parse(text.replace("metalink:https", "metalink:ftp"), "strata.lock"))
                .isInstanceOf(LockFileException.class).hasMessageContaining("is not an http(s) URL");
    }

    @Test
    void anImageRecordsItsMirrorOnlyRepositoriesWithItsDnfVariables(@TempDir Path tmp) throws Exception {
        byte[] rpmdb = RpmFixtures.sqlite(tmp, RpmFixtures.pkg("bash", "5.1.8", "9.el9", null, "x86_64", "/usr/bin/bash"));
        Path image = tmp.resolve("stream.tar");
        new TestImageBuilder().platform("linux", "arm64", null).layer(TestLayer.of(
                TestEntry.file("etc/os-release", "ID=\"centos\"\nVERSION_ID=\"9.4\"\n"),
                TestEntry.file("usr/lib/sysimage/rpm/rpmdb.sqlite", rpmdb),
                TestEntry.file("etc/dnf/vars/stream", "9-stream\n"),
                TestEntry.file("etc/yum/vars/stream", "8-stream\n"),
                TestEntry.file("etc/dnf/vars/rltype", ""),
                TestEntry.file("etc/yum.repos.d/centos.repo", "[baseos]\nname=CentOS Stream $releasever - BaseOS\n"
                        + "metalink=https://mirrors.centos.org/metalink?repo=centos-baseos-$stream&arch=$basearch&protocol=https,http\nenabled=1\n"
                        + "[rocky-like]\nmirrorlist=https://mirrors.example.org/mirrorlist?arch=$basearch&repo=BaseOS-$releasever$rltype\n"
                        + "[unknown]\nmetalink=https://m.example/$contentdir/metalink\n")))
                .write(TestImageBuilder.Format.OCI_ARCHIVE, image);
        PackageLock bash = InstalledPackages.read(image).find("rpm", "bash", java.time.Instant.parse(T)).orElseThrow();
        assertThat(bash.repositories()).containsExactly(
                "metalink:https://mirrors.centos.org/metalink?repo=centos-baseos-9-stream&arch=aarch64&protocol=https,http",
                "mirrorlist:https://mirrors.example.org/mirrorlist?arch=aarch64&repo=BaseOS-9");
    }

    @Test
    void aGivenRepositoryMayBeAMirrorlistToo() throws Exception {
        try (LoopbackServer http = new LoopbackServer()) {
            serveRepository(http, "/good/40");
            http.put("/mirrorlist", (http.url("/good/40") + "\n").getBytes(StandardCharsets.UTF_8));
            String given = PackageRepositories.MIRRORLIST + http.url("/mirrorlist");
            DriftReport report = new DriftChecker(null, null, null, List.of(new RpmRepositoryArchive(List.of(given), TIMEOUT)))
                    .check(lock("https://recorded.example/unreachable"), "strata.lock");
            assertThat(statuses(report)).first().isEqualTo("rpm:bash ok: version still in " + given);
        }
    }
}
