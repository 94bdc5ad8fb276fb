package dev.strata.lock;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Drift of rpm packages: each locked {@code name epoch:version-release} in the primary metadata
 * of the image's dnf/yum repositories ({@code <baseurl>/repodata/repomd.xml} → its
 * {@code primary} file, {@code .gz}, {@code .xz}, {@code .zst} or plain).
 */
public final class RpmRepositoryArchive extends RepositoryIndexArchive {

    /** @param repositories baseurls that replace the recorded ones, or empty for the lock's */
    public RpmRepositoryArchive(List<String> repositories, Duration timeout) {
        super("rpm repository", repositories, timeout);
    }

    @Override
    public String ecosystem() {
        return "rpm";
    }

    @Override
    String key(PackageLock p) {
        return RpmRepodata.key(p.name(), p.version());
    }

    @Override
    Set<String> read(String repository, Set<String> names) throws IOException, InterruptedException {
        String href = streams.read(repository + "/repodata/repomd.xml", RpmRepodata::primaryHref);
        if (href == null) {
            return null;
        }
        if (href.contains("://") || href.startsWith("/") || href.contains("..") || href.contains("?") || href.contains("#")) {
            throw new IOException(repository + "/repodata/repomd.xml: primary location '" + href + "' is not a path inside the repository");
        }
        String url = repository + "/" + href;
        Set<String> keys = streams.read(url, in -> RpmRepodata.parsePrimary(in, names));
        if (keys == null) {
            throw new IOException(url + ": the primary metadata repomd.xml names is missing (HTTP 404)");
        }
        return keys;
    }

    /** The epoch only when it is not 0, as rpm -q prints versions. */
    @Override
    String shown(String keyVersion) {
        return keyVersion.startsWith("0:") ? keyVersion.substring(2) : keyVersion;
    }

    @Override
    String noRepository() {
        return "the lock records no rpm repository with a baseurl (the image's repositories use only mirrorlist/metalink, or"
                + " it was locked without --image) and none was given (--rpm-repository)";
    }

    @Override
    String goneDetail(PackageLock p, String where, List<String> listed) {
        return "version " + p.version() + " is no longer in the primary metadata of " + where + (listed.isEmpty() ? ""
                : ", which now lists " + String.join(", ", listed)) + "; dnf install " + p.name() + "-"
                + p.version().replaceFirst("^0:", "") + " fails";
    }
}
