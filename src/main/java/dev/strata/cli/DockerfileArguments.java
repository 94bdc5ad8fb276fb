package dev.strata.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The Dockerfile and lock arguments lock and pin share: PATH, {@code -f/--file}, {@code --lock}. */
public final class DockerfileArguments {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", defaultValue = ".",
            description = "Project directory or Dockerfile (default: ${DEFAULT-VALUE}).")
    Path path;

    @Option(names = {"-f", "--file"}, paramLabel = "DOCKERFILE", description = "Dockerfile (default: PATH/Dockerfile).")
    Path dockerfile;

    @Option(names = "--lock", paramLabel = "FILE", description = "Lock file (default: next to the Dockerfile, strata.lock).")
    Path lockFile;

    DockerfileLocation location() {
        return DockerfileLocation.of(path, dockerfile, lockFile);
    }
}
