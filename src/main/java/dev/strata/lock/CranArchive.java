package dev.strata.lock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drift of R packages against the lock's dated CRAN snapshot, and of that snapshot against CRAN
 * today.
 *
 * <ul>
 *   <li><b>ok</b>: the snapshot's {@code src/contrib/PACKAGES} lists the locked version, and
 *       current CRAN lists the same version (or can not be read: current CRAN is informational).
 *   <li><b>moved</b>: the pin holds but the world moved on: the snapshot lists the locked version
 *       and current CRAN lists another one; or the snapshot lists another version and the locked
 *       one is still downloadable from the snapshot's {@code src/contrib/Archive/PKG/PKG_VER.tar.gz}
 *       ({@code remotes::install_version} can install it; {@code install.packages} from the
 *       snapshot would install the listed version).
 *   <li><b>gone</b>: the snapshot lists the package at another version (or not at all while CRAN
 *       knows it) and the locked version's tarball is not in its Archive.
 *   <li><b>unchecked</b>: neither the snapshot nor current CRAN know the package (a Bioconductor
 *       or GitHub package, such as BiocVersion), or the lock has no CRAN snapshot.
 *   <li><b>error</b>: the snapshot's index could not be read.
 * </ul>
 */
public final class CranArchive implements PackageArchive {
    /** CRAN's cloud mirror: what {@code install.packages} uses by default in rocker and most images. */
    public static final String DEFAULT_CRAN = "https://cloud.r-project.org";

    private final String currentCran;
    private final String snapshotService;
    private final IndexStreams streams;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param currentCran the CRAN mirror whose index says what is current (e.g. {@link #DEFAULT_CRAN}), or null not to ask
     * @param snapshotService a Posit Package Manager-compatible service whose {@code <service>/<date>} replaces
     *     the lock's snapshot URL (a mirror), or null for the lock's URL
     */
    public CranArchive(String currentCran, String snapshotService, Duration timeout) {
        this.currentCran = currentCran == null || currentCran.isBlank() ? null : PackageRepositories.trimSlashes(currentCran);
        this.snapshotService = snapshotService == null || snapshotService.isBlank() ? null : PackageRepositories.trimSlashes(snapshotService);
        this.streams = new IndexStreams("CRAN repository", timeout);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
    }

    @Override
    public String ecosystem() {
        return "r";
    }

    @Override
    public List<DriftEntry> check(LockFile lock, List<PackageLock> locked) {
        List<DriftEntry> out = new ArrayList<>();
        if (lock.cranSnapshot() == null) {
            locked.forEach(p -> out.add(DriftChecker.unchecked(p, "the lock has no CRAN snapshot (lock again with strata lock)")));
            return out;
        }
        String snapshot = snapshotService == null ? PackageRepositories.trimSlashes(lock.cranSnapshot().url())
                : snapshotService + "/" + lock.cranSnapshot().date();
        Set<String> names = new LinkedHashSet<>();
        locked.forEach(p -> names.add(p.name()));
        Map<String, Set<String>> listed;
        String snapshotError = null;
        try {
            listed = packages(snapshot, names);
        } catch (IOException e) {
            listed = null;
            snapshotError = e.getMessage();
        }
        Map<String, Set<String>> current = null;
        String currentError = null;
        if (currentCran != null) {
            try {
                current = packages(currentCran, names);
                if (current == null) {
                    currentError = currentCran + " has no src/contrib/PACKAGES index";
                }
            } catch (IOException e) {
                currentError = e.getMessage();
            }
        }
        for (PackageLock p : locked) {
            if (snapshotError != null || listed == null) {
                out.add(new DriftEntry("package", subject(p), DriftStatus.ERROR, p.version(), null, snapshotError != null
                        ? "the snapshot's PACKAGES index could not be read: " + snapshotError
                        : snapshot + " has no src/contrib/PACKAGES index"));
                continue;
            }
            out.add(check(p, snapshot, listed.getOrDefault(p.name(), Set.of()), current == null ? null : current.getOrDefault(p.name(), Set.of()),
                    currentError));
        }
        return out;
    }

    private DriftEntry check(PackageLock p, String snapshot, Set<String> inSnapshot, Set<String> nowOnCran, String currentError) {
        String now = nowOnCran == null || nowOnCran.isEmpty() ? null : String.join(", ", nowOnCran);
        if (inSnapshot.contains(p.version())) {
            if (now != null && !nowOnCran.contains(p.version())) {
                return new DriftEntry("package", subject(p), DriftStatus.MOVED, p.version(), now,
                        "the snapshot " + snapshot + " still serves " + p.version() + "; " + currentCran + " now has " + now);
            }
            return new DriftEntry("package", subject(p), DriftStatus.OK, p.version(), now == null ? p.version() : now,
                    "version still in the snapshot " + snapshot + (currentError == null ? "" : " (current CRAN not checked: " + currentError + ")"));
        }
        boolean archived;
        try {
            archived = exists(snapshot + "/src/contrib/Archive/" + p.name() + "/" + p.name() + "_" + p.version() + ".tar.gz");
        } catch (ResolutionException e) {
            return new DriftEntry("package", subject(p), DriftStatus.ERROR, p.version(), null,
                    "the snapshot's Archive could not be asked: " + e.getMessage());
        }
        if (archived) {
            return new DriftEntry("package", subject(p), DriftStatus.MOVED, p.version(), inSnapshot.isEmpty() ? now : String.join(", ", inSnapshot),
                    "the snapshot " + snapshot + " lists " + (inSnapshot.isEmpty() ? "no version" : String.join(", ", inSnapshot))
                            + "; " + p.version() + " is still in its src/contrib/Archive (remotes::install_version('" + p.name() + "', '"
                            + p.version() + "') installs it)");
        }
        if (inSnapshot.isEmpty() && now == null) {
            return DriftChecker.unchecked(p, "neither the snapshot " + snapshot + " nor current CRAN list " + p.name()
                    + ": not a CRAN package (Bioconductor or GitHub?)");
        }
        return new DriftEntry("package", subject(p), DriftStatus.GONE, p.version(), inSnapshot.isEmpty() ? now : String.join(", ", inSnapshot),
                "version " + p.version() + " is neither listed in " + snapshot + "/src/contrib/PACKAGES nor in its Archive; the pinned"
                        + " install.packages('" + p.name() + "') installs another version or fails");
    }

    private static String subject(PackageLock p) {
        return "r:" + p.name();
    }

    /** {@code PACKAGES.gz} (what R fetches first), else {@code PACKAGES}; null when neither exists. */
    private Map<String, Set<String>> packages(String repository, Set<String> names) throws IOException {
        try {
            Map<String, Set<String>> gz = streams.read(repository + "/src/contrib/PACKAGES.gz", in -> CranPackages.versions(in, names));
            return gz != null ? gz : streams.read(repository + "/src/contrib/PACKAGES", in -> CranPackages.versions(in, names));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(repository + ": interrupted", e);
        }
    }

    /** Whether {@code HEAD url} answers 200; 404 and 410 are no, anything else an error. */
    private boolean exists(String url) throws ResolutionException {
        HttpResponse<Void> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new ResolutionException(url + ": cannot reach the CRAN repository (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResolutionException(url + ": interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new ResolutionException(url + ": not a valid URL", e);
        }
        int status = response.statusCode();
        if (status == 404 || status == 410) {
            return false;
        }
        if (status != 200) {
            throw new ResolutionException(url + ": the CRAN repository answered HTTP " + status);
        }
        return true;
    }
}
