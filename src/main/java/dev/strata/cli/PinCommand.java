package dev.strata.cli;

import dev.strata.lock.LockFile;
import dev.strata.lock.LockFileException;
import dev.strata.lock.LockFileIO;
import dev.strata.lock.LockInputException;
import dev.strata.lock.PinResult;
import dev.strata.lock.Pinner;
import dev.strata.report.LockPinTextRenderer;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strata pin}: rewrites the Dockerfile from strata.lock, changing only the pinned tokens. */
@Command(name = "pin", mixinStandardHelpOptions = true,
        description = {"Rewrite the Dockerfile from strata.lock: digests on FROM, versions on packages, checksums on downloads, commits on git clones.",
                "Only the pinned tokens change. Writes atomically and keeps Dockerfile.orig. Exit 0 done, 2 refused (file untouched)."})
public final class PinCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin DockerfileArguments files;

    @Option(names = "--dry-run", description = "Print a unified diff of the change instead of writing it.")
    boolean dryRun;

    @Option(names = "--add-checksum", defaultValue = "flag", paramLabel = "flag|run",
            description = "How ADD URL downloads are verified: flag = ADD --checksum=sha256:… (BuildKit, Dockerfile 1.6+); "
                    + "run = a RUN sha256sum -c line after the ADD (buildah/podman without --checksum). Default: ${DEFAULT-VALUE}.")
    String addChecksum;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        DockerfileLocation where = files.location();
        if (!addChecksum.equals("flag") && !addChecksum.equals("run")) {
            return fail(err, "pin: --add-checksum must be flag or run, not '" + addChecksum + "'");
        }
        if (!Files.isRegularFile(where.dockerfile())) {
            return fail(err, where.dockerfile() + ": no such Dockerfile");
        }
        if (!Files.isRegularFile(where.lock())) {
            return fail(err, where.lock() + ": no lock file (run strata lock first)");
        }
        try {
            LockFile lock = LockFileIO.read(where.lock());
            PinResult plan = Pinner.plan(where.dockerfile(), lock,
                    addChecksum.equals("run") ? Pinner.AddChecksum.RUN : Pinner.AddChecksum.FLAG);
            if (dryRun) {
                out.print(LockPinTextRenderer.diff(plan));
                out.print(LockPinTextRenderer.summary(plan, false));
            } else {
                if (plan.changes() && dev.strata.lock.AtomicFiles.isReadOnly(where.dockerfile())) {
                    return fail(err, where.dockerfile() + ": read-only; not pinned");
                }
                Pinner.write(plan, lock, where.lock());
                out.print(LockPinTextRenderer.summary(plan, plan.changes()));
            }
            out.flush();
            return 0;
        } catch (LockFileException | LockInputException e) {
            return fail(err, e.getMessage());
        } catch (AccessDeniedException e) {
            return fail(err, e.getFile() + ": " + (e.getReason() == null ? "permission denied" : e.getReason()) + "; not pinned");
        } catch (IOException e) {
            return fail(err, where.dockerfile() + ": cannot write (" + e.getMessage() + ")");
        }
    }

    private static int fail(java.io.PrintWriter err, String message) {
        err.println("strata: " + message);
        err.flush();
        return 2;
    }
}
