package dev.strata.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceReaderTest {
    @TempDir Path dir;

    @Test
    void readsUtf8AndDropsTheByteOrderMark() throws Exception {
        Path p = dir.resolve("Dockerfile");
        Files.write(p, ("\uFEFFFROM scratch\n# café\n").getBytes(StandardCharsets.UTF_8));
        assertThat(SourceReader.read(p, "Dockerfile")).isEqualTo("FROM scratch\n# café\n");
    }

    @Test
    void locatesTheFirstBadUtf8Byte() throws Exception {
        Path p = dir.resolve("Dockerfile");
        Files.write(p, new byte[] {'F', 'R', 'O', 'M', ' ', 'x', '\n', 'R', 'U', 'N', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> SourceReader.read(p, "Dockerfile"))
                .isInstanceOf(AuditInputException.class)
                .hasMessage("Dockerfile:2:5: not UTF-8 text (byte 0xE9)");
    }

    @Test
    void rejectsBinary() throws Exception {
        Path p = dir.resolve("Dockerfile");
        Files.write(p, new byte[] {0x7f, 'E', 'L', 'F', 0, 1});
        assertThatThrownBy(() -> SourceReader.read(p, "Dockerfile")).hasMessage("Dockerfile:1:5: binary file (NUL byte), not a text file");
    }

    @Test
    void rejectsHugeFilesWithoutReadingThemWhole() throws Exception {
        Path p = dir.resolve("Dockerfile");
        Files.write(p, ("RUN true\n".repeat(10 * 1024 * 1024 / 9)).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SourceReader.read(p, "big/Dockerfile")).hasMessageStartingWith("big/Dockerfile: larger than 1 MiB");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> SourceReader.read(dir.resolve("x"), "x")).hasMessage("x: no such file");
    }
}
