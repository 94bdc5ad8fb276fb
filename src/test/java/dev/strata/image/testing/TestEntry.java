package dev.strata.image.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of a layer tar written by {@link TestLayer}. The name is written exactly as given (no
 * normalisation), so hostile names such as {@code ../etc/passwd} or {@code /etc/shadow} can be
 * produced on purpose.
 *
 * @param name the tar entry name as written
 * @param kind what the entry is
 * @param content bytes of a regular file (empty for other kinds)
 * @param mode permission bits (07777)
 * @param uid numeric owner
 * @param gid numeric group
 * @param linkName symlink target or hard-link target, as written
 * @param devMajor device major number for devices
 * @param devMinor device minor number for devices
 * @param xattrs extended attributes, written as PAX {@code SCHILY.xattr.*} records
 * @param mtime modification time, seconds since the epoch
 */
public record TestEntry(
        String name,
        Kind kind,
        byte[] content,
        int mode,
        long uid,
        long gid,
        String linkName,
        int devMajor,
        int devMinor,
        Map<String, String> xattrs,
        long mtime) {

    /** The tar entry kinds the builder writes. */
    public enum Kind { FILE, DIR, SYMLINK, HARDLINK, CHAR_DEVICE, BLOCK_DEVICE, FIFO }

    /** A fixed, non-zero mtime so images are reproducible byte for byte. */
    public static final long DEFAULT_MTIME = 1_700_000_000L;

    public TestEntry {
        xattrs = new TreeMap<>(xattrs);
    }

    public static TestEntry file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public static TestEntry file(String name, byte[] content) {
        return new TestEntry(name, Kind.FILE, content, 0644, 0, 0, null, 0, 0, Map.of(), DEFAULT_MTIME);
    }

    public static TestEntry dir(String name) {
        return new TestEntry(name, Kind.DIR, new byte[0], 0755, 0, 0, null, 0, 0, Map.of(), DEFAULT_MTIME);
    }

    public static TestEntry symlink(String name, String target) {
        return new TestEntry(name, Kind.SYMLINK, new byte[0], 0777, 0, 0, target, 0, 0, Map.of(), DEFAULT_MTIME);
    }

    public static TestEntry hardlink(String name, String target) {
        return new TestEntry(name, Kind.HARDLINK, new byte[0], 0644, 0, 0, target, 0, 0, Map.of(), DEFAULT_MTIME);
    }

    public static TestEntry charDevice(String name, int major, int minor) {
        return new TestEntry(name, Kind.CHAR_DEVICE, new byte[0], 0666, 0, 0, null, major, minor, Map.of(), DEFAULT_MTIME);
    }

    public static TestEntry blockDevice(String name, int major, int minor) {
        return new TestEntry(name, Kind.BLOCK_DEVICE, new byte[0], 0660, 0, 0, null, major, minor, Map.of(), DEFAULT_MTIME);
    }

    public static TestEntry fifo(String name) {
        return new TestEntry(name, Kind.FIFO, new byte[0], 0644, 0, 0, null, 0, 0, Map.of(), DEFAULT_MTIME);
    }

    /** A whiteout that deletes {@code path} (e.g. "etc/foo" becomes "etc/.wh.foo"). */
    public static TestEntry whiteout(String path) {
        int slash = path.lastIndexOf('/');
        String name = slash < 0 ? ".wh." + path : path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1);
        return file(name, new byte[0]);
    }

    /** An opaque-directory marker: hides everything lower layers put in {@code dir}. */
    public static TestEntry opaque(String dir) {
        String d = dir.endsWith("/") ? dir : dir + "/";
        return file(d + ".wh..wh..opq", new byte[0]);
    }

    public TestEntry withMode(int m) {
        return new TestEntry(name, kind, content, m, uid, gid, linkName, devMajor, devMinor, xattrs, mtime);
    }

    public TestEntry withOwner(long u, long g) {
        return new TestEntry(name, kind, content, mode, u, g, linkName, devMajor, devMinor, xattrs, mtime);
    }

    public TestEntry withMtime(long t) {
        return new TestEntry(name, kind, content, mode, uid, gid, linkName, devMajor, devMinor, xattrs, t);
    }

    public TestEntry withXattr(String key, String value) {
        Map<String, String> x = new TreeMap<>(xattrs);
        x.put(key, value);
        return new TestEntry(name, kind, content, mode, uid, gid, linkName, devMajor, devMinor, x, mtime);
    }
}
