package dev.strata.lock;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Drift of conda packages: each locked {@code name version build} in the {@code repodata.json} of
 * the channel subdirectory it was installed from ({@code packages} and {@code packages.conda}).
 * An exact build never moves: it is listed (ok) or not (gone).
 */
public final class CondaChannelArchive extends RepositoryIndexArchive {
    private final String channelAlias;

    /**
     * @param channelAlias a base URL that replaces the scheme and host of every recorded channel
     *     (like conda's {@code channel_alias}: {@code https://conda.anaconda.org/conda-forge/linux-64}
     *     becomes {@code <alias>/conda-forge/linux-64}), or null for the recorded channels
     */
    public CondaChannelArchive(String channelAlias, Duration timeout) {
        super("conda channel", List.of(), timeout);
        this.channelAlias = channelAlias == null || channelAlias.isBlank() ? null : PackageRepositories.trimSlashes(channelAlias);
    }

    @Override
    public String ecosystem() {
        return "conda";
    }

    @Override
    String rewrite(String recorded) {
        if (channelAlias == null) {
            return recorded;
        }
        try {
            String path = URI.create(recorded).getRawPath();
            return channelAlias + (path == null ? "" : path);
        } catch (IllegalArgumentException e) {
            return recorded; // not a URI: reading it fails with a message naming it
        }
    }

    @Override
    String key(PackageLock p) {
        return CondaRepodata.key(p.name(), p.version(), p.build());
    }

    /** {@code repodata.json.zst} (what conda fetches first, a tenth of the size), else {@code repodata.json}. */
    @Override
    Set<String> read(String repository, Set<String> names) throws IOException, InterruptedException {
        Set<String> keys = streams.read(repository + "/repodata.json.zst", in -> CondaRepodata.parse(in, names));
        return keys != null ? keys : streams.read(repository + "/repodata.json", in -> CondaRepodata.parse(in, names));
    }

    /** {@code version=build}, as conda match specs spell an exact build. */
    @Override
    String shown(String keyVersion) {
        return keyVersion.replace(' ', '=');
    }

    @Override
    String noRepository() {
        return "the lock records no conda channel for this package (lock again with --image to record it)";
    }

    @Override
    String goneDetail(PackageLock p, String where, List<String> listed) {
        List<String> sameVersion = listed.stream().filter(v -> v.startsWith(p.version() + "=")).toList();
        return "build " + p.version() + "=" + p.build() + " is no longer in the repodata.json of " + where
                + (sameVersion.isEmpty() ? "" : ", which has " + String.join(", ", sameVersion)) + "; conda install "
                + p.name() + "=" + p.version() + "=" + p.build() + " fails";
    }
}
