package dev.strata.compare;

import dev.strata.image.FileEntry;
import dev.strata.image.FileTree;
import dev.strata.image.ImageReadException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A file tree with the bytes of a few more files than were captured while it was read (fetched
 * afterwards with {@code ImageReader.readContent}); everything else is the underlying tree's.
 */
final class ContentOverlay implements FileTree {
    private final FileTree tree;
    private final Map<String, byte[]> content;

    ContentOverlay(FileTree tree, Map<String, byte[]> content) {
        this.tree = tree;
        this.content = Map.copyOf(content);
    }

    @Override
    public Optional<FileEntry> get(String path) {
        return tree.get(path);
    }

    @Override
    public Collection<FileEntry> entries() {
        return tree.entries();
    }

    @Override
    public int size() {
        return tree.size();
    }

    @Override
    public Optional<byte[]> content(String path) {
        byte[] bytes = content.get(path);
        return bytes != null ? Optional.of(bytes) : tree.content(path);
    }

    @Override
    public Optional<FileEntry> resolve(String path) throws ImageReadException {
        return tree.resolve(path);
    }
}
