package dev.strata.packages;

import java.util.ArrayDeque;
import java.util.Deque;

/** Path helpers: every path strata compares is absolute, "/" separated, without "." or "..". */
final class PathNames {
    private PathNames() {}

    /**
     * Normalises a path to absolute form; relative paths are taken from the root. ".." never climbs
     * above the root. Returns null for blank input.
     */
    static String normalise(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.trim().split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** Resolves {@code relative} against the directory {@code dir} (absolute), then normalises. */
    static String resolve(String dir, String relative) {
        if (relative.startsWith("/")) {
            return normalise(relative);
        }
        return normalise(dir + "/" + relative);
    }

    /** The parent directory of an absolute path ("/" for top-level entries). */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** The last path component. */
    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
