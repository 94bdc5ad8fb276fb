package dev.strata.image;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Normalises tar entry names to the absolute paths of {@link FileEntry}. As Docker does when it
 * extracts a layer, a leading "/" is read relative to the image root; a ".." that climbs above the
 * root is an error rather than something to clamp, because only a hostile or broken layer has one.
 */
final class PathNames {
    private PathNames() {}

    /** Thrown for a name that escapes the image root. */
    static final class EscapeException extends Exception {
        private static final long serialVersionUID = 1L;

        EscapeException(String message) {
            super(message);
        }
    }

    /**
     * "./a//b/../c/" → "/a/c"; "" or "." → "/"; "/../etc" → "/etc" (a rooted name cannot climb);
     * "a/../../etc" is an error.
     */
    static String normalize(String name) throws EscapeException {
        if (name.indexOf('\0') >= 0) {
            throw new EscapeException("name contains a NUL byte");
        }
        if (isSimple(name)) {
            return name.charAt(0) == '/' ? name : "/" + name;
        }
        boolean rooted = name.charAt(0) == '/';
        Deque<String> parts = new ArrayDeque<>();
        for (String seg : name.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty() && rooted) {
                    continue; // "/.." is "/", as Go's filepath.Clean (and Docker) has it
                }
                if (parts.isEmpty()) {
                    throw new EscapeException("\"..\" climbs above the image root");
                }
                parts.removeLast();
            } else {
                parts.addLast(seg);
            }
        }
        if (parts.isEmpty()) {
            return "/";
        }
        StringBuilder sb = new StringBuilder(name.length() + 1);
        for (String p : parts) {
            sb.append('/').append(p);
        }
        return sb.toString();
    }

    /** A name with no empty, "." or ".." segment and no trailing slash needs no rewriting. */
    private static boolean isSimple(String name) {
        int n = name.length();
        if (n == 0 || name.charAt(n - 1) == '/') {
            return false;
        }
        int start = name.charAt(0) == '/' ? 1 : 0;
        if (start == n) {
            return false;
        }
        int segStart = start;
        for (int i = start; i <= n; i++) {
            if (i == n || name.charAt(i) == '/') {
                int len = i - segStart;
                if (len == 0) {
                    return false;
                }
                if (name.charAt(segStart) == '.' && (len == 1 || (len == 2 && name.charAt(segStart + 1) == '.'))) {
                    return false;
                }
                segStart = i + 1;
            }
        }
        return true;
    }

    /** Parent of a normalised path ("/a/b" → "/a", "/a" → "/"); null for "/". */
    static String parent(String path) {
        if (path.equals("/")) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    /** Last segment of a normalised path. */
    static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** "/a" + "b" → "/a/b"; "/" + "b" → "/b". */
    static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    /**
     * Where a relative symlink target lands, from the directory holding the link; null if it
     * climbs above the root. Absolute targets are returned normalised.
     */
    static String resolveTarget(String linkDir, String target) {
        try {
            return target.startsWith("/") ? normalize(target) : normalize(linkDir + "/" + target);
        } catch (EscapeException e) {
            return null;
        }
    }

    /**
     * Compares paths in the byte order of their UTF-8 encoding (code point order), which
     * differs from {@link String#compareTo} only for characters outside the BMP.
     */
    static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx == sy) {
                    return x - y;
                }
                return sx ? 1 : -1;
            }
        }
        return a.length() - b.length();
    }
}
