package dev.strata.compare;

import dev.strata.image.FileEntry;
import java.util.List;

/**
 * One path whose entry differs between the images.
 *
 * @param change added (only in B), removed (only in A) or changed (in both, different)
 * @param path the absolute path
 * @param aspects what differs for a changed path: any of "type", "content", "mode", "owner",
 *     "link-target", "xattrs", "device"; empty for added/removed
 * @param a the entry in A, or null
 * @param b the entry in B, or null
 * @param owner key of an unchanged package that owns the path ("dpkg/base-files:amd64"), or null
 * @param introducedBy the instruction (history created_by) of the layer that last wrote the path in
 *     B (in A for removals), or null
 */
public record FileChange(Change change, String path, List<String> aspects, FileEntry a, FileEntry b, String owner, String introducedBy)
        implements Cause {

    /** Direction of a file difference. */
    public enum Change {
        ADDED("file-added"),
        REMOVED("file-removed"),
        CHANGED("file-changed");

        private final String kind;

        Change(String kind) {
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }

    public FileChange {
        aspects = List.copyOf(aspects);
    }

    @Override
    public String kind() {
        return change.kind();
    }

    FileChange withOwner(String o) {
        return new FileChange(change, path, aspects, a, b, o, introducedBy);
    }
}
