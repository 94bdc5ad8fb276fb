package dev.strata.image;

import java.util.AbstractList;
import java.util.Collection;
import java.util.Optional;

/** The merged file system as two parallel arrays sorted by path; entries are built on demand. */
final class MergedTree implements FileTree {
    private final Node[] nodes;
    private final int[] layers;

    MergedTree(Node[] nodes, int[] layers) {
        this.nodes = nodes;
        this.layers = layers;
    }

    private int indexOf(String path) {
        int lo = 0;
        int hi = nodes.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = PathNames.compare(nodes[mid].path, path);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    @Override
    public Optional<FileEntry> get(String path) {
        int i = indexOf(path);
        return i < 0 ? Optional.empty() : Optional.of(nodes[i].toEntry(layers[i]));
    }

    @Override
    public Collection<FileEntry> entries() {
        return new AbstractList<>() {
            @Override
            public FileEntry get(int index) {
                return nodes[index].toEntry(layers[index]);
            }

            @Override
            public int size() {
                return nodes.length;
            }
        };
    }

    @Override
    public int size() {
        return nodes.length;
    }

    @Override
    public Optional<byte[]> content(String path) {
        int i = indexOf(path);
        if (i < 0 || nodes[i].content == null) {
            return Optional.empty();
        }
        return Optional.of(nodes[i].content.clone());
    }
}
