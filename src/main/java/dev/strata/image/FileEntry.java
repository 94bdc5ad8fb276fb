package dev.strata.image;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One path of an image's merged file system, after whiteouts and opaque directories are applied.
 *
 * @param path normalised absolute path, "/" separated, no trailing slash ("/" for the root)
 * @param type what kind of entry it is
 * @param mode permission bits including setuid/setgid/sticky (07777), without the type bits
 * @param uid numeric owner
 * @param gid numeric group
 * @param size content size in bytes for regular files (and for hard links, of the content they
 *     share), 0 otherwise
 * @param sha256 lowercase hex SHA-256 of the content for regular files (and for hard links, of the
 *     content they share); null for other types
 * @param linkTarget symlink target exactly as stored, or the normalised absolute path a hard link
 *     points to; null otherwise
 * @param devMajor device major number for character and block devices, else 0
 * @param devMinor device minor number for character and block devices, else 0
 * @param xattrs extended attributes (PAX SCHILY.xattr.*), sorted by name; empty when none
 * @param mtimeEpochSeconds modification time from the tar header (noise for most comparisons)
 * @param layerIndex index in {@link Image#layers()} of the layer that last wrote this path
 */
public record FileEntry(
        String path,
        FileType type,
        int mode,
        long uid,
        long gid,
        long size,
        String sha256,
        String linkTarget,
        long devMajor,
        long devMinor,
        Map<String, String> xattrs,
        long mtimeEpochSeconds,
        int layerIndex) {

    public FileEntry {
        xattrs = xattrs.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(xattrs));
    }
}
