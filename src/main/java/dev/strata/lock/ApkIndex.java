package dev.strata.lock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An Alpine repository's {@code APKINDEX.tar.gz}: gzip'd tar segments (a signature, then
 * {@code DESCRIPTION} and {@code APKINDEX}); {@code APKINDEX} holds one record per package,
 * {@code X:value} lines ({@code P:} name, {@code V:} version, {@code C:} checksum) separated by
 * blank lines.
 */
final class ApkIndex {
    private ApkIndex() {}

    static String key(String name, String version) {
        return name + " " + version;
    }

    /**
     * The {@code name version} keys of {@code names} listed in an APKINDEX.tar.gz.
     *
     * @throws IndexStreams.IndexFormatException when it is not a gzip'd tar holding APKINDEX
     */
    static Set<String> parseTarGz(InputStream in, Set<String> names) throws IOException {
        // the signature and the index are separate gzip members; GZIPInputStream reads on through them
        InputStream gz;
        try {
            gz = new GZIPInputStream(in);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IndexStreams.IndexFormatException("not an APKINDEX.tar.gz (not gzip)");
        }
        return parseTar(gz, names);
    }

    /**
     * As {@link #parseTarGz} for the tar already decompressed.
     *
     * @throws IndexStreams.IndexFormatException when it is not a tar holding APKINDEX
     */
    static Set<String> parseTar(InputStream in, Set<String> names) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.getName().equals("APKINDEX") && e.isFile()) {
                    return parse(tar, names);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IndexStreams.IndexFormatException("not an APKINDEX.tar.gz (broken gzip: " + e.getMessage() + ")");
        } catch (java.io.EOFException e) {
            throw new IndexStreams.IndexFormatException("not an APKINDEX.tar.gz (truncated)");
        } catch (IllegalArgumentException e) {
            throw new IndexStreams.IndexFormatException("not an APKINDEX.tar.gz (broken tar: " + e.getMessage() + ")");
        }
        throw new IndexStreams.IndexFormatException("not an APKINDEX.tar.gz (no APKINDEX file in the archive)");
    }

    /** The {@code name version} keys of {@code names} in the text of an APKINDEX file. */
    static Set<String> parse(InputStream in, Set<String> names) throws IOException {
        Set<String> out = new HashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String name = null;
        String version = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                add(name, version, names, out);
                name = null;
                version = null;
            } else if (line.startsWith("P:")) {
                name = line.substring(2);
            } else if (line.startsWith("V:")) {
                version = line.substring(2);
            }
        }
        add(name, version, names, out);
        return out;
    }

    private static void add(String name, String version, Set<String> names, Set<String> out) {
        if (name != null && version != null && names.contains(name)) {
            out.add(key(name, version));
        }
    }
}
