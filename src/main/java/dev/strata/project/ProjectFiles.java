package dev.strata.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The files of a project as the scanner may see them: walked once without following symlinks,
 * skipping tool directories and {@code .strata.yaml} globs, capped in count and size. Paths are
 * "/"-separated and relative to the root. Reads are cached so every layer can look at the same
 * file without reading it twice.
 */
final class ProjectFiles {

    /** Directories that hold tool state, never project evidence. */
    static final Set<String> IGNORED_DIRECTORIES = Set.of(".git", "node_modules", ".venv", "venv",
            "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ipynb_checkpoints", ".hg", ".svn");

    private final Path root;
    private final ScanOptions options;
    private final List<String> files = new ArrayList<>();
    private final Set<String> directories = new TreeSet<>();
    private final Map<String, Long> sizes = new HashMap<>();
    private final List<SkippedPath> skipped = new ArrayList<>();
    private final Map<String, Optional<String>> cache = new HashMap<>();

    private ProjectFiles(Path root, ScanOptions options) {
        this.root = root;
        this.options = options;
    }

    static ProjectFiles walk(Path root, ScanOptions options) throws IOException {
        ProjectFiles project = new ProjectFiles(root.toRealPath(), options);
        project.walk();
        Collections.sort(project.files);
        return project;
    }

    private void walk() throws IOException {
        List<PathMatcher> skips = new ArrayList<>();
        for (String glob : options.skipGlobs()) {
            String g = glob.endsWith("/") ? glob.substring(0, glob.length() - 1) : glob;
            if (g.startsWith("./")) {
                g = g.substring(2);
            }
            skips.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
        }
        Predicate<String> skippedByGlob = rel -> {
            Path p = Path.of(rel);
            return skips.stream().anyMatch(m -> m.matches(p));
        };
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            private boolean limitReported;

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = relative(dir);
                if (IGNORED_DIRECTORIES.contains(dir.getFileName().toString())
                        || rel.equals(".dvc/cache") || rel.equals(".dvc/tmp")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (skippedByGlob.test(rel)) {
                    skipped.add(new SkippedPath(rel, "matches a skip pattern"));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                directories.add(rel);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = relative(file);
                if (attrs.isSymbolicLink()) {
                    skipped.add(new SkippedPath(rel, "symbolic link (not followed)"));
                    return FileVisitResult.CONTINUE;
                }
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                if (skippedByGlob.test(rel)) {
                    skipped.add(new SkippedPath(rel, "matches a skip pattern"));
                    return FileVisitResult.CONTINUE;
                }
                if (files.size() >= options.maxFiles()) {
                    if (!limitReported) {
                        skipped.add(new SkippedPath(rel, "file limit of " + options.maxFiles()
                                + " reached; this and later files were not examined"));
                        limitReported = true;
                    }
                    return FileVisitResult.TERMINATE;
                }
                files.add(rel);
                sizes.put(rel, attrs.size());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                skipped.add(new SkippedPath(relative(file), "cannot be read: " + e.getClass().getSimpleName()));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    Path root() {
        return root;
    }

    ScanOptions options() {
        return options;
    }

    /** Every regular file, sorted. */
    List<String> files() {
        return Collections.unmodifiableList(files);
    }

    List<SkippedPath> skipped() {
        return Collections.unmodifiableList(skipped);
    }

    boolean exists(String rel) {
        return sizes.containsKey(rel);
    }

    boolean isDirectory(String rel) {
        return directories.contains(rel);
    }

    /** Files whose name (last segment) satisfies the predicate. */
    List<String> named(Predicate<String> fileName) {
        List<String> out = new ArrayList<>();
        for (String f : files) {
            if (fileName.test(fileName(f))) {
                out.add(f);
            }
        }
        return out;
    }

    /** Files under a directory (recursively). */
    List<String> under(String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        return files.stream().filter(f -> f.startsWith(prefix)).toList();
    }

    static String fileName(String rel) {
        return rel.substring(rel.lastIndexOf('/') + 1);
    }

    static String parent(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }

    /** Resolves {@code target} relative to the directory of {@code from}, normalised; null if it escapes the root. */
    static String resolveSibling(String from, String target) {
        String base = parent(from);
        Path p = Path.of(base.isEmpty() ? target : base + "/" + target).normalize();
        String s = p.toString().replace('\\', '/');
        return s.startsWith("..") || p.isAbsolute() ? null : s;
    }

    /**
     * The file's text (UTF-8, malformed bytes replaced), or empty when it is over the size cap,
     * looks binary, or cannot be read; each such file is reported once in {@link #skipped()}.
     */
    Optional<String> read(String rel) {
        return cache.computeIfAbsent(rel, this::load);
    }

    private Optional<String> load(String rel) {
        Long size = sizes.get(rel);
        if (size == null) {
            return Optional.empty();
        }
        if (size > options.maxFileBytes()) {
            skipped.add(new SkippedPath(rel, "larger than " + options.maxFileBytes() + " bytes; not read"));
            return Optional.empty();
        }
        Path p = root.resolve(rel);
        try {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes((int) Math.min(options.maxFileBytes(), Integer.MAX_VALUE - 8));
            }
            for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
                if (bytes[i] == 0) {
                    skipped.add(new SkippedPath(rel, "binary file; not read"));
                    return Optional.empty();
                }
            }
            return Optional.of(decode(bytes));
        } catch (IOException | RuntimeException e) {
            skipped.add(new SkippedPath(rel, "cannot be read: " + e.getClass().getSimpleName()));
            return Optional.empty();
        }
    }

    /** UTF-8 text, malformed bytes replaced, a leading byte order mark removed. */
    static String decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** An include loader over this walk, honouring skips and caps. */
    IncludeLoader includeLoader() {
        return (from, target) -> {
            if (target.contains("://")) {
                return Optional.empty();
            }
            String rel = resolveSibling(from, target);
            if (rel == null) {
                return Optional.empty();
            }
            return read(rel).map(text -> new IncludeLoader.Source(rel, text));
        };
    }
}
