package dev.strata.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextCopyTest {
    @TempDir
    Path tmp;

    private Path project() throws Exception {
        Path p = Files.createDirectories(tmp.resolve("p"));
        Files.writeString(p.resolve("Dockerfile"), "FROM scratch\n");
        Files.createDirectories(p.resolve("src"));
        Files.writeString(p.resolve("src/run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(p.resolve("src/run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(p.resolve("Dockerfile"), PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(p.resolve("link"), Path.of("/etc/passwd"));
        Files.createDirectories(p.resolve(".strata-work/old"));
        return p;
    }

    @Test
    void keepsPermissionsAndSymlinksWithoutUmask() throws Exception {
        Path p = project();
        Path to = tmp.resolve("copy/context");
        ContextCopy.copy(p, to, null, p.resolve(".strata-work"));
        assertThat(Files.readString(to.resolve("src/run.sh"))).isEqualTo("#!/bin/sh\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(to.resolve("src/run.sh"))))
                .isEqualTo("rwxr-x---");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(to.resolve("Dockerfile"))))
                .isEqualTo("rw-------");
        assertThat(Files.isSymbolicLink(to.resolve("link"))).isTrue();
        assertThat(Files.readSymbolicLink(to.resolve("link"))).isEqualTo(Path.of("/etc/passwd"));
        assertThat(to.resolve(".strata-work")).doesNotExist();
    }

    @Test
    void umaskDecidesPermissionsAsACheckoutWould() throws Exception {
        Path p = project();
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        ContextCopy.copy(p, a, 0022, null);
        ContextCopy.copy(p, b, 0002, null);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a.resolve("Dockerfile"))))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(b.resolve("Dockerfile"))))
                .isEqualTo("rw-rw-r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a.resolve("src/run.sh"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(b.resolve("src"))))
                .isEqualTo("rwxrwxr-x");
    }
}
