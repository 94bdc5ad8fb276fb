package dev.strata.lock;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a dnf metalink (Metalink 3.0 XML, as Fedora's and CentOS Stream's mirror managers serve it)
 * says about a repository's {@code repomd.xml}: the http(s) URLs it can be read from, in the order
 * given, and the hashes an acceptable copy has (those of the current file and of its listed
 * alternates, which mirrors still serving the previous metadata carry). Only sha256 and sha512
 * hashes are kept: md5 and sha1 prove nothing. Read with StAX, DTDs and external entities off: the
 * XML comes from the network.
 *
 * @param urls the {@code .../repodata/repomd.xml} URLs
 * @param hashes lower-case hex digests, each prefixed with its type ({@code sha256:...})
 */
record RpmMetalink(List<String> urls, Set<String> hashes) {
    private static final String REPOMD = "/repodata/repomd.xml";

    RpmMetalink {
        urls = List.copyOf(urls);
        hashes = Set.copyOf(hashes);
    }

    /**
     * Parses a metalink.
     *
     * @throws IndexStreams.IndexFormatException when it is not XML, not a metalink, or lists no
     *     usable URL or hash
     */
    static RpmMetalink parse(InputStream in) throws IOException {
        List<String> urls = new ArrayList<>();
        Set<String> hashes = new LinkedHashSet<>();
        boolean sawMetalink = false;
        try {
            XMLStreamReader r = RpmRepodata.factory().createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.DTD) {
                        // entities are never expanded here, but a metalink has no use for a DTD: refusing it is simpler than trusting it
                        throw new IndexStreams.IndexFormatException("not a metalink (it declares a DOCTYPE, which a metalink never does)");
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    switch (r.getLocalName()) {
                        case "metalink" -> sawMetalink = true;
                        case "hash" -> {
                            String type = String.valueOf(r.getAttributeValue(null, "type")).toLowerCase(Locale.ROOT);
                            String value = r.getElementText().strip().toLowerCase(Locale.ROOT);
                            if ((type.equals("sha256") && value.matches("[0-9a-f]{64}")) || (type.equals("sha512") && value.matches("[0-9a-f]{128}"))) {
                                hashes.add(type + ":" + value);
                            }
                        }
                        case "url" -> {
                            String protocol = String.valueOf(r.getAttributeValue(null, "protocol")).toLowerCase(Locale.ROOT);
                            String url = r.getElementText().strip();
                            String lower = url.toLowerCase(Locale.ROOT);
                            boolean http = lower.startsWith("https://") || lower.startsWith("http://");
                            if (http && (protocol.equals("https") || protocol.equals("http")) && url.endsWith(REPOMD)
                                    && url.chars().noneMatch(c -> c <= ' ' || c == '?' || c == '#') && !urls.contains(url)) {
                                urls.add(url);
                            }
                        }
                        default -> {
                            // other elements (sizes, timestamps, signatures) do not decide which copy is right
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new IndexStreams.IndexFormatException("not a metalink (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
        }
        if (!sawMetalink) {
            throw new IndexStreams.IndexFormatException("not a metalink (no <metalink> element)");
        }
        if (urls.isEmpty()) {
            throw new IndexStreams.IndexFormatException("the metalink lists no http(s) URL of a repodata/repomd.xml");
        }
        if (hashes.isEmpty()) {
            throw new IndexStreams.IndexFormatException("the metalink lists no sha256 or sha512 hash of repomd.xml");
        }
        return new RpmMetalink(urls, hashes);
    }

    /** The repository (baseurl) a listed repomd.xml URL belongs to. */
    static String baseUrl(String repomdUrl) {
        return repomdUrl.substring(0, repomdUrl.length() - REPOMD.length());
    }

    /** Whether {@code repomd} is a copy the metalink vouches for. */
    boolean accepts(byte[] repomd) {
        return hashes.contains("sha256:" + Hashes.sha256Hex(repomd)) || hashes.contains("sha512:" + sha512Hex(repomd));
    }

    private static String sha512Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-512", e);
        }
    }
}
