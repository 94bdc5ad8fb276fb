package dev.strata.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class ChecksumManifestTest {

    private static final String SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void gnuBinaryModeAndBsdLines() {
        ChecksumManifest m = ChecksumManifest.parse("SHA256SUMS", SHA + "  data/a.csv\n"
                + SHA.toUpperCase() + " *b.bin\n# comment\n\nSHA512 (c.nc) = " + "ab".repeat(64) + "\nnot a line\n");
        assertThat(m.entries()).extracting(ChecksumManifest.Entry::line, ChecksumManifest.Entry::algorithm,
                ChecksumManifest.Entry::path).containsExactly(
                        tuple(1, "sha256", "data/a.csv"), tuple(2, "sha256", "b.bin"), tuple(5, "sha512", "c.nc"));
        assertThat(m.entries().get(1).digest()).isEqualTo(SHA);
        assertThat(m.problems()).extracting(ParseProblem::line).containsExactly(6);
    }

    @Test
    void bareDigestNamesTheFileItSitsBeside() {
        ChecksumManifest m = ChecksumManifest.parse("data/model.bin.sha256", SHA + "\n");
        assertThat(m.entries()).extracting(ChecksumManifest.Entry::path).containsExactly("model.bin");
    }

    @Test
    void md5IsRecognisedByLength() {
        ChecksumManifest m = ChecksumManifest.parse("MD5SUMS", "d41d8cd98f00b204e9800998ecf8427e  x\n");
        assertThat(m.entries()).extracting(ChecksumManifest.Entry::algorithm).containsExactly("md5");
        assertThat(ChecksumManifest.isManifestName("MD5SUMS")).isTrue();
        assertThat(ChecksumManifest.isManifestName("sha256sums.txt")).isTrue();
        assertThat(ChecksumManifest.isManifestName("notes.txt")).isFalse();
    }
}
