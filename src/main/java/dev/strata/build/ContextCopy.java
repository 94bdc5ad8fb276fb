package dev.strata.build;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Makes the fresh copy of a build context each build gets: regular files, directories and symlinks
 * (copied as links, never followed), nothing else. With a umask, permissions are those a checkout
 * under that umask would have (0666 or, for owner-executable files, 0777, minus the umask); without,
 * the source's permissions are kept.
 */
public final class ContextCopy {
    private ContextCopy() {}

    /**
     * Copies {@code source} to {@code target} (which must not exist), skipping {@code exclude} (the
     * work directory when it lies inside the project) and anything that is not a file, directory or
     * symlink (sockets, fifos).
     */
    public static void copy(Path source, Path target, Integer umask, Path exclude) throws IOException {
        Path src = source.toAbsolutePath().normalize();
        Path skip = exclude == null ? null : exclude.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Files.walkFileTree(src, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (skip != null && dir.equals(skip)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Path to = target.resolve(src.relativize(dir).toString());
                Files.createDirectory(to);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path to = target.resolve(src.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(to, Files.readSymbolicLink(file));
                } else if (attrs.isRegularFile()) {
                    Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                    if (umask != null) {
                        boolean exec = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
                                .contains(PosixFilePermission.OWNER_EXECUTE);
                        Files.setPosixFilePermissions(to, mode((exec ? 0777 : 0666) & ~umask));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Path to = target.resolve(src.relativize(dir).toString());
                Set<PosixFilePermission> perms = umask != null ? mode(0777 & ~umask)
                        : Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
                Files.setPosixFilePermissions(to, perms);
                Files.setLastModifiedTime(to, Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static Set<PosixFilePermission> mode(int bits) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int i = 0; i < order.length; i++) {
            if ((bits & (1 << i)) != 0) {
                s.add(order[i]);
            }
        }
        return s;
    }
}
