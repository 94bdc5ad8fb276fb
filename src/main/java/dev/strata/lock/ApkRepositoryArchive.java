package dev.strata.lock;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Drift of apk packages: each locked {@code name version} in the {@code APKINDEX.tar.gz} of the
 * image's repositories ({@code /etc/apk/repositories}, recorded as {@code <repository>/<arch>}).
 * Alpine keeps only the newest version of a package on each release branch, so gone is the common
 * outcome after the branch's next update.
 */
public final class ApkRepositoryArchive extends RepositoryIndexArchive {

    /**
     * @param repositories APKINDEX directories ({@code <repository>/<arch>}) that replace the
     *     recorded ones, or empty for the lock's
     */
    public ApkRepositoryArchive(List<String> repositories, Duration timeout) {
        super("apk repository", repositories, timeout);
    }

    @Override
    public String ecosystem() {
        return "apk";
    }

    @Override
    String key(PackageLock p) {
        return ApkIndex.key(p.name(), p.version());
    }

    @Override
    Set<String> read(String repository, Set<String> names) throws IOException, InterruptedException {
        return streams.read(repository + "/APKINDEX.tar.gz", in -> ApkIndex.parseTar(in, names));
    }

    @Override
    String noRepository() {
        return "the lock records no apk repository (lock again with --image) and none was given (--apk-repository)";
    }

    @Override
    String goneDetail(PackageLock p, String where, List<String> listed) {
        return "version " + p.version() + " is no longer in the APKINDEX of " + where + (listed.isEmpty() ? "" : ", which now lists "
                + String.join(", ", listed)) + "; apk add " + p.name() + "=" + p.version() + " fails. Alpine keeps only the newest"
                + " version of a package on each release branch: lock and pin the version the branch has now, or build on a base"
                + " image pinned by digest that already contains this one";
    }
}
