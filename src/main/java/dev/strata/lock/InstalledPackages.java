package dev.strata.lock;

import dev.strata.image.Image;
import dev.strata.image.ImageReadException;
import dev.strata.image.ImageReader;
import dev.strata.image.ReadOptions;
import dev.strata.packages.Ecosystem;
import dev.strata.packages.OsRelease;
import dev.strata.packages.Package;
import dev.strata.packages.PackageInventory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The packages actually installed in a built image, by lock ecosystem ({@code apt}, {@code pip},
 * ...), read with the image reader and the package inventory.
 */
public final class InstalledPackages {
    private final Map<String, Package> byKey;
    private final String imageDigest;
    private final OsRelease os;
    private final Instant created;
    private final String codename;
    /** lock ecosystem → index directory URLs its package manager is configured with (apk, rpm). */
    private Map<String, List<String>> repositories = Map.of();
    /** conda-meta path → channel subdirectory URL of that package. */
    private Map<String, String> condaChannels = Map.of();
    private final List<String> aptComponents;

    /** The image's own apt sources, read for the archive components the snapshot must keep. */
    static final List<String> APT_SOURCES = List.of("/etc/apt/sources.list.d/debian.sources", "/etc/apt/sources.list.d/ubuntu.sources",
            "/etc/apt/sources.list");

    private InstalledPackages(Map<String, Package> byKey, String imageDigest, OsRelease os, Instant created, String codename,
            List<String> aptComponents) {
        this.byKey = byKey;
        this.imageDigest = imageDigest;
        this.os = os;
        this.created = created;
        this.codename = codename;
        this.aptComponents = aptComponents;
    }

    /** Reads {@code imageFile} (docker-archive, OCI archive or OCI layout). */
    public static InstalledPackages read(Path imageFile) throws ResolutionException {
        Image image;
        try {
            image = new ImageReader(ReadOptions.defaults().withCapture(PackageInventory.capturePaths()
                    .or(InstalledPackages::isRepositoryConfig).or(APT_SOURCES::contains))).read(imageFile);
        } catch (ImageReadException e) {
            throw new ResolutionException(e.getMessage(), e);
        }
        PackageInventory inventory = PackageInventory.of(image.files());
        Map<String, Package> byKey = new HashMap<>();
        for (Package p : inventory.packages()) {
            String eco = lockEcosystem(p.ecosystem());
            byKey.putIfAbsent(key(eco, p.name()), p);
        }
        OsRelease os = OsRelease.UNKNOWN;
        String codename = null;
        for (String path : List.of("/etc/os-release", "/usr/lib/os-release")) {
            Optional<byte[]> bytes = image.files().content(path);
            if (bytes.isPresent()) {
                os = OsRelease.parse(bytes.get());
                codename = codename(new String(bytes.get(), java.nio.charset.StandardCharsets.UTF_8));
                break;
            }
        }
        Instant created = null;
        String text = image.config() == null ? "" : image.config().path("created").asText("");
        try {
            created = text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            created = null;
        }
        String digest = image.manifestDigest() != null ? image.manifestDigest() : image.configDigest();
        List<String> components = List.of();
        if (codename != null) {
            Map<String, String> sources = new java.util.LinkedHashMap<>();
            for (String path : APT_SOURCES) {
                image.files().content(path).ifPresent(b -> sources.put(path, new String(b, java.nio.charset.StandardCharsets.UTF_8)));
            }
            components = AptSources.components(sources, codename);
        }
        InstalledPackages installed = new InstalledPackages(byKey, digest, os, created, codename, components);
        installed.repositories = repositories(image, os);
        installed.condaChannels = condaChannels(image, inventory);
        return installed;
    }

    private static final String APK_REPOSITORIES = "/etc/apk/repositories";
    private static final String YUM_REPOS_D = "/etc/yum.repos.d/";

    /** Where dnf (then yum) reads variables for repository URLs: each file's name is a variable, its first line the value. */
    private static final List<String> DNF_VARS_DIRS = List.of("/etc/dnf/vars/", "/etc/yum/vars/");

    /** The package manager configuration drift needs: apk's repositories, dnf/yum's .repo files and variables. */
    static boolean isRepositoryConfig(String path) {
        return path.equals(APK_REPOSITORIES)
                || (path.startsWith(YUM_REPOS_D) && path.endsWith(".repo") && path.indexOf('/', YUM_REPOS_D.length()) < 0)
                || DNF_VARS_DIRS.stream().anyMatch(d -> path.startsWith(d) && path.length() > d.length() && path.indexOf('/', d.length()) < 0);
    }

    /**
     * dnf's variables from the image ({@code /etc/dnf/vars/NAME}, else {@code /etc/yum/vars/NAME}):
     * e.g. CentOS Stream's {@code $stream}, Rocky's {@code $rltype} and {@code $contentdir}.
     */
    private static Map<String, String> dnfVars(Image image) {
        Map<String, String> vars = new HashMap<>();
        // yum's first, so that dnf's file of the same name wins
        for (String dir : List.of(DNF_VARS_DIRS.get(1), DNF_VARS_DIRS.get(0))) {
            for (dev.strata.image.FileEntry e : image.files().entries()) {
                String name = e.path().startsWith(dir) ? e.path().substring(dir.length()) : "";
                if (name.matches("[A-Za-z0-9_]+")) {
                    image.files().content(e.path()).ifPresent(b -> vars.put(name,
                            new String(b, java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse("").strip()));
                }
            }
        }
        return vars;
    }

    private static Map<String, List<String>> repositories(Image image, OsRelease os) {
        String[] platform = image.platform() == null ? new String[0] : image.platform().split("/");
        String arch = platform.length > 1 ? platform[1] : null;
        String variant = platform.length > 2 ? platform[2] : null;
        Map<String, List<String>> out = new HashMap<>();
        image.files().content(APK_REPOSITORIES)
                .map(b -> PackageRepositories.apk(b, PackageRepositories.apkArch(arch, variant)))
                .filter(l -> !l.isEmpty())
                .ifPresent(l -> out.put("apk", l));
        List<byte[]> repoFiles = new java.util.ArrayList<>();
        for (dev.strata.image.FileEntry e : image.files().entries()) {
            if (isRepositoryConfig(e.path()) && e.path().startsWith(YUM_REPOS_D)) {
                image.files().content(e.path()).ifPresent(repoFiles::add);
            }
        }
        List<String> rpm = PackageRepositories.rpm(repoFiles, PackageRepositories.rpmBasearch(arch),
                PackageRepositories.rpmReleasever(os.id(), os.versionId()), dnfVars(image));
        if (!rpm.isEmpty()) {
            out.put("rpm", rpm);
        }
        return out;
    }

    private static Map<String, String> condaChannels(Image image, PackageInventory inventory) {
        Map<String, String> out = new HashMap<>();
        for (Package p : inventory.of(Ecosystem.CONDA)) {
            image.files().content(p.sourcePath()).map(dev.strata.packages.CondaParser::channelSubdirUrl)
                    .ifPresent(url -> out.put(p.sourcePath(), url));
        }
        return out;
    }

    /** The index directories a package of {@code ecosystem} is fetched from, in the image's order. */
    private List<String> repositoriesOf(String ecosystem, Package p) {
        if (ecosystem.equals("conda")) {
            String url = condaChannels.get(p.sourcePath());
            return url == null ? List.of() : List.of(url);
        }
        return repositories.getOrDefault(ecosystem, List.of());
    }

    /** {@code VERSION_CODENAME} of an os-release file, else null. */
    static String codename(String osRelease) {
        for (String line : osRelease.split("\n")) {
            if (line.startsWith("VERSION_CODENAME=")) {
                String v = line.substring(17).trim().replace("\"", "").replace("'", "");
                return v.matches("[a-z]+") ? v : null;
            }
        }
        return null;
    }

    /** The lock's ecosystem name for an inventory ecosystem. */
    static String lockEcosystem(Ecosystem e) {
        return switch (e) {
            case DPKG -> "apt";
            case APK -> "apk";
            case RPM -> "rpm";
            case PYTHON -> "pip";
            case CONDA -> "conda";
            case NPM -> "npm";
            case R -> "r";
        };
    }

    private static String key(String ecosystem, String name) {
        String n = ecosystem.equals("pip") ? PythonIndex.normalise(name) : ecosystem.equals("apt") ? name.toLowerCase(Locale.ROOT) : name;
        return ecosystem + "/" + n;
    }

    /** The installed version of {@code name}, as a lock entry without hashes. */
    public Optional<PackageLock> find(String ecosystem, String name, Instant now) {
        Package p = byKey.get(key(ecosystem, name));
        if (p == null && ecosystem.equals("apt")) {
            int colon = name.indexOf(':');
            p = colon > 0 ? byKey.get(key(ecosystem, name.substring(0, colon))) : null;
        }
        if (p == null) {
            return Optional.empty();
        }
        return Optional.of(new PackageLock(ecosystem, name, p.version(), condaBuild(p), List.of(),
                "image " + imageDigest + " " + p.sourcePath(), LockClock.format(now), repositoriesOf(ecosystem, p)));
    }

    /**
     * The snapshot archive that serves the apt versions of this image: its creation time on
     * snapshot.debian.org or snapshot.ubuntu.com, with the components of the image's own apt
     * sources; empty for other distributions or an image without a creation time.
     */
    public Optional<AptSnapshot> aptSnapshot() {
        return aptSnapshot(null);
    }

    /**
     * As {@link #aptSnapshot()}, on the snapshot service {@code service} (same path layout as
     * snapshot.debian.org / snapshot.ubuntu.com), or the public services when null.
     */
    public Optional<AptSnapshot> aptSnapshot(String service) {
        if (created == null || os.id() == null || codename == null || !(os.id().equals("debian") || os.id().equals("ubuntu"))) {
            return Optional.empty();
        }
        String ts = LockClock.snapshot(created);
        return Optional.of(new AptSnapshot(os.id(), codename, ts, AptSnapshot.archiveUrl(service == null ? publicService(os.id()) : service, os.id(), ts),
                aptComponents.isEmpty() ? AptSnapshot.defaultComponents(os.id()) : aptComponents, null));
    }

    /** The image's creation time as a snapshot timestamp, for stages built on other bases. */
    public Optional<String> snapshotTimestamp() {
        return Optional.ofNullable(created).map(LockClock::snapshot);
    }

    /** The public snapshot service of a distribution. */
    static String publicService(String distribution) {
        return distribution.equals("ubuntu") ? "https://snapshot.ubuntu.com" : AptArchive.DEBIAN_SNAPSHOT;
    }

    /** When the image was built (its config's {@code created}), empty when it does not say. */
    public Optional<Instant> created() {
        return Optional.ofNullable(created);
    }

    private static String condaBuild(Package p) {
        if (p.ecosystem() != Ecosystem.CONDA || p.purl() == null) {
            return null;
        }
        int q = p.purl().indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String kv : p.purl().substring(q + 1).split("&")) {
            if (kv.startsWith("build=")) {
                return java.net.URLDecoder.decode(kv.substring(6), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
