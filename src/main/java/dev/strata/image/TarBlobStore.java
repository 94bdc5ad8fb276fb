package dev.strata.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * The members of an image tar (docker-archive or OCI archive), indexed once by name with their
 * data offsets; each member is then read by offset, so layers are independent streams.
 */
final class TarBlobStore implements BlobStore {

    private record Member(String name, long offset, long size) {}

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Member> members;
    private final Map<String, String> symlinks;

    private TarBlobStore(Path file, FileChannel channel, Map<String, Member> members, Map<String, String> symlinks) {
        this.file = file;
        this.channel = channel;
        this.members = members;
        this.symlinks = symlinks;
    }

    static TarBlobStore open(Path file) throws IOException, ImageReadException {
        Map<String, Member> members = new HashMap<>();
        Map<String, String> symlinks = new HashMap<>();
        try (TarFile tar = new TarFile(file)) {
            for (TarArchiveEntry e : tar.getEntries()) {
                String name = BlobStore.normalizeName(e.getName());
                if (e.isSymbolicLink()) {
                    symlinks.put(name, e.getLinkName());
                } else if (e.isLink()) {
                    symlinks.put(name, "/" + BlobStore.normalizeName(e.getLinkName()));
                } else if (e.isFile() && !e.isSparse()) {
                    members.put(name, new Member(name, e.getDataOffset(), e.getSize()));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(file + ": not a readable tar archive: " + reason(e), e);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        long length = channel.size();
        for (Member m : members.values()) {
            if (m.offset() < 0 || m.offset() + m.size() > length) {
                channel.close();
                throw new ImageReadException(file + ": member " + m.name() + " extends past the end of the archive"
                        + " (truncated tar)");
            }
        }
        return new TarBlobStore(file, channel, members, symlinks);
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public Optional<Blob> find(String name) {
        String n = BlobStore.normalizeName(name);
        // docker save (before 25) stores a repeated layer once and links the others to it
        for (int hops = 0; hops < 8 && !members.containsKey(n) && symlinks.containsKey(n); hops++) {
            String target = symlinks.get(n);
            if (target.startsWith("/")) {
                n = BlobStore.normalizeName(target);
            } else {
                int slash = n.lastIndexOf('/');
                String dir = slash < 0 ? "" : n.substring(0, slash + 1);
                n = collapseDots(dir + target);
            }
        }
        Member m = members.get(n);
        if (m == null) {
            return Optional.empty();
        }
        return Optional.of(new Blob() {
            @Override
            public String name() {
                return m.name();
            }

            @Override
            public long size() {
                return m.size();
            }

            @Override
            public InputStream open() {
                return new RegionInputStream(channel, m.offset(), m.size());
            }
        });
    }

    private static String collapseDots(String name) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String seg : name.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(seg);
            }
        }
        return String.join("/", parts);
    }

    @Override
    public Set<String> names() {
        return Collections.unmodifiableSet(members.keySet());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
