package dev.strata.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RpmParserTest {
    @TempDir
    Path tmp;

    static final OsRelease FEDORA = OsRelease.parse("NAME=\"Fedora Linux\"\nVERSION_ID=40\nID=fedora\n".getBytes(StandardCharsets.UTF_8));

    @Test
    void readsNameVersionEpochArchAndFilesFromTheSqliteRpmdb() throws Exception {
        byte[] db = RpmFixtures.sqlite(tmp,
                RpmFixtures.pkg("bash", "5.2.26", "3.fc40", null, "x86_64", "/usr/bin/bash", "/usr/share/doc/bash/README"),
                RpmFixtures.pkg("openssl-libs", "3.2.2", "3.fc40", 1, "x86_64", "/usr/lib64/libssl.so.3"),
                RpmFixtures.pkg("gpg-pubkey", "a15b79cc", "63d04c2c", null, "(none)"));
        List<Package> p = RpmParser.parseSqlite("/usr/lib/sysimage/rpm/rpmdb.sqlite", db, FEDORA);
        assertThat(p).extracting(Package::name).containsExactly("bash", "openssl-libs");
        assertThat(p.get(0).version()).isEqualTo("5.2.26-3.fc40");
        assertThat(p.get(0).files()).containsExactly("/usr/bin/bash", "/usr/share/doc/bash/README");
        assertThat(p.get(0).purl()).isEqualTo("pkg:rpm/fedora/bash@5.2.26-3.fc40?arch=x86_64&distro=fedora-40");
        assertThat(p.get(1).version()).isEqualTo("1:3.2.2-3.fc40");
        assertThat(p.get(1).purl()).isEqualTo("pkg:rpm/fedora/openssl-libs@3.2.2-3.fc40?arch=x86_64&distro=fedora-40&epoch=1");
    }

    @Test
    void theTemporaryCopyIsDeleted() throws Exception {
        byte[] db = RpmFixtures.sqlite(tmp, RpmFixtures.pkg("bash", "5.2.26", "3.fc40", null, "x86_64"));
        Path sysTmp = Path.of(System.getProperty("java.io.tmpdir"));
        RpmParser.parseSqlite("/var/lib/rpm/rpmdb.sqlite", db, FEDORA);
        try (Stream<Path> s = Files.list(sysTmp)) {
            assertThat(s.map(x -> x.getFileName().toString())).noneMatch(n -> n.startsWith("strata-rpmdb-"));
        }
    }

    @Test
    void garbageIsAClearErrorNotACrash() {
        assertThatThrownBy(() -> RpmParser.parseSqlite("/var/lib/rpm/rpmdb.sqlite", "not sqlite".getBytes(StandardCharsets.UTF_8), FEDORA))
                .isInstanceOf(PackageDatabaseException.class).hasMessageContaining("/var/lib/rpm/rpmdb.sqlite");
        byte[] h = RpmFixtures.pkg("bash", "5.2", "1", null, "x86_64", "/usr/bin/bash");
        byte[] cut = java.util.Arrays.copyOf(h, h.length - 10);
        assertThatThrownBy(() -> RpmHeader.parse(cut)).isInstanceOf(PackageDatabaseException.class);
    }
}
