package dev.strata.lock;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes users' files safely: a temporary file in the same directory, then an atomic rename. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * Whether the user marked the file read-only: no write permission for its owner (checked on the
     * mode bits, because access checks always pass for root), or not writable for this process.
     */
    public static boolean isReadOnly(Path file) {
        try {
            if (!Files.getPosixFilePermissions(file).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)) {
                return true;
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: rely on the access check
        }
        return !Files.isWritable(file);
    }

    /**
     * Replaces {@code target} with {@code bytes} atomically; with {@code backup} non-null, first
     * copies the current file there. The target's permissions are kept.
     *
     * @throws IOException with a message naming the file when it or its directory is not writable
     */
    public static void write(Path target, byte[] bytes, Path backup) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.exists(target) && isReadOnly(target)) {
            throw new AccessDeniedException(target.toString(), null, "file is read-only");
        }
        if (!Files.isWritable(dir)) {
            throw new AccessDeniedException(dir.toString(), null, "directory is not writable");
        }
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            if (Files.exists(target)) {
                try {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the default permissions will do
                }
            } else {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
            }
            if (backup != null && Files.exists(target)) {
                Files.copy(target, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
