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
 * VCS and dependency directories, the configured skip paths and backup copies ({@code Dockerfile.orig}
 * left by {@code strata pin}, editor and patch leftovers). Results are sorted so reports are stable.
 */
public final class DockerfileFinder {
    private static final List<String> NEVER_DESCEND = List.of(".git", ".hg", ".svn", "node_modules", ".venv", "__pycache__");

    /** Endings of backup, patch-reject and editor swap copies: not build files of their own. */
    private static final List<String> BACKUP_SUFFIXES = List.of(".orig", ".bak", ".backup", ".rej", ".swp", ".swo", "~");

    private DockerfileFinder() {}

    /**
     * Whether a file name is a backup copy ({@code Dockerfile.orig}, {@code Dockerfile.bak}, {@code Dockerfile~},
     * {@code Dockerfile.rej}, {@code Dockerfile.swp}, case-insensitive). A directory walk skips them; a file named
     * explicitly is still audited.
     */
    public static boolean isBackupName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String suffix : BACKUP_SUFFIXES) {
            if (n.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

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
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && isBuildFileName(name) && !isBackupName(name)
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
