package dev.strata.lock;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drift against the indexes of package repositories (conda channels, apk repositories, rpm
 * repositories): a locked package is ok when one of its repositories' indexes lists exactly the
 * locked version, gone when every index was read and none does, error when it is listed nowhere
 * and an index could not be read. Each repository's index is read once per check.
 */
abstract class RepositoryIndexArchive implements PackageArchive {
    /** What one repository's index lists of the wanted packages, or why it could not be read. */
    record Listing(Set<String> keys, String error) {}

    final IndexStreams streams;
    private final List<String> overrides;

    /** @param overrides repositories that replace the recorded ones for every package (empty: use the lock's) */
    RepositoryIndexArchive(String serverName, List<String> overrides, Duration timeout) {
        this.streams = new IndexStreams(serverName, timeout);
        this.overrides = overrides.stream().map(PackageRepositories::trimSlashes).toList();
    }

    /** The index directory URLs to check {@code p} in. */
    List<String> repositories(PackageLock p) {
        return overrides.isEmpty() ? p.repositories().stream().map(this::rewrite).toList() : overrides;
    }

    /** A recorded repository as it is fetched (a mirror alias), by default unchanged. */
    String rewrite(String recorded) {
        return recorded;
    }

    /** What identifies the exact locked build in an index, as {@link #read} collects it. */
    abstract String key(PackageLock p);

    /** The keys of the entries of {@code names} the index in {@code repository} lists; null when it has none (404). */
    abstract Set<String> read(String repository, Set<String> names) throws IOException, InterruptedException;

    /** How a listed version (a key without its name) is shown in details and as {@code current}. */
    String shown(String keyVersion) {
        return keyVersion;
    }

    /** Why packages without any repository are unchecked. */
    abstract String noRepository();

    /**
     * The detail of a gone package.
     *
     * @param where the repositories read
     * @param listed what the indexes list now for the package's name, each the part of its key
     *     after the name (sorted; empty when the name is gone too)
     */
    abstract String goneDetail(PackageLock p, String where, List<String> listed);

    @Override
    public List<DriftEntry> check(LockFile lock, List<PackageLock> locked) {
        Set<String> names = new LinkedHashSet<>();
        locked.forEach(p -> names.add(p.name()));
        Map<String, Listing> listings = new HashMap<>();
        List<DriftEntry> out = new ArrayList<>();
        for (PackageLock p : locked) {
            List<String> repositories = repositories(p);
            if (repositories.isEmpty()) {
                out.add(DriftChecker.unchecked(p, noRepository()));
                continue;
            }
            String subject = p.ecosystem() + ":" + p.name();
            String found = null;
            String error = null;
            java.util.TreeSet<String> listed = new java.util.TreeSet<>();
            for (String repository : repositories) {
                Listing listing = listings.computeIfAbsent(repository, r -> listing(r, names));
                if (listing.keys().contains(key(p))) {
                    found = repository;
                    break;
                }
                if (listing.error() != null && error == null) {
                    error = listing.error();
                }
                listing.keys().stream().filter(k -> k.startsWith(p.name() + " ")).map(k -> shown(k.substring(p.name().length() + 1))).forEach(listed::add);
            }
            String where = String.join(", ", repositories);
            if (found != null) {
                out.add(new DriftEntry("package", subject, DriftStatus.OK, p.version(), p.version(), "version still in " + found));
            } else if (error != null) {
                out.add(new DriftEntry("package", subject, DriftStatus.ERROR, p.version(), null, "the repository index could not be read: " + error));
            } else {
                out.add(new DriftEntry("package", subject, DriftStatus.GONE, p.version(), listed.size() == 1 ? listed.first() : null,
                        goneDetail(p, where, List.copyOf(listed))));
            }
        }
        return out;
    }

    private Listing listing(String repository, Set<String> names) {
        try {
            Set<String> keys = read(repository, names);
            return keys == null ? new Listing(Set.of(), repository + ": no index (HTTP 404)") : new Listing(keys, null);
        } catch (IOException e) {
            return new Listing(Set.of(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Listing(Set.of(), repository + ": interrupted");
        }
    }
}
