package dev.strata.lock;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An rpm-md repository ({@code createrepo}): {@code repodata/repomd.xml} names the
 * {@code primary} metadata file, whose {@code <package type="rpm">} elements carry {@code <name>},
 * {@code <arch>} and {@code <version epoch ver rel>}. Read with StAX, DTDs and external entities
 * off: the XML comes from the network.
 */
final class RpmRepodata {
    private RpmRepodata() {}

    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /** The key of one rpm: {@code name epoch:version-release}, epoch 0 when absent, as rpm compares them. */
    static String key(String name, String evr) {
        String e = evr;
        if (!e.matches("\\d+:.*")) {
            e = "0:" + e;
        }
        return name + " " + e;
    }

    /**
     * The {@code location href} of the primary metadata named by a repomd.xml.
     *
     * @throws IndexStreams.IndexFormatException when it is not XML or names no primary data
     */
    static String primaryHref(InputStream in) throws IOException {
        try {
            XMLStreamReader r = factory().createXMLStreamReader(in);
            try {
                boolean inPrimary = false;
                boolean sawRepomd = false;
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String local = r.getLocalName();
                        if (local.equals("repomd")) {
                            sawRepomd = true;
                        } else if (local.equals("data")) {
                            inPrimary = "primary".equals(r.getAttributeValue(null, "type"));
                        } else if (local.equals("location") && inPrimary) {
                            String href = r.getAttributeValue(null, "href");
                            if (href != null && !href.isBlank()) {
                                return href;
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("data")) {
                        inPrimary = false;
                    }
                }
                throw new IndexStreams.IndexFormatException(sawRepomd ? "repomd.xml names no primary metadata"
                        : "not a repomd.xml (no <repomd> element)");
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IndexStreams.IndexFormatException("not a repomd.xml (invalid XML: " + lastLine(e.getMessage()) + ")");
        }
    }

    /**
     * The {@code name epoch:version-release} keys of {@code names} in a primary.xml document.
     *
     * @throws IndexStreams.IndexFormatException when it is not XML or not rpm primary metadata
     */
    static Set<String> parsePrimary(InputStream in, Set<String> names) throws IOException {
        Set<String> out = new HashSet<>();
        try {
            XMLStreamReader r = factory().createXMLStreamReader(in);
            try {
                boolean sawMetadata = false;
                int depth = 0;
                int packageDepth = -1;
                String name = null;
                String evr = null;
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        String local = r.getLocalName();
                        if (depth == 1) {
                            if (!local.equals("metadata")) {
                                throw new IndexStreams.IndexFormatException("not rpm primary metadata (root element <" + local + ">)");
                            }
                            sawMetadata = true;
                        } else if (depth == 2 && local.equals("package")) {
                            packageDepth = depth;
                            name = null;
                            evr = null;
                        } else if (packageDepth > 0 && depth == packageDepth + 1 && local.equals("name")) {
                            name = r.getElementText().strip();
                            depth--;
                        } else if (packageDepth > 0 && depth == packageDepth + 1 && local.equals("version")) {
                            String epoch = r.getAttributeValue(null, "epoch");
                            String ver = r.getAttributeValue(null, "ver");
                            String rel = r.getAttributeValue(null, "rel");
                            if (ver != null) {
                                evr = (epoch == null || epoch.isBlank() ? "0" : epoch) + ":" + ver + (rel == null || rel.isEmpty() ? "" : "-" + rel);
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (depth == packageDepth) {
                            if (name != null && evr != null && names.contains(name)) {
                                out.add(name + " " + evr);
                            }
                            packageDepth = -1;
                        }
                        depth--;
                    }
                }
                if (!sawMetadata) {
                    throw new IndexStreams.IndexFormatException("not rpm primary metadata (empty document)");
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IndexStreams.IndexFormatException("not rpm primary metadata (invalid XML: " + lastLine(e.getMessage()) + ")");
        }
        return out;
    }

    private static String lastLine(String m) {
        return m == null ? "unknown error" : m.lines().reduce((a, b) -> b).orElse(m).strip();
    }
}
