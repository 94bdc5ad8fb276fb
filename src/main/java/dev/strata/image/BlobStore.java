package dev.strata.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/**
 * The files of an image archive or layout, by normalised relative name ("blobs/sha256/…",
 * "manifest.json"). Each blob opens as an independent stream so layers can be read in parallel.
 */
interface BlobStore extends Closeable {

    /** A stored file: its name, size and a way to stream it. */
    interface Blob {
        String name();

        long size();

        /** A new stream over the whole blob; several may be open at once. */
        InputStream open() throws IOException;
    }

    Optional<Blob> find(String name) throws IOException;

    /** All names held (for format detection and error messages). */
    Set<String> names() throws IOException;

    /** Normalise an archive member name: strip "./" and leading "/", collapse "//". */
    static String normalizeName(String name) {
        String n = name.replace('\\', '/');
        StringBuilder sb = new StringBuilder(n.length());
        for (String seg : n.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(seg);
        }
        return sb.toString();
    }
}
