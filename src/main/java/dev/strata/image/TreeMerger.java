package dev.strata.image;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies layers in order the way an overlay/extraction does: later entries replace earlier
 * ones, a whiteout removes a path from lower layers, an opaque marker hides a directory's
 * lower-layer children, a non-directory replacing a directory removes what was under it, and
 * missing parents appear as 0755 root-owned directories. A parent that a lower layer made a
 * symlink or file becomes such a directory too (overlayfs semantics); one the same layer made
 * a symlink or file is refused, since writing through it could land anywhere.
 */
final class TreeMerger {

    /** A path's current node and the layer that last wrote it. */
    private static final class Placed {
        final Node node;
        final int layer;

        Placed(Node node, int layer) {
            this.node = node;
            this.layer = layer;
        }
    }

    private final NavigableMap<String, Placed> tree = new TreeMap<>(PathNames::compare);
    /** Directories known to exist in the current layer; cleared whenever anything is removed. */
    private final Set<String> verifiedDirs = new HashSet<>();

    void apply(int layer, List<Node> operations, String label) throws ImageReadException {
        verifiedDirs.clear();
        for (Node op : operations) {
            if (op.kind == Node.WHITEOUT) {
                // the whiteout file itself sits in the parent, which extraction creates if missing
                ensureParents(op.path, layer, label);
                Placed existing = tree.get(op.path);
                if (existing != null && existing.layer < layer) {
                    tree.remove(op.path);
                    verifiedDirs.remove(op.path);
                }
                removeDescendants(op.path, layer);
            } else if (op.kind == Node.OPAQUE) {
                // the marker lives inside the directory, so the directory must be one
                ensureParents(PathNames.child(op.path, ".wh..wh..opq"), layer, label);
                removeDescendants(op.path, layer);
            } else {
                add(op, layer, label);
            }
        }
    }

    private void add(Node node, int layer, String label) throws ImageReadException {
        if (node.path.equals("/") && !node.isDirectory()) {
            throw new ImageReadException(label + ": an entry replaces the root directory with a "
                    + node.type().name().toLowerCase());
        }
        ensureParents(node.path, layer, label);
        Node toPut = node;
        if (node.kind == FileType.HARDLINK.ordinal()) {
            Placed target = tree.get(node.linkTarget);
            if (target == null) {
                throw new ImageReadException(label + ": hard link " + node.path + " → " + node.linkTarget
                        + ": the target does not exist in the image");
            }
            if (target.node.isDirectory()) {
                throw new ImageReadException(label + ": hard link " + node.path + " → " + node.linkTarget
                        + ": the target is a directory");
            }
            toPut = node.asHardLinkTo(target.node);
        }
        Placed existing = tree.get(node.path);
        if (existing != null && existing.node.isDirectory() && !toPut.isDirectory()) {
            removeDescendants(node.path, Integer.MAX_VALUE);
        }
        tree.put(node.path, new Placed(toPut, layer));
        if (!toPut.isDirectory()) {
            verifiedDirs.remove(node.path);
        }
    }

    private void ensureParents(String path, int layer, String label) throws ImageReadException {
        String dir = PathNames.parent(path);
        while (dir != null && !verifiedDirs.contains(dir)) {
            Placed p = tree.get(dir);
            if (p == null) {
                tree.put(dir, new Placed(Node.implicitDirectory(dir), layer));
            } else if (!p.node.isDirectory() && p.layer < layer) {
                // overlayfs (Docker's overlay2, containerd) unpacks each layer into its own
                // directory, where the parent is created as a directory that then hides the
                // lower layer's symlink or file; the symlink is not followed
                tree.put(dir, new Placed(Node.implicitDirectory(dir), layer));
            } else if (!p.node.isDirectory()) {
                throw new ImageReadException(label + ": entry " + path + " lies under " + dir + ", which is a "
                        + p.node.type().name().toLowerCase().replace('_', ' ')
                        + (p.node.linkTarget != null ? " → " + p.node.linkTarget : "")
                        + " written by the same layer; writing through it is refused");
            }
            verifiedDirs.add(dir);
            dir = PathNames.parent(dir);
        }
    }

    /** Remove everything under {@code dir} written by a layer below {@code layer}. */
    private void removeDescendants(String dir, int layer) {
        Map<String, Placed> under = dir.equals("/")
                ? tree.tailMap("/", false)
                : tree.subMap(dir + "/", true, dir + "0", false);
        if (!under.isEmpty()) {
            under.values().removeIf(p -> p.layer < layer);
            verifiedDirs.clear();
        }
    }

    /** The merged tree; the merger is spent afterwards. */
    MergedTree finish() {
        Node[] nodes = new Node[tree.size()];
        int[] layers = new int[tree.size()];
        int i = 0;
        while (!tree.isEmpty()) {
            Map.Entry<String, Placed> e = tree.pollFirstEntry();
            nodes[i] = e.getValue().node;
            layers[i] = e.getValue().layer;
            i++;
        }
        return new MergedTree(nodes, layers);
    }
}
