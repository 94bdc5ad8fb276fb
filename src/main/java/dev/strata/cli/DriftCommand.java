package dev.strata.cli;

import dev.strata.lock.DriftChecker;
import dev.strata.lock.DriftReport;
import dev.strata.lock.LockFile;
import dev.strata.lock.LockFileException;
import dev.strata.lock.LockFileIO;
import dev.strata.lock.NpmRegistry;
import dev.strata.lock.ApkRepositoryArchive;
import dev.strata.lock.AptArchive;
import dev.strata.lock.CondaChannelArchive;
import dev.strata.lock.RpmRepositoryArchive;
import dev.strata.lock.AptSnapshotArchive;
import dev.strata.lock.NpmRegistryArchive;
import dev.strata.lock.PackageArchive;
import dev.strata.lock.PythonIndex;
import dev.strata.lock.PythonIndexArchive;
import dev.strata.lock.ResolutionException;
import dev.strata.report.DriftJsonRenderer;
import dev.strata.report.DriftTextRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strata drift}: checks a lock against registries, servers and indexes as they are now. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Check strata.lock against the world: ok, moved (a tag or branch now points elsewhere) or gone (what the pin names can no longer be fetched).",
                "Exit 0 clean, 1 when anything is gone (or moved with --fail-on moved), 2 on input errors."})
public final class DriftCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", defaultValue = ".",
            description = "Project directory (holding strata.lock) or the lock file itself.")
    Path path;

    @Option(names = "--lock", paramLabel = "FILE", description = "Lock file (default: PATH/strata.lock).")
    Path lockFile;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--fail-on", defaultValue = "gone", description = "gone or moved (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--npm-registry", paramLabel = "URL", defaultValue = NpmRegistry.DEFAULT_URL,
            description = "npm registry the locked npm versions are checked against (default: ${DEFAULT-VALUE}).")
    String npmRegistry;

    @Option(names = "--apt-snapshot-url", paramLabel = "URL", arity = "0..1", fallbackValue = "",
            description = {"Check locked apt versions against the Packages indexes of the lock's apt snapshot, read from the snapshot"
                    + " service at URL (e.g. " + AptArchive.DEBIAN_SNAPSHOT + "); without URL, from the service recorded in the lock"
                    + " (snapshot.debian.org, snapshot.ubuntu.com). Without this option apt entries are unchecked."})
    String aptSnapshotUrl;

    @Option(names = "--apt-architecture", paramLabel = "ARCH", defaultValue = "amd64",
            description = "Debian architecture of the locked image, for the snapshot's binary-ARCH indexes (default: ${DEFAULT-VALUE}).")
    String aptArchitecture;

    @Option(names = "--conda-channel-alias", paramLabel = "URL",
            description = {"Fetch the conda channels recorded in the lock from URL instead of their own host, keeping the channel path"
                    + " (https://conda.anaconda.org/conda-forge/linux-64 → URL/conda-forge/linux-64), like conda's channel_alias;"
                    + " for mirrors."})
    String condaChannelAlias;

    @Option(names = "--apk-repository", paramLabel = "URL",
            description = {"Check locked apk versions against the APKINDEX.tar.gz in URL (a repository with its architecture,"
                    + " e.g. https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64) instead of the repositories recorded in"
                    + " the lock. Repeatable."})
    List<String> apkRepositories = new ArrayList<>();

    @Option(names = "--rpm-repository", paramLabel = "URL",
            description = {"Check locked rpm versions against the rpm-md repository at URL (its baseurl, holding repodata/repomd.xml,"
                    + " or mirrorlist:URL / metalink:URL as the lock records them) instead of the repositories recorded in the lock."
                    + " Repeatable."})
    List<String> rpmRepositories = new ArrayList<>();

    @Option(names = "--cran-url", paramLabel = "URL", defaultValue = dev.strata.lock.CranArchive.DEFAULT_CRAN,
            description = {"CRAN mirror whose src/contrib/PACKAGES says which R package versions are current: a locked version the"
                    + " lock's CRAN snapshot still serves but CRAN has replaced is reported moved (default: ${DEFAULT-VALUE});"
                    + " an empty URL skips that comparison."})
    String cranUrl;

    @Option(names = "--cran-snapshot-service", paramLabel = "URL",
            description = {"Read the lock's dated CRAN snapshot from URL/<date> instead of the recorded URL"
                    + " (a mirror of " + dev.strata.lock.CranSnapshot.POSIT_CRAN + ")."})
    String cranSnapshotService;

    @Mixin RemoteOptions remote;

    /** The package archives the options name; ecosystems without one are reported unchecked. */
    private List<PackageArchive> archives() {
        List<PackageArchive> out = new ArrayList<>();
        PythonIndex pythonIndex = remote.pythonIndex();
        if (pythonIndex != null) {
            out.add(new PythonIndexArchive(pythonIndex));
        }
        out.add(new NpmRegistryArchive(new NpmRegistry(npmRegistry, remote.timeout())));
        out.add(new CondaChannelArchive(condaChannelAlias, remote.timeout()));
        out.add(new ApkRepositoryArchive(apkRepositories, remote.timeout()));
        out.add(new RpmRepositoryArchive(rpmRepositories, remote.timeout()));
        out.add(new dev.strata.lock.CranArchive(cranUrl, cranSnapshotService, remote.timeout()));
        if (aptSnapshotUrl != null) {
            out.add(new AptSnapshotArchive(new AptArchive(aptSnapshotUrl.isEmpty() ? null : aptSnapshotUrl, aptArchitecture, remote.timeout())));
        }
        return out;
    }

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("strata: drift: --format must be text or json, not '" + format + "'");
            return 2;
        }
        DriftReport.FailOn threshold;
        switch (failOn) {
            case "gone" -> threshold = DriftReport.FailOn.GONE;
            case "moved" -> threshold = DriftReport.FailOn.MOVED;
            default -> {
                err.println("strata: drift: --fail-on must be gone or moved, not '" + failOn + "'");
                return 2;
            }
        }
        Path lockPath = lockFile != null ? lockFile : Files.isDirectory(path) ? path.resolve(LockFileIO.FILE_NAME) : path;
        if (!Files.isRegularFile(lockPath)) {
            err.println("strata: " + lockPath + ": no lock file (run strata lock first)");
            err.flush();
            return 2;
        }
        try {
            LockFile lock = LockFileIO.read(lockPath);
            DriftReport report = new DriftChecker(remote.registry(), remote.downloads(), remote.git(), archives())
                    .check(lock, lockPath.toString());
            out.print(format.equals("json") ? DriftJsonRenderer.render(report) : DriftTextRenderer.render(report));
            out.flush();
            return report.exitCode(threshold);
        } catch (LockFileException | ResolutionException e) {
            err.println("strata: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("strata: drift: " + e.getMessage());
            err.flush();
            return 2;
        }
    }
}
