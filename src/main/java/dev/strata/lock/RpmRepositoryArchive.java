package dev.strata.lock;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Drift of rpm packages: each locked {@code name epoch:version-release} in the primary metadata
 * of the image's dnf/yum repositories ({@code <baseurl>/repodata/repomd.xml} → its
 * {@code primary} file, {@code .gz}, {@code .xz}, {@code .zst} or plain). A repository recorded as
 * {@code mirrorlist:<url>} or {@code metalink:<url>} is read from the first mirror that serves it
 * (for a metalink: whose repomd.xml has a hash the metalink lists).
 */
public final class RpmRepositoryArchive extends RepositoryIndexArchive {
    /** A mirrorlist or repomd.xml is a few KiB; more is not one. */
    private static final int MAX_MIRROR_DOCUMENT = 8 * 1024 * 1024;

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
        if (repository.startsWith(PackageRepositories.MIRRORLIST)) {
            return readMirrorlist(repository.substring(PackageRepositories.MIRRORLIST.length()), names);
        }
        if (repository.startsWith(PackageRepositories.METALINK)) {
            return readMetalink(repository.substring(PackageRepositories.METALINK.length()), names);
        }
        String href = streams.read(repository + "/repodata/repomd.xml", RpmRepodata::primaryHref);
        return href == null ? null : readPrimary(repository, href, names);
    }

    private Set<String> readPrimary(String repository, String href, Set<String> names) throws IOException, InterruptedException {
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

    /**
     * A mirrorlist is a text list of baseurls, one a line ({@code #} comments): as dnf does, the
     * mirrors are tried in order and the first that serves the repository is read.
     */
    private Set<String> readMirrorlist(String url, Set<String> names) throws IOException, InterruptedException {
        List<String> mirrors = streams.read(url, RpmRepositoryArchive::mirrorlist);
        if (mirrors == null) {
            return null;
        }
        if (mirrors.isEmpty()) {
            throw new IOException(url + ": the mirrorlist lists no http(s) mirror");
        }
        List<String> failures = new ArrayList<>();
        for (String mirror : mirrors) {
            try {
                Set<String> keys = read(mirror, names);
                if (keys != null) {
                    return keys;
                }
                failures.add(mirror + "/repodata/repomd.xml: HTTP 404");
            } catch (IOException e) {
                failures.add(e.getMessage());
            }
        }
        throw new IOException(url + ": no mirror of the mirrorlist serves the repository (" + String.join("; ", failures) + ")");
    }

    /**
     * A metalink lists URLs of the repository's repomd.xml with the hashes it must have: the first
     * URL whose repomd.xml has one of them is the repository read; a mirror serving other metadata
     * (stale or tampered) is skipped, as dnf skips it.
     */
    private Set<String> readMetalink(String url, Set<String> names) throws IOException, InterruptedException {
        RpmMetalink metalink = streams.read(url, RpmMetalink::parse);
        if (metalink == null) {
            return null;
        }
        List<String> failures = new ArrayList<>();
        for (String repomdUrl : metalink.urls()) {
            byte[] repomd;
            try {
                repomd = streams.read(repomdUrl, RpmRepositoryArchive::repomdBytes);
            } catch (IOException e) {
                failures.add(e.getMessage());
                continue;
            }
            if (repomd == null) {
                failures.add(repomdUrl + ": HTTP 404");
            } else if (!metalink.accepts(repomd)) {
                failures.add(repomdUrl + ": its hash is none of those the metalink lists");
            } else {
                String base = RpmMetalink.baseUrl(repomdUrl);
                String href = RpmRepodata.primaryHref(new ByteArrayInputStream(repomd));
                return readPrimary(base, href, names);
            }
        }
        throw new IOException(url + ": no mirror of the metalink serves the repomd.xml it lists (" + String.join("; ", failures) + ")");
    }

    /** The http(s) baseurls of a mirrorlist, in order, without trailing slashes. */
    static List<String> mirrorlist(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_MIRROR_DOCUMENT + 1);
        if (bytes.length > MAX_MIRROR_DOCUMENT) {
            throw new IndexStreams.IndexFormatException("the mirrorlist is larger than " + MAX_MIRROR_DOCUMENT + " bytes");
        }
        List<String> out = new ArrayList<>();
        for (String raw : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            String line = raw.strip();
            String lower = line.toLowerCase(Locale.ROOT);
            if ((lower.startsWith("http://") || lower.startsWith("https://")) && line.chars().noneMatch(c -> c <= ' ')) {
                String mirror = PackageRepositories.trimSlashes(line);
                if (!out.contains(mirror)) {
                    out.add(mirror);
                }
            }
        }
        return out;
    }

    private static byte[] repomdBytes(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_MIRROR_DOCUMENT + 1);
        if (bytes.length > MAX_MIRROR_DOCUMENT) {
            throw new IndexStreams.IndexFormatException("repomd.xml is larger than " + MAX_MIRROR_DOCUMENT + " bytes");
        }
        return bytes;
    }

    /** The epoch only when it is not 0, as rpm -q prints versions. */
    @Override
    String shown(String keyVersion) {
        return keyVersion.startsWith("0:") ? keyVersion.substring(2) : keyVersion;
    }

    @Override
    String noRepository() {
        return "the lock records no rpm repository (the image's repositories have no http(s) baseurl, mirrorlist or metalink"
                + " drift can resolve, or it was locked without --image) and none was given (--rpm-repository)";
    }

    @Override
    String goneDetail(PackageLock p, String where, List<String> listed) {
        return "version " + p.version() + " is no longer in the primary metadata of " + where + (listed.isEmpty() ? ""
                : ", which now lists " + String.join(", ", listed)) + "; dnf install " + p.name() + "-"
                + p.version().replaceFirst("^0:", "") + " fails";
    }
}
