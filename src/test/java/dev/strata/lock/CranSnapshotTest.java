package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lock's cranSnapshot section: written deterministically, read strictly, optional for old locks. */
class CranSnapshotTest {
    private static final String SHA = "a".repeat(64);
    private static final String HEAD = "lockVersion: 1\ndockerfile:\n  path: Dockerfile\n  sha256: " + SHA + "\n";

    @Test
    void theSnapshotIsTheUtcDayOfTheTime() {
        assertThat(CranSnapshot.at(Instant.parse("2026-02-01T23:59:59Z")))
                .isEqualTo(new CranSnapshot("2026-02-01", "https://packagemanager.posit.co/cran/2026-02-01"));
        assertThat(CranSnapshot.at(Instant.parse("2026-02-02T00:00:00Z")).date()).isEqualTo("2026-02-02");
    }

    @Test
    void roundTripsAfterEveryOtherSection() throws Exception {
        LockFile lock = LockFileIO.parse(HEAD, "strata.lock").withCranSnapshot(CranSnapshot.at(Instant.parse("2026-02-01T10:00:00Z")));
        String text = LockFileIO.write(lock);
        assertThat(text).endsWith("  sha256: " + SHA + "\ncranSnapshot:\n  date: 2026-02-01\n  url: https://packagemanager.posit.co/cran/2026-02-01\n");
        assertThat(LockFileIO.parse(text, "strata.lock")).isEqualTo(lock);
    }

    @Test
    void oldLocksWithoutTheSectionStillRead() throws Exception {
        LockFile lock = LockFileIO.parse(HEAD, "strata.lock");
        assertThat(lock.cranSnapshot()).isNull();
        assertThat(LockFileIO.write(lock)).doesNotContain("cran");
    }

    @Test
    void theBinaryVariantIsAccepted() throws Exception {
        String url = "https://packagemanager.posit.co/cran/__linux__/jammy/2026-02-01";
        assertThat(LockFileIO.parse(HEAD + "cranSnapshot:\n  date: 2026-02-01\n  url: " + url + "\n", "strata.lock").cranSnapshot().url())
                .isEqualTo(url);
    }

    @Test
    void malformedSnapshotsAreRejectedWithAMessage() {
        assertThatThrownBy(() -> LockFileIO.parse(HEAD + "cranSnapshot:\n  date: 2026-2-1\n  url: https://packagemanager.posit.co/cran/2026-2-1\n",
                "strata.lock")).isInstanceOf(LockFileException.class).hasMessage("strata.lock: cranSnapshot date '2026-2-1' is not YYYY-MM-DD");
        assertThatThrownBy(() -> LockFileIO.parse(HEAD + "cranSnapshot:\n  date: 2026-02-01\n  url: https://cloud.r-project.org\n", "strata.lock"))
                .isInstanceOf(LockFileException.class).hasMessageContaining("cranSnapshot url 'https://cloud.r-project.org' is not");
        assertThatThrownBy(() -> LockFileIO.parse(HEAD + "cranSnapshot:\n  date: 2026-02-01\n  url: https://packagemanager.posit.co/cran/2026-02-02\n",
                "strata.lock")).isInstanceOf(LockFileException.class).hasMessageContaining("for its date");
        assertThatThrownBy(() -> LockFileIO.parse(HEAD + "cranSnapshot:\n  date: 2026-02-01\n  url: " + CranSnapshot.POSIT_CRAN + "2026-02-01\n  extra: 1\n",
                "strata.lock")).isInstanceOf(LockFileException.class);
    }
}
