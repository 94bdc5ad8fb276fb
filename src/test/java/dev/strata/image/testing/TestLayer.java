package dev.strata.image.testing;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A layer for {@link TestImageBuilder}: tar entries (or raw tar bytes, or a streaming generator),
 * a compression, how long names are encoded, and the history line that produced it.
 */
public final class TestLayer {

    /** How names longer than 100 bytes are written. */
    public enum LongNames { PAX, GNU }

    /** Writes entries into a layer tar as it streams (for layers too large to list). */
    @FunctionalInterface
    public interface EntryWriter {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private final List<TestEntry> entries;
    private final byte[] rawTar;
    private final EntryWriter writer;
    private Compression compression = Compression.NONE;
    private LongNames longNames = LongNames.PAX;
    private String createdBy;
    private String mediaTypeOverride;

    private TestLayer(List<TestEntry> entries, byte[] rawTar, EntryWriter writer) {
        this.entries = entries;
        this.rawTar = rawTar;
        this.writer = writer;
    }

    public static TestLayer of(TestEntry... entries) {
        return new TestLayer(List.of(entries), null, null);
    }

    public static TestLayer of(List<TestEntry> entries) {
        return new TestLayer(List.copyOf(entries), null, null);
    }

    /** A layer whose uncompressed tar is exactly these bytes (malformed tars, bombs...). */
    public static TestLayer rawTar(byte[] tarBytes) {
        return new TestLayer(List.of(), tarBytes.clone(), null);
    }

    /** A layer whose entries are streamed by {@code writer} (a million entries, big files...). */
    public static TestLayer streamed(EntryWriter writer) {
        return new TestLayer(List.of(), null, writer);
    }

    public TestLayer compression(Compression c) {
        this.compression = c;
        return this;
    }

    public TestLayer gzip() {
        return compression(Compression.GZIP);
    }

    public TestLayer zstd() {
        return compression(Compression.ZSTD);
    }

    public TestLayer longNames(LongNames style) {
        this.longNames = style;
        return this;
    }

    public TestLayer createdBy(String line) {
        this.createdBy = line;
        return this;
    }

    /** Declare a media type in the manifest that differs from the real compression. */
    public TestLayer mediaType(String mediaType) {
        this.mediaTypeOverride = mediaType;
        return this;
    }

    public Compression compression() {
        return compression;
    }

    public String createdBy() {
        return createdBy;
    }

    public List<TestEntry> entries() {
        return entries;
    }

    /** The layer as stored: blob bytes, its digest, the diff_id and the media type. */
    public record Built(byte[] blob, String digest, String diffId, String mediaType, byte[] uncompressedTar) {
        public String digestHex() {
            return digest.substring("sha256:".length());
        }
    }

    /** Serialise the layer. The uncompressed tar is kept only when it is small. */
    public Built build() {
        try {
            MessageDigest diff = sha256();
            ByteArrayOutputStream blobBytes = new ByteArrayOutputStream();
            ByteArrayOutputStream keepTar = new ByteArrayOutputStream();
            OutputStream compressed = switch (compression) {
                case NONE -> blobBytes;
                case GZIP -> new GZIPOutputStream(blobBytes, 65536);
                case ZSTD -> new ZstdOutputStream(blobBytes, 3);
            };
            long[] written = {0};
            OutputStream tee = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    compressed.write(b, off, len);
                    if (written[0] < (4 << 20)) {
                        keepTar.write(b, off, len);
                    }
                    written[0] += len;
                }

                @Override
                public void close() throws IOException {
                    compressed.close();
                }
            };
            DigestOutputStream out = new DigestOutputStream(tee, diff);
            if (rawTar != null) {
                out.write(rawTar);
                out.close();
            } else {
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8");
                tar.setLongFileMode(longNames == LongNames.PAX
                        ? TarArchiveOutputStream.LONGFILE_POSIX
                        : TarArchiveOutputStream.LONGFILE_GNU);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                if (writer != null) {
                    writer.write(tar);
                } else {
                    for (TestEntry e : entries) {
                        writeEntry(tar, e);
                    }
                }
                tar.finish();
                tar.close();
            }
            byte[] blob = blobBytes.toByteArray();
            String diffId = "sha256:" + HexFormat.of().formatHex(diff.digest());
            String digest = compression == Compression.NONE ? diffId : digestOf(blob);
            String mediaType = mediaTypeOverride != null ? mediaTypeOverride : compression.ociMediaType();
            byte[] tarCopy = written[0] <= (4 << 20) ? keepTar.toByteArray() : null;
            return new Built(blob, digest, diffId, mediaType, tarCopy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Write one {@link TestEntry} to a tar stream (also usable from an {@link EntryWriter}). */
    public static void writeEntry(TarArchiveOutputStream tar, TestEntry e) throws IOException {
        TarArchiveEntry t = switch (e.kind()) {
            case FILE -> new TarArchiveEntry(e.name(), TarConstants.LF_NORMAL, true);
            case DIR -> new TarArchiveEntry(e.name().endsWith("/") ? e.name() : e.name() + "/", TarConstants.LF_DIR, true);
            case SYMLINK -> new TarArchiveEntry(e.name(), TarConstants.LF_SYMLINK, true);
            case HARDLINK -> new TarArchiveEntry(e.name(), TarConstants.LF_LINK, true);
            case CHAR_DEVICE -> new TarArchiveEntry(e.name(), TarConstants.LF_CHR, true);
            case BLOCK_DEVICE -> new TarArchiveEntry(e.name(), TarConstants.LF_BLK, true);
            case FIFO -> new TarArchiveEntry(e.name(), TarConstants.LF_FIFO, true);
        };
        t.setMode(e.mode());
        t.setUserId(e.uid());
        t.setGroupId(e.gid());
        t.setModTime(e.mtime() * 1000L);
        if (e.linkName() != null) {
            t.setLinkName(e.linkName());
        }
        if (e.kind() == TestEntry.Kind.CHAR_DEVICE || e.kind() == TestEntry.Kind.BLOCK_DEVICE) {
            t.setDevMajor(e.devMajor());
            t.setDevMinor(e.devMinor());
        }
        for (Map.Entry<String, String> x : e.xattrs().entrySet()) {
            t.addPaxHeader("SCHILY.xattr." + x.getKey(), x.getValue());
        }
        if (e.kind() == TestEntry.Kind.FILE) {
            t.setSize(e.content().length);
        }
        tar.putArchiveEntry(t);
        if (e.kind() == TestEntry.Kind.FILE) {
            tar.write(e.content());
        }
        tar.closeArchiveEntry();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "sha256:" + hex of the bytes. */
    public static String digestOf(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Corrupt a copy of a blob: flip the last byte. */
    static byte[] flipLastByte(byte[] blob) {
        byte[] c = Arrays.copyOf(blob, blob.length);
        if (c.length > 0) {
            c[c.length - 1] ^= 0x5a;
        }
        return c;
    }

    static List<TestEntry> copyOf(List<TestEntry> l) {
        return new ArrayList<>(l);
    }
}
