package dev.strata.cli;

import dev.strata.lock.AtomicFiles;
import dev.strata.lock.ImageResolver;
import dev.strata.lock.LockInputException;
import dev.strata.lock.LockResult;
import dev.strata.lock.Locker;
import dev.strata.lock.ResolutionException;
import dev.strata.report.LockTextRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strata lock}: resolves every floating input of a Dockerfile into strata.lock. */
@Command(name = "lock", mixinStandardHelpOptions = true,
        description = {"Resolve the Dockerfile's floating inputs (base images, downloads, git clones, packages) and record them in strata.lock.",
                "Exit 0 when written, 2 on input errors (nothing is written then)."})
public final class LockCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin DockerfileArguments files;

    @Option(names = "--image", paramLabel = "FILE",
            description = "Image built from this Dockerfile (docker-archive, OCI archive or layout) to read installed package versions from.")
    Path image;

    @Option(names = "--dry-run", description = "Print the lock instead of writing it.")
    boolean dryRun;

    @Option(names = "--apt-snapshot-url", paramLabel = "URL",
            description = {"Snapshot service to record the apt snapshot on (an internal mirror of snapshot.debian.org or"
                    + " snapshot.ubuntu.com with the same layout: URL/archive/debian/<timestamp>/, URL/ubuntu/<timestamp>/);"
                    + " default: the public services. strata drift --apt-snapshot-url checks against the same layout."})
    String aptSnapshotUrl;

    @Mixin RemoteOptions remote;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        DockerfileLocation where = files.location();
        if (!Files.isRegularFile(where.dockerfile())) {
            err.println("strata: " + where.dockerfile() + ": no such Dockerfile");
            err.flush();
            return 2;
        }
        if (image != null && !Files.exists(image)) {
            err.println("strata: " + image + ": no such image file or directory");
            err.flush();
            return 2;
        }
        if (aptSnapshotUrl != null && !aptSnapshotUrl.matches("https?://[^\\s'\"\\\\]+")) {
            err.println("strata: --apt-snapshot-url: '" + aptSnapshotUrl + "' is not an http(s) URL");
            err.flush();
            return 2;
        }
        try {
            Locker locker = new Locker(new ImageResolver(remote.registry()), remote.downloads(), remote.git(), remote.pythonIndex())
                    .aptSnapshotService(aptSnapshotUrl);
            LockResult result = locker.lock(where.dockerfile(), where.lock(), image, Instant.now());
            if (dryRun) {
                out.print(result.text());
                result.notes().forEach(n -> err.println("note: " + n)); // stdout stays a valid lock
            } else {
                if (result.changed()) {
                    AtomicFiles.write(where.lock(), result.text().getBytes(StandardCharsets.UTF_8), null);
                }
                out.print(LockTextRenderer.render(result, where.lock().toString()));
            }
            out.flush();
            return 0;
        } catch (LockInputException | ResolutionException e) {
            err.println("strata: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("strata: " + where.lock() + ": cannot write (" + e.getMessage() + ")");
            err.flush();
            return 2;
        }
    }
}
