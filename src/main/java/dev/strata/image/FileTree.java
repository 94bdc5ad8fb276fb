package dev.strata.image;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Optional;

/**
 * The merged file system of an image. Holds metadata and digests for every path, and the bytes
 * only of files the reader was asked to capture ({@link ReadOptions#captureContent()}), so memory
 * grows with the number of files, not their size.
 */
public interface FileTree {

    /** Linux's limit on symlinks followed in one lookup (MAXSYMLINKS). */
    int MAX_SYMLINK_HOPS = 40;

    /** The entry at a normalised absolute path, if present after all layers are applied. */
    Optional<FileEntry> get(String path);

    /** Every entry, sorted by path (byte order of the UTF-8 path). */
    Collection<FileEntry> entries();

    /** Number of entries. */
    int size();

    /**
     * The content of a regular file (hard links resolved) if it was captured while streaming.
     * Empty when the path is absent, not a regular file, or was not selected for capture.
     */
    Optional<byte[]> content(String path);

    /**
     * Looks a path up the way the kernel would inside the container: every symlink on the way,
     * including the last component, is followed within the image ("/" is the image root and ".."
     * stops there), at most {@link #MAX_SYMLINK_HOPS} times.
     *
     * @param path an absolute path, not necessarily normalised ("/usr/lib/../bin/python3")
     * @return the entry the path leads to (its {@link FileEntry#path()} is the real location), or
     *     empty when a component is missing or not a directory (a dangling link)
     * @throws ImageReadException when more than {@link #MAX_SYMLINK_HOPS} symlinks are followed (a
     *     symlink loop); the message names the path and the link where it stopped
     */
    default Optional<FileEntry> resolve(String path) throws ImageReadException {
        Deque<String> pending = new ArrayDeque<>();
        pushComponents(pending, path);
        String current = "/";
        int hops = 0;
        while (!pending.isEmpty()) {
            String c = pending.pollFirst();
            if (c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                int slash = current.lastIndexOf('/');
                current = slash <= 0 ? "/" : current.substring(0, slash);
                continue;
            }
            String next = current.equals("/") ? "/" + c : current + "/" + c;
            Optional<FileEntry> e = get(next);
            if (e.isEmpty()) {
                return Optional.empty();
            }
            FileEntry entry = e.get();
            if (entry.type() == FileType.SYMLINK) {
                if (++hops > MAX_SYMLINK_HOPS) {
                    throw new ImageReadException("resolving " + path + ": more than " + MAX_SYMLINK_HOPS
                            + " symlinks followed (a symlink loop at " + next + " → " + entry.linkTarget() + ")");
                }
                String target = entry.linkTarget() == null ? "" : entry.linkTarget();
                if (target.startsWith("/")) {
                    current = "/";
                }
                pushComponents(pending, target);
                continue;
            }
            if (!pending.isEmpty() && entry.type() != FileType.DIRECTORY) {
                return Optional.empty();
            }
            current = next;
        }
        return get(current);
    }

    private static void pushComponents(Deque<String> pending, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty()) {
                pending.addFirst(parts[i]);
            }
        }
    }
}
