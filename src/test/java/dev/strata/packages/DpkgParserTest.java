package dev.strata.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DpkgParserTest {
    static final OsRelease DEBIAN_12 = OsRelease.parse(DebFixtures.OS_RELEASE.getBytes(StandardCharsets.UTF_8));

    static byte[] resource(String name) throws IOException {
        try (InputStream in = DpkgParserTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsARealStatusFileFromADebianSystem() throws IOException {
        List<Package> p = DpkgParser.parseStatus("/var/lib/dpkg/status", resource("status-real"), DEBIAN_12);
        assertThat(p).hasSize(6);
        Package first = p.get(0);
        assertThat(first.name()).isEqualTo("aardvark-dns");
        assertThat(first.version()).isEqualTo("1.4.0-3");
        assertThat(first.arch()).isEqualTo("amd64");
        assertThat(first.ecosystem()).isEqualTo(Ecosystem.DPKG);
        assertThat(first.purl()).isEqualTo("pkg:deb/debian/aardvark-dns@1.4.0-3?arch=amd64&distro=debian-12");
        assertThat(p.get(1).name()).isEqualTo("adduser");
        assertThat(p.get(1).arch()).isEqualTo("all");
    }

    @Test
    void epochsAndPlusSignsArePercentEncodedOnlyWhereThePurlSpecSays() {
        String status = DebFixtures.paragraph(DebFixtures.deb("python3-numpy", "1:1.24.2-1+b1"));
        Package p = DpkgParser.parseStatus("/var/lib/dpkg/status", status.getBytes(StandardCharsets.UTF_8), DEBIAN_12).get(0);
        assertThat(p.version()).isEqualTo("1:1.24.2-1+b1");
        assertThat(p.purl()).isEqualTo("pkg:deb/debian/python3-numpy@1:1.24.2-1%2Bb1?arch=amd64&distro=debian-12");
    }

    @Test
    void packagesWhoseFilesAreGoneAreLeftOut() {
        String status = "Package: removed-but-configured\nStatus: deinstall ok config-files\nArchitecture: amd64\nVersion: 1.0-1\n\n"
                + "Package: purged\nStatus: purge ok not-installed\nArchitecture: amd64\nVersion: 2.0-1\n\n"
                + "Package: half\nStatus: install reinstreq half-installed\nArchitecture: amd64\nVersion: 3.0-1\n\n"
                + "Package: ok\nStatus: install ok installed\nArchitecture: amd64\nVersion: 4.0-1\n";
        assertThat(DpkgParser.parseStatus("/s", status.getBytes(StandardCharsets.UTF_8), OsRelease.UNKNOWN))
                .extracting(Package::name).containsExactly("half", "ok");
    }

    @Test
    void distrolessStatusDEntriesHaveNoStatusField() {
        String entry = "Package: libssl3\nVersion: 3.0.15-1~deb12u1\nArchitecture: amd64\nSource: openssl\n"
                + "Maintainer: Debian OpenSSL Team <pkg-openssl-devel@alioth-lists.debian.net>\nInstalled-Size: 6170\n";
        Package p = DpkgParser.parseStatus("/var/lib/dpkg/status.d/libssl3", entry.getBytes(StandardCharsets.UTF_8), DEBIAN_12).get(0);
        assertThat(p.name()).isEqualTo("libssl3");
        assertThat(p.version()).isEqualTo("3.0.15-1~deb12u1");
        assertThat(p.sourcePath()).isEqualTo("/var/lib/dpkg/status.d/libssl3");
    }

    @Test
    void listAndMd5sumsFilesGiveAbsolutePaths() throws IOException {
        List<String> list = DpkgParser.parseList(resource("adduser.list"));
        assertThat(list).contains("/usr/sbin/adduser", "/etc/adduser.conf", "/usr/share/doc/adduser").doesNotContain("/", "/.");
        List<String> md5 = DpkgParser.parseMd5sums(resource("adduser.md5sums"));
        assertThat(md5).contains("/usr/sbin/adduser", "/usr/share/doc/adduser/NEWS.Debian.gz");
        // every file md5sums lists is in the .list too (directories and conffiles are only in .list)
        assertThat(list).containsAll(md5);
    }
}
