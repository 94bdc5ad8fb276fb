package dev.strata.packages;

import dev.strata.image.FileEntry;
import dev.strata.image.FileTree;
import dev.strata.image.FileType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One name for each file, whatever path a package database uses for it. On a merged-/usr system
 * ({@code /bin -> usr/bin}, {@code /lib -> usr/lib}, ...) dpkg's {@code info/*.list} records
 * files under the path the .deb ships them at ({@code /lib/x86_64-linux-gnu/libreadline.so.8})
 * while the image's tar stores them under {@code /usr}: ownership is looked up on the canonical
 * ({@code /usr}) form so both match. Aliases apply only where an image actually has the top-level
 * directory as a symlink into {@code /usr}; on a split-/usr system {@code /lib} and
 * {@code /usr/lib} stay distinct.
 */
public final class PathAliases {
    /** The top-level directories merged-/usr turns into symlinks, and where they point. */
    private static final List<String> MERGED = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

    private final Map<String, String> aliases;

    private PathAliases(Map<String, String> aliases) {
        this.aliases = Map.copyOf(aliases);
    }

    /** No aliases: every path is its own canonical form. */
    public static PathAliases none() {
        return new PathAliases(Map.of());
    }

    /** The merged-/usr aliases any of {@code trees} has (a top-level directory symlinked into /usr). */
    public static PathAliases of(FileTree... trees) {
        Map<String, String> found = new LinkedHashMap<>();
        for (FileTree t : trees) {
            for (String dir : MERGED) {
                t.get(dir).filter(e -> e.type() == FileType.SYMLINK && e.linkTarget() != null)
                        .map(e -> PathNames.resolve("/", e.linkTarget()))
                        .filter(target -> target.equals("/usr" + dir))
                        .ifPresent(target -> found.put(dir, target));
            }
        }
        return new PathAliases(found);
    }

    /** The canonical form of a normalised absolute path: a merged alias prefix replaced by its /usr target. */
    public String canonical(String path) {
        if (path == null || aliases.isEmpty()) {
            return path;
        }
        int slash = path.indexOf('/', 1);
        String top = slash < 0 ? path : path.substring(0, slash);
        String target = aliases.get(top);
        return target == null ? path : target + (slash < 0 ? "" : path.substring(slash));
    }

    /**
     * Where a symlink points, as a canonical absolute path (relative targets resolved against the
     * link's directory, ".." stopping at the root), or null when the entry is not a symlink.
     */
    public String linkTarget(FileEntry link) {
        if (link == null || link.type() != FileType.SYMLINK || link.linkTarget() == null || link.linkTarget().isEmpty()) {
            return null;
        }
        String dir = PathNames.parent(canonical(link.path()));
        return canonical(PathNames.resolve(dir, link.linkTarget()));
    }
}
