package dev.strata.compare;

import dev.strata.image.FileEntry;
import dev.strata.image.FileTree;
import dev.strata.image.FileType;
import dev.strata.image.Image;
import dev.strata.image.Layer;
import dev.strata.packages.DatabaseIssue;
import dev.strata.packages.Ecosystem;
import dev.strata.packages.Package;
import dev.strata.packages.PackageInventory;
import dev.strata.packages.PathAliases;
import dev.strata.packages.VersionOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two images and explains how they differ. Pure: works on images already read (with
 * package databases, and the files content noise rules normalise, captured).
 */
public final class ImageComparator {
    private ImageComparator() {}

    public static Comparison compare(Image a, Image b, CompareOptions options) {
        List<String> idsA = a.layers().stream().map(Layer::diffId).toList();
        List<String> idsB = b.layers().stream().map(Layer::diffId).toList();
        int shared = 0;
        while (shared < idsA.size() && shared < idsB.size() && Objects.equals(idsA.get(shared), idsB.get(shared))) {
            shared++;
        }
        boolean sameLayers = idsA.equals(idsB);
        List<NoiseRule> rules = options.noise().rules();
        if (sameLayers && ConfigView.canonical(a.config()).equals(ConfigView.canonical(b.config()))) {
            Counts counts = new Counts(shared, a.files().size(), 0, 0, 0, 0, 0, 0, 0, 0, 0);
            return new Comparison(Verdict.BITWISE_IDENTICAL, ImageSummary.of(a), ImageSummary.of(b), List.of(), counts, List.of(), rules, List.of());
        }

        List<NoiseHit> noise = new ArrayList<>();
        // identical diff_ids mean identical layer tars, hence identical file systems: skip the walk
        TreeMap<String, FileChange> files = sameLayers ? new TreeMap<>() : diffFiles(a, b, options.noise(), noise);
        List<ConfigChange> config = ConfigView.runtimeChanges(a.config(), b.config(), options.noise(), noise);
        noise.sort(Comparator.comparing(NoiseHit::subject));

        if (files.isEmpty() && config.isEmpty()) {
            Counts counts = new Counts(shared, union(a.files(), b.files()), 0, 0, 0, 0, 0, 0, 0, 0, noise.size());
            return new Comparison(Verdict.FUNCTIONALLY_EQUIVALENT, ImageSummary.of(a), ImageSummary.of(b), List.of(), counts, noise, rules, List.of());
        }

        PackageInventory invA = PackageInventory.of(a.files());
        PackageInventory invB = PackageInventory.of(b.files());
        List<DatabaseIssue> issues = new ArrayList<>(invA.issues().stream().map(i -> new DatabaseIssue(i.path(), "A: " + i.problem())).toList());
        invB.issues().forEach(i -> issues.add(new DatabaseIssue(i.path(), "B: " + i.problem())));
        Attribution attribution = Attribution.of(a, b, invA, invB, files);

        List<Cause> causes = new ArrayList<>();
        baseChange(a, b, shared, files).ifPresent(causes::add);
        causes.addAll(attribution.packages());
        causes.addAll(attribution.databases());
        causes.addAll(attribution.unexplained());
        causes.addAll(config);

        int added = 0;
        int removed = 0;
        int changed = 0;
        for (FileChange f : files.values()) {
            switch (f.change()) {
                case ADDED -> added++;
                case REMOVED -> removed++;
                case CHANGED -> changed++;
            }
        }
        int pAdded = 0;
        int pRemoved = 0;
        int pChanged = 0;
        for (PackageChange p : attribution.packages()) {
            switch (p.change()) {
                case ADDED -> pAdded++;
                case REMOVED -> pRemoved++;
                default -> pChanged++;
            }
        }
        int explained = files.size() - attribution.unexplained().size();
        Counts counts = new Counts(shared, union(a.files(), b.files()), added, removed, changed, explained, pAdded, pRemoved, pChanged,
                config.size(), noise.size());
        return new Comparison(Verdict.DIFFERENT, ImageSummary.of(a), ImageSummary.of(b), causes, counts, noise, rules, issues);
    }

    private static int union(FileTree a, FileTree b) {
        int n = a.size();
        for (FileEntry e : b.entries()) {
            if (a.get(e.path()).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /**
     * A base-image change, claimed only on evidence that the images record a base (see
     * {@link BaseImage}) and that it differs: the labels name different bases, or the base layers
     * the history marks are not the same. A side without a record is taken to have as many base
     * layers as the other side records, so "debian base" against "FROM scratch + ADD rootfs" still
     * counts. Differing base layers are a cause only when some file that comes from them differs
     * for real: the file walk has already set aside timestamps and noise, so a base rebuilt with
     * new mtimes alone is never blamed.
     */
    static Optional<BaseImageChange> baseChange(Image a, Image b, int shared, Map<String, FileChange> files) {
        Optional<BaseImage> ba = BaseImage.of(a);
        Optional<BaseImage> bb = BaseImage.of(b);
        if (ba.isEmpty() && bb.isEmpty()) {
            return Optional.empty();
        }
        String la = ba.map(BaseImage::label).orElse(null);
        String lb = bb.map(BaseImage::label).orElse(null);
        boolean labelsDiffer = la != null && lb != null && !la.equals(lb);
        if (la != null && la.equals(lb)) {
            return Optional.empty();
        }
        int na = ba.map(BaseImage::layers).orElse(-1);
        int nb = bb.map(BaseImage::layers).orElse(-1);
        if (!labelsDiffer && na < 0 && nb < 0) {
            return Optional.empty();
        }
        int ka = Math.min(a.layers().size(), na >= 0 ? na : nb >= 0 ? nb : a.layers().size());
        int kb = Math.min(b.layers().size(), nb >= 0 ? nb : na >= 0 ? na : b.layers().size());
        boolean sameBaseLayers = ka == kb && diffIds(a, ka).equals(diffIds(b, kb));
        if (sameBaseLayers && !labelsDiffer) {
            return Optional.empty();
        }
        boolean baseFileDiffers = files.values().stream().anyMatch(f ->
                (f.a() != null && f.a().layerIndex() >= 0 && f.a().layerIndex() < ka)
                        || (f.b() != null && f.b().layerIndex() >= 0 && f.b().layerIndex() < kb));
        if (!baseFileDiffers) {
            return Optional.empty();
        }
        return Optional.of(new BaseImageChange(Math.min(shared, Math.min(ka, kb)), notIn(a, ka, b), notIn(b, kb, a)));
    }

    private static List<String> diffIds(Image image, int n) {
        return image.layers().subList(0, n).stream().map(Layer::diffId).toList();
    }

    /** The first {@code n} layers of {@code x} (its base) that {@code y} does not contain. */
    private static List<LayerInfo> notIn(Image x, int n, Image y) {
        java.util.Set<String> other = new java.util.HashSet<>();
        y.layers().forEach(l -> other.add(l.diffId()));
        List<LayerInfo> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Layer l = x.layers().get(i);
            if (!other.contains(l.diffId())) {
                out.add(new LayerInfo(i, l.diffId(), l.createdBy()));
            }
        }
        return out;
    }

    /** Every path whose entry differs, noise set aside (and recorded). */
    static TreeMap<String, FileChange> diffFiles(Image a, Image b, NoiseRules rules, List<NoiseHit> noise) {
        TreeMap<String, FileChange> out = new TreeMap<>();
        FileTree ta = a.files();
        FileTree tb = b.files();
        for (FileEntry x : ta.entries()) {
            Optional<FileEntry> y = tb.get(x.path());
            if (y.isEmpty()) {
                record(out, noise, rules, new FileChange(FileChange.Change.REMOVED, x.path(), List.of(), x, null, null, createdBy(a, x)));
                continue;
            }
            List<String> aspects = aspects(x, y.get(), ta, tb, rules, noise);
            if (!aspects.isEmpty()) {
                record(out, noise, rules, new FileChange(FileChange.Change.CHANGED, x.path(), aspects, x, y.get(), null, createdBy(b, y.get())));
            }
        }
        for (FileEntry y : tb.entries()) {
            if (ta.get(y.path()).isEmpty()) {
                record(out, noise, rules, new FileChange(FileChange.Change.ADDED, y.path(), List.of(), null, y, null, createdBy(b, y)));
            }
        }
        return out;
    }

    private static void record(TreeMap<String, FileChange> out, List<NoiseHit> noise, NoiseRules rules, FileChange c) {
        Optional<NoiseRule> rule = rules.pathRule(c.path());
        if (rule.isPresent()) {
            noise.add(new NoiseHit(c.path(), c.change().name().toLowerCase(java.util.Locale.ROOT), rule.get()));
        } else {
            out.put(c.path(), c);
        }
    }

    static String createdBy(Image image, FileEntry e) {
        int i = e.layerIndex();
        return i >= 0 && i < image.layers().size() ? image.layers().get(i).createdBy() : null;
    }

    private static FileType kind(FileType t) {
        return t == FileType.HARDLINK ? FileType.REGULAR : t;
    }

    /** What differs between two entries at the same path; timestamps never count. */
    static List<String> aspects(FileEntry x, FileEntry y, FileTree ta, FileTree tb, NoiseRules rules, List<NoiseHit> noise) {
        List<String> out = new ArrayList<>();
        if (kind(x.type()) != kind(y.type())) {
            out.add("type");
        } else {
            switch (kind(x.type())) {
                case REGULAR -> {
                    if (!Objects.equals(x.sha256(), y.sha256()) && !contentIsNoise(x, y, ta, tb, rules, noise)) {
                        out.add("content");
                    }
                }
                case SYMLINK -> {
                    if (!Objects.equals(x.linkTarget(), y.linkTarget())) {
                        out.add("link-target");
                    }
                }
                case CHAR_DEVICE, BLOCK_DEVICE -> {
                    if (x.devMajor() != y.devMajor() || x.devMinor() != y.devMinor()) {
                        out.add("device");
                    }
                }
                default -> { }
            }
        }
        // a symlink's own permission bits mean nothing on Linux
        if (kind(x.type()) != FileType.SYMLINK && (x.mode() & 07777) != (y.mode() & 07777)) {
            out.add("mode");
        }
        if (x.uid() != y.uid() || x.gid() != y.gid()) {
            out.add("owner");
        }
        if (!x.xattrs().equals(y.xattrs())) {
            out.add("xattrs");
        }
        return out;
    }

    private static boolean contentIsNoise(FileEntry x, FileEntry y, FileTree ta, FileTree tb, NoiseRules rules, List<NoiseHit> noise) {
        Optional<NoiseRule> rule = rules.contentRule(x.path());
        if (rule.isEmpty()) {
            return false;
        }
        Optional<byte[]> cx = ta.content(x.path());
        Optional<byte[]> cy = tb.content(y.path());
        if (cx.isEmpty() || cy.isEmpty()) {
            return false;
        }
        if (java.util.Arrays.equals(NoiseRules.normalise(rule.get(), cx.get()), NoiseRules.normalise(rule.get(), cy.get()))) {
            noise.add(new NoiseHit(x.path(), "changed", rule.get()));
            return true;
        }
        return false;
    }

    /** Folds file changes under the package changes that explain them. */
    private record Attribution(List<PackageChange> packages, List<PackageDatabaseChange> databases, List<FileChange> unexplained) {

        static Attribution of(Image a, Image b, PackageInventory invA, PackageInventory invB, TreeMap<String, FileChange> files) {
            Map<String, Package> pa = invA.byKey();
            Map<String, Package> pb = invB.byKey();
            TreeSet<String> keys = new TreeSet<>(pa.keySet());
            keys.addAll(pb.keySet());
            Map<String, FileChange> left = new LinkedHashMap<>(files);
            // package databases may name a file through a merged-/usr alias (/lib/... for /usr/lib/...)
            PathAliases aliases = PathAliases.of(a.files(), b.files());
            Map<String, String> byCanonical = new HashMap<>();
            for (String f : left.keySet()) {
                byCanonical.putIfAbsent(aliases.canonical(f), f);
            }
            java.util.function.Function<String, String> changedPath = owned -> {
                String k = byCanonical.get(aliases.canonical(owned));
                return k != null && left.containsKey(k) ? k : null;
            };
            List<Package[]> changed = new ArrayList<>();
            Map<String, String> ownerOfUnchanged = new HashMap<>();
            for (String k : keys) {
                Package x = pa.get(k);
                Package y = pb.get(k);
                if (x != null && y != null && x.version().equals(y.version())) {
                    for (String f : y.files()) {
                        String c = changedPath.apply(f);
                        if (c != null) {
                            ownerOfUnchanged.putIfAbsent(c, k);
                        }
                    }
                    metadataPaths(y, left).forEach(f -> ownerOfUnchanged.putIfAbsent(f, k));
                } else {
                    changed.add(new Package[] {x, y});
                }
            }
            changed.sort(Comparator.comparing((Package[] p) -> (p[0] != null ? p[0] : p[1]).ecosystem())
                    .thenComparing(p -> (p[0] != null ? p[0] : p[1]).name()));
            List<List<FileChange>> folded = new ArrayList<>();
            // canonical path of every file a changed package owns -> that package's position in changed
            Map<String, Integer> ownedByChanged = new HashMap<>();
            for (int i = 0; i < changed.size(); i++) {
                TreeSet<String> owned = new TreeSet<>();
                for (Package p : changed.get(i)) {
                    if (p == null) {
                        continue;
                    }
                    for (String f : p.files()) {
                        ownedByChanged.putIfAbsent(aliases.canonical(f), i);
                        String c = changedPath.apply(f);
                        if (c != null) {
                            owned.add(c);
                        }
                    }
                    owned.addAll(metadataPaths(p, left));
                }
                List<FileChange> fc = new ArrayList<>();
                for (String f : owned) {
                    FileChange c = left.remove(f);
                    if (c != null) {
                        fc.add(c);
                    }
                }
                folded.add(fc);
            }
            // Links maintainer scripts make (ldconfig's libfoo.so.N, update-alternatives) belong to no
            // package's list: an unowned changed symlink whose target a changed package owns is
            // explained by that package.
            for (String f : List.copyOf(left.keySet())) {
                if (ownerOfUnchanged.containsKey(f)) {
                    continue;
                }
                FileChange c = left.get(f);
                String target = aliases.linkTarget(c.b() != null ? c.b() : c.a());
                Integer owner = target == null ? null : ownedByChanged.get(target);
                if (owner != null) {
                    folded.get(owner).add(left.remove(f));
                }
            }
            // Files maintainer scripts copy from a packaged template (readline-common's postinst
            // copies /usr/share/readline/inputrc to /etc/inputrc): an unowned added or changed regular
            // file, written in the same layer with the same content as a file a changed package owns,
            // belongs to that package. Empty files are left out: equal content says nothing there.
            Map<String, int[]> byContent = new HashMap<>();
            for (int i = 0; i < folded.size(); i++) {
                for (FileChange fc : folded.get(i)) {
                    FileEntry e = fc.b();
                    if (e != null && e.type() == FileType.REGULAR && e.size() > 0 && e.sha256() != null) {
                        byContent.putIfAbsent(e.sha256(), new int[] {i, e.layerIndex()});
                    }
                }
            }
            for (String f : List.copyOf(left.keySet())) {
                FileChange c = left.get(f);
                FileEntry e = c.b();
                if (ownerOfUnchanged.containsKey(f) || e == null || e.type() != FileType.REGULAR || e.size() == 0 || e.sha256() == null) {
                    continue;
                }
                int[] owner = byContent.get(e.sha256());
                if (owner != null && owner[1] == e.layerIndex()) {
                    folded.get(owner[0]).add(left.remove(f));
                }
            }
            List<PackageChange> packages = new ArrayList<>();
            java.util.Set<Ecosystem> changedEcosystems = java.util.EnumSet.noneOf(Ecosystem.class);
            for (int i = 0; i < changed.size(); i++) {
                Package x = changed.get(i)[0];
                Package y = changed.get(i)[1];
                Package any = x != null ? x : y;
                changedEcosystems.add(any.ecosystem());
                List<FileChange> fc = new ArrayList<>(folded.get(i));
                fc.sort(Comparator.comparing(FileChange::path));
                PackageChange.Change change;
                if (x == null) {
                    change = PackageChange.Change.ADDED;
                } else if (y == null) {
                    change = PackageChange.Change.REMOVED;
                } else {
                    int c = VersionOrder.of(any.ecosystem()).compare(x.version(), y.version());
                    change = c < 0 ? PackageChange.Change.UPGRADED : c > 0 ? PackageChange.Change.DOWNGRADED : PackageChange.Change.CHANGED;
                }
                String introducedBy = y != null ? layerCreatedBy(b, y.layerIndex())
                        : b.files().get(x.sourcePath()).map(e -> layerCreatedBy(b, e.layerIndex())).orElse(null);
                packages.add(new PackageChange(change, any.ecosystem(), any.name(), any.arch(), x == null ? null : x.version(),
                        y == null ? null : y.version(), introducedBy, fc));
            }
            List<PackageDatabaseChange> databases = new ArrayList<>();
            for (Ecosystem e : changedEcosystems) {
                List<FileChange> db = new ArrayList<>();
                for (String f : List.copyOf(left.keySet())) {
                    if (SharedDatabases.belongsTo(e, f)) {
                        db.add(left.remove(f));
                    }
                }
                if (!db.isEmpty()) {
                    databases.add(new PackageDatabaseChange(e, db));
                }
            }
            List<FileChange> unexplained = new ArrayList<>();
            for (FileChange c : left.values()) {
                unexplained.add(ownerOfUnchanged.containsKey(c.path()) ? c.withOwner(ownerOfUnchanged.get(c.path())) : c);
            }
            return new Attribution(packages, databases, unexplained);
        }

        private static String layerCreatedBy(Image image, int index) {
            return index >= 0 && index < image.layers().size() ? image.layers().get(index).createdBy() : null;
        }

        /** Changed paths that are a package's own database records (dpkg info files, dist-info, conda-meta record). */
        private static List<String> metadataPaths(Package p, Map<String, FileChange> changed) {
            List<String> out = new ArrayList<>();
            switch (p.ecosystem()) {
                case DPKG -> {
                    for (String prefix : dpkgInfoPrefixes(p)) {
                        for (String f : changed.keySet()) {
                            if (f.startsWith(prefix)) {
                                out.add(f);
                            }
                        }
                    }
                    if (p.sourcePath().startsWith("/var/lib/dpkg/status.d/") && changed.containsKey(p.sourcePath())) {
                        out.add(p.sourcePath());
                    }
                    // the .deb apt downloaded and kept: NAME_VERSION_ARCH.deb (":" escaped as %3a)
                    String deb = "/var/cache/apt/archives/" + p.name() + "_";
                    for (String f : changed.keySet()) {
                        if (f.startsWith(deb) && f.endsWith(".deb")) {
                            out.add(f);
                        }
                    }
                }
                case PYTHON -> {
                    String dir = p.sourcePath().substring(0, p.sourcePath().lastIndexOf('/'));
                    String prefix = (dir.endsWith(".dist-info") || dir.endsWith(".egg-info") ? dir : p.sourcePath());
                    for (String f : changed.keySet()) {
                        if (f.equals(prefix) || f.startsWith(prefix + "/")) {
                            out.add(f);
                        }
                    }
                }
                default -> {
                    if (changed.containsKey(p.sourcePath())) {
                        out.add(p.sourcePath());
                    }
                }
            }
            return out;
        }

        private static List<String> dpkgInfoPrefixes(Package p) {
            String base = "/var/lib/dpkg/info/" + p.name();
            List<String> out = new ArrayList<>();
            out.add(base + ".");
            if (p.arch() != null) {
                out.add(base + ":" + p.arch() + ".");
            }
            out.add("/var/lib/dpkg/status.d/" + p.name() + ".");
            return out;
        }
    }
}
