package dev.strata.cli;

import dev.strata.lock.LockFileIO;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the Dockerfile and the lock are, from PATH (a directory or a Dockerfile) and options. */
record DockerfileLocation(Path dockerfile, Path lock) {
    static DockerfileLocation of(Path path, Path dockerfileOption, Path lockOption) {
        Path dir;
        Path dockerfile;
        if (dockerfileOption != null) {
            dockerfile = dockerfileOption;
            dir = Files.isDirectory(path) ? path : dockerfileOption.toAbsolutePath().getParent();
        } else if (Files.isDirectory(path)) {
            dir = path;
            dockerfile = path.resolve("Dockerfile");
        } else {
            dockerfile = path;
            dir = path.toAbsolutePath().getParent();
        }
        return new DockerfileLocation(dockerfile, lockOption != null ? lockOption : dir.resolve(LockFileIO.FILE_NAME));
    }
}
