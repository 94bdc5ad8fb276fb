package dev.strata.image;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Streams one layer blob once: hashes the stored bytes (blob digest), decompresses (format
 * detected from magic bytes), hashes the tar (diff_id), parses it, and hashes each regular
 * file's content. Nothing touches the disk.
 */
final class LayerScanner {
    private static final int BUFFER = 1 << 16;
    private static final String XATTR_PREFIX = "SCHILY.xattr.";
    /** Linux paths are at most 4096 bytes; a longer name is hostile. */
    private static final long MAX_LONG_NAME = 1 << 16;
    /** Empty files are common (markers, __init__.py); they share one digest array. */
    private static final byte[] EMPTY_SHA256 = Digests.sha256().digest();

    private final ReadOptions options;

    LayerScanner(ReadOptions options) {
        this.options = options;
    }

    /** A decompressor failed: the compressed stream is truncated or corrupt. */
    private static final class CorruptStreamException extends IOException {
        private static final long serialVersionUID = 1L;

        CorruptStreamException(String compression, IOException cause) {
            super("truncated or corrupt " + compression + " stream: " + message(cause), cause);
        }
    }

    /** Tags decompressor failures so they are reported as such, not as tar errors. */
    private static final class Tagged extends FilterInputStream {
        private final String compression;

        Tagged(InputStream in, String compression) {
            super(in);
            this.compression = compression;
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw new CorruptStreamException(compression, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw new CorruptStreamException(compression, e);
            } catch (RuntimeException e) {
                throw new CorruptStreamException(compression, new IOException(e.toString(), e));
            }
        }
    }

    /** Refuses GNU long names that would have to be held in memory whole, however long. */
    private static final class BoundedTarInputStream extends TarArchiveInputStream {
        BoundedTarInputStream(InputStream in) {
            super(in, "UTF-8");
        }

        @Override
        protected byte[] getLongNameData() throws IOException {
            TarArchiveEntry header = getCurrentEntry();
            if (header != null && header.getSize() > MAX_LONG_NAME) {
                throw new IOException("a GNU long name or link target of " + header.getSize()
                        + " bytes (more than " + MAX_LONG_NAME + ")");
            }
            return super.getLongNameData();
        }
    }

    /**
     * @param declaredDigest the digest the manifest names, or null when none does (legacy)
     * @param diffId the config's diff_id for this layer
     * @param label how errors name the layer, e.g. "layer 2 (blob sha256:…)"
     */
    LayerContents scan(BlobStore.Blob blob, String declaredDigest, String diffId, String label)
            throws ImageReadException {
        MessageDigest blobHash = Digests.sha256();
        DigestingInputStream raw = null;
        try (InputStream source = blob.open()) {
            long maxUncompressed = options.maxUncompressedLayerBytes();
            raw = new DigestingInputStream(source, blobHash, Long.MAX_VALUE);
            BufferedInputStream peek = new BufferedInputStream(raw, BUFFER);
            String compression = detect(peek);
            DigestingInputStream tarBytes;
            InputStream upstream;
            if (compression.equals("none")) {
                tarBytes = null;
                upstream = peek;
                if (blob.size() > maxUncompressed) {
                    throw new DigestingInputStream.LimitExceededException(maxUncompressed);
                }
            } else {
                InputStream decompressed = compression.equals("gzip")
                        ? new GZIPInputStream(peek, BUFFER)
                        : new ZstdInputStreamNoFinalizer(peek);
                tarBytes = new DigestingInputStream(new Tagged(decompressed, compression), Digests.sha256(),
                        maxUncompressed);
                upstream = tarBytes;
            }
            // reading, decompressing and the layer digests on one thread; tar parsing and file
            // digests on this one
            DigestingInputStream rawStream = raw;
            List<Node> operations;
            PrefetchInputStream prefetch = new PrefetchInputStream(upstream, rawStream::drain,
                    Thread.currentThread().getName() + "-prefetch");
            try {
                operations = parseTar(new BufferedInputStream(prefetch, BUFFER), label);
                prefetch.drain();
                prefetch.close();
            } catch (IOException | RuntimeException | ImageReadException e) {
                prefetch.close();
                // a corrupt blob usually breaks decompression or tar parsing first; the digest
                // mismatch is the truer reason, so report it when the stored bytes are wrong
                checkBlobDigestAfterFailure(raw, blobHash, declaredDigest, label);
                throw e;
            }
            String digest = Digests.format(raw.finish());
            if (declaredDigest != null && !declaredDigest.equals(digest)) {
                throw digestMismatch(label, declaredDigest, digest);
            }
            String computedDiffId = tarBytes == null ? digest : Digests.format(tarBytes.finish());
            if (!computedDiffId.equals(diffId)) {
                throw new ImageReadException(label + ": uncompressed content hashes to " + computedDiffId
                        + " but the config's diff_id is " + diffId);
            }
            long uncompressed = tarBytes == null ? raw.count() : tarBytes.count();
            return new LayerContents(operations, digest, computedDiffId, raw.count(), uncompressed, compression);
        } catch (DigestingInputStream.LimitExceededException e) {
            throw new ImageReadException(label + ": uncompressed size exceeds the limit of "
                    + options.maxUncompressedLayerBytes() + " bytes (maxUncompressedLayerBytes); "
                    + "a decompression bomb, or a layer larger than allowed");
        } catch (CorruptStreamException e) {
            throw new ImageReadException(label + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ImageReadException(label + ": malformed or truncated layer tar: " + message(e), e);
        } catch (RuntimeException e) {
            throw new ImageReadException(label + ": malformed layer tar: " + message(e), e);
        } catch (OutOfMemoryError e) {
            // a PAX header may declare one value of gigabytes; that single allocation fails
            // atomically, so the reader can report it and carry on
            throw new ImageReadException(label + ": a tar header needs more memory than is available"
                    + " (a hostile PAX or long-name header?)");
        }
    }

    /**
     * Stream a layer again only to pick out some files: nothing but those files is hashed, and
     * each is kept only if its SHA-256 is the one wanted (the digest the first read recorded,
     * which vouches for the bytes without re-hashing the layer).
     *
     * @param wanted normalised path → lowercase hex SHA-256
     * @return path → bytes, for the wanted files found with the wanted digest
     */
    Map<String, byte[]> capture(BlobStore.Blob blob, Map<String, String> wanted, String label)
            throws ImageReadException {
        Map<String, byte[]> out = new HashMap<>();
        try (InputStream source = blob.open()) {
            BufferedInputStream peek = new BufferedInputStream(source, BUFFER);
            String compression = detect(peek);
            InputStream tarSource = peek;
            if (!compression.equals("none")) {
                InputStream decompressed = compression.equals("gzip")
                        ? new GZIPInputStream(peek, BUFFER)
                        : new ZstdInputStreamNoFinalizer(peek);
                tarSource = new BufferedInputStream(new DigestingInputStream(new Tagged(decompressed, compression),
                        null, options.maxUncompressedLayerBytes()), BUFFER);
            }
            TarArchiveInputStream tar = new BoundedTarInputStream(tarSource);
            MessageDigest fileHash = Digests.sha256();
            byte[] buffer = new byte[BUFFER];
            TarArchiveEntry e;
            long count = 0;
            while ((e = tar.getNextEntry()) != null) {
                if (++count > options.maxEntries()) {
                    throw new ImageReadException(label + ": more than " + options.maxEntries() + " entries (maxEntries)");
                }
                if (!isRegular(e) || e.getRealSize() > options.maxCaptureBytes()) {
                    continue;
                }
                String path;
                try {
                    path = PathNames.normalize(e.getName());
                } catch (PathNames.EscapeException x) {
                    continue;
                }
                String want = wanted.get(path);
                if (want == null) {
                    continue;
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.max(0, e.getRealSize()));
                int n;
                while ((n = tar.read(buffer, 0, buffer.length)) > 0) {
                    fileHash.update(buffer, 0, n);
                    bytes.write(buffer, 0, n);
                }
                if (Digests.toHex(fileHash.digest()).equals(want)) {
                    out.put(path, bytes.toByteArray());
                }
            }
            return out;
        } catch (DigestingInputStream.LimitExceededException e) {
            throw new ImageReadException(label + ": uncompressed size exceeds the limit of "
                    + options.maxUncompressedLayerBytes() + " bytes (maxUncompressedLayerBytes)");
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(label + ": could not be read again: " + message(e), e);
        }
    }

    private static void checkBlobDigestAfterFailure(DigestingInputStream raw, MessageDigest blobHash,
            String declaredDigest, String label) throws ImageReadException {
        if (declaredDigest == null || raw == null) {
            return;
        }
        try {
            raw.drain();
        } catch (IOException | RuntimeException drainFailure) {
            return;
        }
        String digest = Digests.format(blobHash.digest());
        if (!declaredDigest.equals(digest)) {
            throw digestMismatch(label, declaredDigest, digest);
        }
    }

    static ImageReadException digestMismatch(String label, String declared, String actual) {
        return new ImageReadException(label + ": digest mismatch: the manifest says " + declared
                + " but the stored bytes hash to " + actual);
    }

    private static String detect(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] magic = new byte[4];
        int n = in.readNBytes(magic, 0, 4);
        in.reset();
        if (n >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return "gzip";
        }
        if (n == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5 && (magic[2] & 0xff) == 0x2f
                && (magic[3] & 0xff) == 0xfd) {
            return "zstd";
        }
        return "none";
    }

    private List<Node> parseTar(InputStream in, String label) throws IOException, ImageReadException {
        TarArchiveInputStream tar = new BoundedTarInputStream(in);
        List<Node> ops = new ArrayList<>();
        byte[] buffer = new byte[BUFFER];
        MessageDigest fileHash = Digests.sha256();
        long maxEntries = options.maxEntries();
        Map<String, String> pathPool = new HashMap<>();
        long count = 0;
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
            if (++count > maxEntries) {
                throw new ImageReadException(label + ": more than " + maxEntries
                        + " entries (maxEntries); refusing an entry flood");
            }
            String name = e.getName();
            String path;
            try {
                path = PathNames.normalize(name);
            } catch (PathNames.EscapeException x) {
                throw new ImageReadException(label + ": hostile entry name \"" + printable(name) + "\": " + x.getMessage());
            }
            String base = PathNames.baseName(path);
            if (base.startsWith(".wh.")) {
                Node op = whiteout(path, base, name, label);
                if (op != null) {
                    ops.add(op);
                }
                continue;
            }
            ops.add(entry(tar, e, path, buffer, fileHash, label, pathPool));
        }
        ((ArrayList<Node>) ops).trimToSize();
        return ops;
    }

    private static Node whiteout(String path, String base, String name, String label) throws ImageReadException {
        String dir = PathNames.parent(path);
        if (base.equals(".wh..wh..opq")) {
            return Node.operation(dir, Node.OPAQUE);
        }
        if (base.startsWith(".wh..wh.")) {
            // aufs bookkeeping (.wh..wh.plnk, .wh..wh.aufs): not part of the image's file system
            return null;
        }
        String victim = base.substring(4);
        if (victim.isEmpty() || victim.equals(".") || victim.equals("..")) {
            throw new ImageReadException(label + ": malformed whiteout \"" + printable(name) + "\"");
        }
        return Node.operation(PathNames.child(dir, victim), Node.WHITEOUT);
    }

    private Node entry(TarArchiveInputStream tar, TarArchiveEntry e, String path, byte[] buffer,
            MessageDigest fileHash, String label, Map<String, String> pathPool) throws IOException, ImageReadException {
        int mode = e.getMode() & 07777;
        long mtime = e.getModTime().getTime() / 1000L;
        Map<String, String> xattrs = xattrs(e);
        if (e.isSymbolicLink()) {
            return new Node(path, (byte) FileType.SYMLINK.ordinal(), mode, e.getLongUserId(), e.getLongGroupId(), 0,
                    null, intern(pathPool, e.getLinkName()), 0, 0, xattrs, mtime, null);
        }
        if (e.isLink()) {
            String target;
            try {
                target = PathNames.normalize(e.getLinkName());
            } catch (PathNames.EscapeException x) {
                throw new ImageReadException(label + ": hard link \"" + printable(e.getName()) + "\" → \""
                        + printable(e.getLinkName()) + "\": " + x.getMessage());
            }
            return new Node(path, (byte) FileType.HARDLINK.ordinal(), mode, e.getLongUserId(), e.getLongGroupId(), 0,
                    null, target, 0, 0, xattrs, mtime, null);
        }
        if (e.isDirectory()) {
            return new Node(path, (byte) FileType.DIRECTORY.ordinal(), mode, e.getLongUserId(), e.getLongGroupId(),
                    0, null, null, 0, 0, xattrs, mtime, null);
        }
        if (e.isCharacterDevice() || e.isBlockDevice()) {
            FileType t = e.isCharacterDevice() ? FileType.CHAR_DEVICE : FileType.BLOCK_DEVICE;
            return new Node(path, (byte) t.ordinal(), mode, e.getLongUserId(), e.getLongGroupId(), 0, null, null,
                    e.getDevMajor(), e.getDevMinor(), xattrs, mtime, null);
        }
        if (e.isFIFO()) {
            return new Node(path, (byte) FileType.FIFO.ordinal(), mode, e.getLongUserId(), e.getLongGroupId(), 0,
                    null, null, 0, 0, xattrs, mtime, null);
        }
        if (isRegular(e)) {
            boolean capture = options.captureContent().test(path) && e.getRealSize() <= options.maxCaptureBytes();
            ByteArrayOutputStream captured = capture ? new ByteArrayOutputStream((int) Math.max(0, e.getRealSize())) : null;
            long size = 0;
            int n;
            while ((n = tar.read(buffer, 0, buffer.length)) > 0) {
                fileHash.update(buffer, 0, n);
                if (captured != null) {
                    captured.write(buffer, 0, n);
                }
                size += n;
            }
            byte[] sha = fileHash.digest();
            return new Node(path, (byte) FileType.REGULAR.ordinal(), mode, e.getLongUserId(), e.getLongGroupId(),
                    size, size == 0 ? EMPTY_SHA256 : sha, null, 0, 0, xattrs, mtime, captured == null ? null : captured.toByteArray());
        }
        throw new ImageReadException(label + ": entry \"" + printable(e.getName())
                + "\" has an unsupported tar type flag " + typeFlag(e.getLinkFlag()));
    }

    /** '0', NUL (old tars), '7' (contiguous) and GNU sparse 'S' hold regular file content. */
    private static boolean isRegular(TarArchiveEntry e) {
        byte f = e.getLinkFlag();
        return f == '0' || f == 0 || f == '7' || e.isSparse();
    }

    private static String typeFlag(byte f) {
        return f >= 0x21 && f < 0x7f ? "'" + (char) f + "'" : String.format("0x%02x", f & 0xff);
    }

    private static String intern(Map<String, String> pool, String s) {
        if (s == null) {
            return null;
        }
        String known = pool.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    private static Map<String, String> xattrs(TarArchiveEntry e) {
        Map<String, String> pax = e.getExtraPaxHeaders();
        if (pax.isEmpty()) {
            return null;
        }
        Map<String, String> x = null;
        for (Map.Entry<String, String> h : pax.entrySet()) {
            if (h.getKey().startsWith(XATTR_PREFIX)) {
                if (x == null) {
                    x = new HashMap<>();
                }
                x.put(h.getKey().substring(XATTR_PREFIX.length()), h.getValue());
            }
        }
        return x;
    }

    /** Entry names come from untrusted input: show control characters escaped. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 300; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > 300) {
            sb.append("…");
        }
        return sb.toString();
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
