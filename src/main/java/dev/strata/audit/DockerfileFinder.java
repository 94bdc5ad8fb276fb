package dev.strata.audit;

import dev.strata.config.AuditConfig;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the build files under a directory: {@code Dockerfile}, {@code *.Dockerfile},
 * {@code Dockerfile.*}, {@code Containerfile} and {@code Containerfile.*} (case-insensitive), skipping
 * VCS and dependency directories and the configured skip paths. Results are sorted so reports are
 * stable.
 */
public final class DockerfileFinder {
    private static final List<String> NEVER_DESCEND = List.of(".git", ".hg", ".svn", "node_modules", ".venv", "__pycache__");

    private DockerfileFinder() {}

    /** Whether a file name is a build file by the conventions above. */
    public static boolean isBuildFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".dockerignore")) {
            return false;
        }
        return n.equals("dockerfile") || n.equals("containerfile")
                || n.startsWith("dockerfile.") || n.startsWith("containerfile.")
                || (n.endsWith(".dockerfile") && n.length() > ".dockerfile".length())
                || (n.startsWith("dockerfile-") && !n.endsWith(".md"));
    }

    /** The build files under {@code root}, relative to it, sorted by path. */
    public static List<Path> find(Path root, AuditConfig config) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = relative(root, dir);
                if (NEVER_DESCEND.contains(dir.getFileName().toString()) || config.skipped(rel)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isBuildFileName(file.getFileName().toString())
                        && !config.skipped(relative(root, file))) {
                    found.add(root.relativize(file));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(DockerfileFinder::slash));
        return found;
    }

    static String relative(Path root, Path p) {
        return slash(root.relativize(p));
    }

    static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }
}
