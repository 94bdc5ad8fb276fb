package dev.strata.packages;

import dev.strata.image.FileEntry;
import dev.strata.image.FileTree;
import dev.strata.image.FileType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every package an image's databases list, across ecosystems, with the problems met while reading
 * them. Built from a {@link FileTree} whose package databases were captured (read the image with
 * {@code ReadOptions.defaults().withCapture(PackageInventory.capturePaths())}).
 *
 * @param packages packages sorted by ecosystem, name, arch, then version
 * @param issues databases that were present but could not be read
 */
public record PackageInventory(List<Package> packages, List<DatabaseIssue> issues) {

    private static final Comparator<Package> ORDER = Comparator.comparing(Package::ecosystem)
            .thenComparing(Package::name)
            .thenComparing(p -> p.arch() == null ? "" : p.arch())
            .thenComparing(Package::version)
            .thenComparing(Package::sourcePath);

    public PackageInventory {
        packages = packages.stream().sorted(ORDER).toList();
        issues = List.copyOf(issues);
    }

    /** Paths whose bytes the inventory needs; pass to {@code ReadOptions.withCapture}. */
    public static Predicate<String> capturePaths() {
        return PackagePaths.capture();
    }

    /** Packages of one ecosystem. */
    public List<Package> of(Ecosystem ecosystem) {
        return packages.stream().filter(p -> p.ecosystem() == ecosystem).toList();
    }

    /**
     * Packages by {@link Package#key()}. When one key appears twice (the same Python distribution
     * in two environments), the entries are told apart by their source path.
     */
    public Map<String, Package> byKey() {
        Map<String, Package> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Package p : packages) {
            String k = p.key();
            if (seen.merge(k, 1, Integer::sum) > 1 || out.containsKey(k)) {
                k = k + "@" + PathNames.parent(p.sourcePath());
            }
            out.put(k, p);
        }
        return out;
    }

    /** Reads every supported package database in the tree. */
    public static PackageInventory of(FileTree tree) {
        return new Reader(tree).read();
    }

    private static final class Reader {
        private final FileTree tree;
        private final List<Package> out = new ArrayList<>();
        private final List<DatabaseIssue> issues = new ArrayList<>();
        private final OsRelease os;
        private String[] sortedPaths;

        Reader(FileTree tree) {
            this.tree = tree;
            OsRelease found = OsRelease.UNKNOWN;
            for (String p : PackagePaths.OS_RELEASE) {
                Optional<byte[]> b = tree.content(p);
                if (b.isPresent()) {
                    found = OsRelease.parse(b.get());
                    break;
                }
            }
            this.os = found;
        }

        PackageInventory read() {
            List<FileEntry> pythonMeta = new ArrayList<>();
            List<FileEntry> condaMeta = new ArrayList<>();
            List<FileEntry> npmMeta = new ArrayList<>();
            List<FileEntry> rMeta = new ArrayList<>();
            List<FileEntry> statusD = new ArrayList<>();
            List<FileEntry> rpmFiles = new ArrayList<>();
            for (FileEntry e : tree.entries()) {
                String p = e.path();
                if (e.type() == FileType.DIRECTORY) {
                    continue;
                }
                if (p.startsWith(PackagePaths.DPKG_STATUS_D) && !p.endsWith(".md5sums") && PackagePaths.isPackageData(p)) {
                    statusD.add(e);
                } else if (PackagePaths.isRpmDir(PathNames.parent(p) + "/")) {
                    rpmFiles.add(e);
                } else if (!PackagePaths.isPackageData(p)) {
                    continue;
                } else if (p.endsWith(".dist-info/METADATA") || p.endsWith(".egg-info/PKG-INFO") || p.endsWith(".egg-info")) {
                    pythonMeta.add(e);
                } else if (p.endsWith(".json") && p.contains("/conda-meta/")) {
                    condaMeta.add(e);
                } else if (p.endsWith("/package.json")) {
                    npmMeta.add(e);
                } else if (p.endsWith("/DESCRIPTION")) {
                    rMeta.add(e);
                }
            }
            readDpkg(statusD);
            readApk();
            readRpm(rpmFiles);
            for (FileEntry e : pythonMeta) {
                readPython(e);
            }
            for (FileEntry e : condaMeta) {
                bytes(e).ifPresent(b -> {
                    try {
                        Package p = CondaParser.parse(e.path(), b);
                        if (p != null) {
                            out.add(p.withLayerIndex(e.layerIndex()));
                        }
                    } catch (PackageDatabaseException ex) {
                        issues.add(new DatabaseIssue(e.path(), ex.getMessage()));
                    }
                });
            }
            for (FileEntry e : npmMeta) {
                bytes(e).ifPresent(b -> {
                    try {
                        Package p = NpmParser.parse(e.path(), b);
                        if (p != null) {
                            out.add(p.withLayerIndex(e.layerIndex()).withFiles(filesUnder(PathNames.parent(e.path()), "node_modules")));
                        }
                    } catch (PackageDatabaseException ex) {
                        issues.add(new DatabaseIssue(e.path(), ex.getMessage()));
                    }
                });
            }
            for (FileEntry e : rMeta) {
                bytes(e).ifPresent(b -> {
                    Package p = RParser.parse(e.path(), b);
                    if (p != null) {
                        out.add(p.withLayerIndex(e.layerIndex()).withFiles(filesUnder(PathNames.parent(e.path()), null)));
                    }
                });
            }
            return new PackageInventory(out, issues);
        }

        /** Content of a captured file; a database too large to capture is reported. */
        private Optional<byte[]> bytes(FileEntry e) {
            Optional<byte[]> b = tree.content(e.path());
            if (b.isEmpty() && (e.type() == FileType.REGULAR || e.type() == FileType.HARDLINK)) {
                issues.add(new DatabaseIssue(e.path(), "package database was not captured while reading the image (larger than the capture limit?)"));
            }
            return b;
        }

        private void readDpkg(List<FileEntry> statusD) {
            List<Package> found = new ArrayList<>();
            tree.get(PackagePaths.DPKG_STATUS).filter(e -> e.type() != FileType.DIRECTORY).flatMap(this::bytes).ifPresent(b -> {
                int layer = tree.get(PackagePaths.DPKG_STATUS).map(FileEntry::layerIndex).orElse(-1);
                for (Package p : DpkgParser.parseStatus(PackagePaths.DPKG_STATUS, b, os)) {
                    found.add(p.withLayerIndex(layer));
                }
            });
            for (FileEntry e : statusD) {
                bytes(e).ifPresent(b -> {
                    for (Package p : DpkgParser.parseStatus(e.path(), b, os)) {
                        found.add(p.withLayerIndex(e.layerIndex()));
                    }
                });
            }
            for (Package p : found) {
                out.add(withDpkgFiles(p));
            }
        }

        /** Owned files from info/NAME[:ARCH].list (or .md5sums, or distroless status.d/NAME.md5sums). */
        private Package withDpkgFiles(Package p) {
            List<String> candidates = new ArrayList<>();
            if (p.arch() != null) {
                candidates.add(PackagePaths.DPKG_INFO + p.name() + ":" + p.arch() + ".list");
            }
            candidates.add(PackagePaths.DPKG_INFO + p.name() + ".list");
            if (p.arch() != null) {
                candidates.add(PackagePaths.DPKG_INFO + p.name() + ":" + p.arch() + ".md5sums");
            }
            candidates.add(PackagePaths.DPKG_INFO + p.name() + ".md5sums");
            candidates.add(PackagePaths.DPKG_STATUS_D + p.name() + ".md5sums");
            for (String c : candidates) {
                Optional<FileEntry> e = tree.get(c);
                Optional<byte[]> b = tree.content(c);
                if (e.isPresent() && b.isPresent()) {
                    List<String> files = c.endsWith(".list") ? DpkgParser.parseList(b.get()) : DpkgParser.parseMd5sums(b.get());
                    return p.withLayerIndex(e.get().layerIndex()).withFiles(files.stream().sorted().distinct().toList());
                }
            }
            return p;
        }

        private void readApk() {
            tree.get(PackagePaths.APK_INSTALLED).filter(e -> e.type() != FileType.DIRECTORY).ifPresent(e -> bytes(e).ifPresent(b -> {
                for (Package p : ApkParser.parse(e.path(), b, os)) {
                    out.add(p.withLayerIndex(layerOfFiles(p.files(), e.layerIndex())));
                }
            }));
        }

        private void readRpm(List<FileEntry> rpmFiles) {
            Map<String, List<FileEntry>> byDir = new LinkedHashMap<>();
            for (FileEntry e : rpmFiles) {
                byDir.computeIfAbsent(PathNames.parent(e.path()), k -> new ArrayList<>()).add(e);
            }
            for (Map.Entry<String, List<FileEntry>> d : byDir.entrySet()) {
                Optional<FileEntry> sqlite = d.getValue().stream().filter(e -> e.path().endsWith("/rpmdb.sqlite")).findFirst();
                if (sqlite.isPresent()) {
                    FileEntry e = sqlite.get();
                    bytes(e).ifPresent(b -> {
                        try {
                            for (Package p : RpmParser.parseSqlite(e.path(), b, os)) {
                                out.add(p.withLayerIndex(layerOfFiles(p.files(), e.layerIndex())));
                            }
                        } catch (PackageDatabaseException ex) {
                            issues.add(new DatabaseIssue(e.path(), ex.getMessage()));
                        }
                    });
                    continue;
                }
                for (FileEntry e : d.getValue()) {
                    String name = PathNames.fileName(e.path());
                    if (name.equals("Packages")) {
                        issues.add(new DatabaseIssue(e.path(), "Berkeley DB rpmdb is not supported (only the SQLite rpmdb.sqlite is read); its packages are not listed"));
                    } else if (name.equals("Packages.db")) {
                        issues.add(new DatabaseIssue(e.path(), "NDB rpmdb is not supported (only the SQLite rpmdb.sqlite is read); its packages are not listed"));
                    }
                }
            }
        }

        private void readPython(FileEntry e) {
            bytes(e).ifPresent(b -> {
                Package p = PythonParser.parseMetadata(e.path(), b);
                if (p == null) {
                    return;
                }
                String dir = PathNames.parent(e.path());
                List<String> files = List.of();
                if (dir.endsWith(".dist-info")) {
                    files = tree.content(dir + "/RECORD").map(r -> PythonParser.parseRecord(dir, r)).orElse(List.of());
                } else if (dir.endsWith(".egg-info")) {
                    files = tree.content(dir + "/installed-files.txt").map(r -> PythonParser.parseInstalledFiles(dir, r)).orElse(List.of());
                }
                out.add(p.withLayerIndex(e.layerIndex()).withFiles(files));
            });
        }

        /** The layer that wrote most of a package's files: where that version was installed. */
        private int layerOfFiles(List<String> files, int fallback) {
            Map<Integer, Integer> votes = new HashMap<>();
            for (String f : files) {
                tree.get(f).filter(x -> x.type() != FileType.DIRECTORY).ifPresent(x -> votes.merge(x.layerIndex(), 1, Integer::sum));
            }
            return votes.entrySet().stream()
                    .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey)
                    .orElse(fallback);
        }

        /** Every path below {@code dir}, leaving out a nested directory named {@code exclude} (node_modules). */
        private List<String> filesUnder(String dir, String exclude) {
            if (sortedPaths == null) {
                sortedPaths = tree.entries().stream().map(FileEntry::path).sorted().toArray(String[]::new);
            }
            String prefix = dir + "/";
            int i = Arrays.binarySearch(sortedPaths, prefix);
            if (i < 0) {
                i = -i - 1;
            }
            String skip = exclude == null ? null : prefix + exclude + "/";
            String skipDir = exclude == null ? null : prefix + exclude;
            List<String> files = new ArrayList<>();
            for (; i < sortedPaths.length && sortedPaths[i].startsWith(prefix); i++) {
                String p = sortedPaths[i];
                if (skip != null && (p.startsWith(skip) || p.equals(skipDir))) {
                    continue;
                }
                files.add(p);
            }
            return files;
        }
    }
}
