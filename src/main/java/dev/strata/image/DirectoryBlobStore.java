package dev.strata.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The files of an OCI layout directory. Only names without ".." are ever looked up. */
final class DirectoryBlobStore implements BlobStore {
    private final Path root;

    DirectoryBlobStore(Path root) {
        this.root = root;
    }

    @Override
    public Optional<Blob> find(String name) throws IOException {
        String n = BlobStore.normalizeName(name);
        for (String seg : n.split("/")) {
            if (seg.equals("..")) {
                return Optional.empty();
            }
        }
        Path p = root.resolve(n);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        long size = Files.size(p);
        return Optional.of(new Blob() {
            @Override
            public String name() {
                return n;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() throws IOException {
                FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
                return new RegionInputStream(ch, 0, size) {
                    @Override
                    public void close() throws IOException {
                        ch.close();
                    }
                };
            }
        });
    }

    @Override
    public Set<String> names() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.walk(root, 4)) {
            s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> names.add(root.relativize(p).toString().replace('\\', '/')));
        }
        return names;
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
        return root.toString();
    }
}
