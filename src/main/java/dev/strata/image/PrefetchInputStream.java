package dev.strata.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads an upstream chain (file read, blob hashing, decompression, diff_id hashing) on its own
 * thread, ahead of the consumer that parses the tar and hashes file contents, so one layer uses
 * two cores. The producer is never interrupted (an interrupt would close a file channel other
 * layers share); it stops at a flag instead.
 */
final class PrefetchInputStream extends InputStream {

    /** Runs on the producer thread once upstream reaches its end. */
    @FunctionalInterface
    interface AtEnd {
        void run() throws IOException;
    }

    private static final int CHUNK = 256 << 10;
    private static final int CHUNKS = 4;

    private record Chunk(byte[] bytes, int length, Throwable failure) {
        static final Chunk END = new Chunk(null, -1, null);
    }

    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread producer;
    private volatile boolean stopped;
    private Chunk current;
    private int position;
    private boolean ended;

    PrefetchInputStream(InputStream upstream, AtEnd atEnd, String name) {
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK]);
        }
        producer = new Thread(() -> produce(upstream, atEnd), name);
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(InputStream upstream, AtEnd atEnd) {
        try {
            while (!stopped) {
                byte[] buffer = free.poll(100, TimeUnit.MILLISECONDS);
                if (buffer == null) {
                    continue;
                }
                int n = upstream.readNBytes(buffer, 0, buffer.length);
                if (n == 0) {
                    atEnd.run();
                    put(Chunk.END);
                    return;
                }
                put(new Chunk(buffer, n, null));
            }
        } catch (Throwable t) {
            put(new Chunk(null, -1, t));
        }
    }

    private void put(Chunk c) {
        try {
            while (!stopped && !filled.offer(c, 100, TimeUnit.MILLISECONDS)) {
                // the consumer is busy; wait unless it has gone away
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (current == null || position == current.length()) {
            if (ended) {
                return -1;
            }
            if (current != null) {
                free.offer(current.bytes());
            }
            current = take();
            position = 0;
            if (current.failure() != null) {
                rethrow(current.failure());
            }
            if (current.length() < 0) {
                ended = true;
                current = null;
                return -1;
            }
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.bytes(), position, b, off, n);
        position += n;
        return n;
    }

    private Chunk take() throws IOException {
        try {
            return filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading a layer");
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        throw new IOException(t);
    }

    /** Read to the end, so the producer has consumed (and hashed) everything upstream. */
    void drain() throws IOException {
        byte[] sink = new byte[CHUNK];
        while (read(sink, 0, sink.length) >= 0) {
            // discarding
        }
    }

    /** Stop the producer and wait for it, so its streams may be used by this thread again. */
    @Override
    public void close() {
        stopped = true;
        try {
            producer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
