package dev.strata.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Hashes and counts every byte that passes, in the same pass that consumes it, and stops with
 * {@link LimitExceededException} once more than {@code limit} bytes went through. With a null
 * digest it only counts.
 */
final class DigestingInputStream extends FilterInputStream {

    /** The byte limit was crossed (a decompression bomb, or a bigger layer than allowed). */
    static final class LimitExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceededException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final MessageDigest digest;
    private final long limit;
    private long count;

    DigestingInputStream(InputStream in, MessageDigest digest, long limit) {
        super(in);
        this.digest = digest;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            if (digest != null) {
                digest.update((byte) b);
            }
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            if (digest != null) {
                digest.update(b, off, n);
            }
            advance(n);
        }
        return n;
    }

    private void advance(int n) throws LimitExceededException {
        count += n;
        if (count > limit) {
            throw new LimitExceededException(limit);
        }
    }

    /** Skipped bytes must still be hashed, so skip reads them. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(n, 65536)];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {}

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    long count() {
        return count;
    }

    /** Read to the end so the digest covers every byte. */
    void drain() throws IOException {
        byte[] buf = new byte[65536];
        while (read(buf, 0, buf.length) >= 0) {
            // hashing happens in read
        }
    }

    byte[] finish() {
        return digest.digest();
    }
}
