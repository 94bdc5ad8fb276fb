package dev.strata.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes tiny, real OCI image layouts (one layer holding one file) so tests can copy them into a
 * real registry with skopeo. Content is deterministic: the same arguments give the same digests.
 */
public final class OciLayoutWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A blob written to the layout. */
    public record Blob(String digest, long size, String mediaType) {}

    private final Path dir;

    public OciLayoutWriter(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("blobs/sha256"));
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    public Path dir() {
        return dir;
    }

    /** A single-platform image whose only file is {@code /hello} containing {@code content}. */
    public Blob image(String content, String os, String arch) throws IOException {
        byte[] tar = tar("hello", content.getBytes(StandardCharsets.UTF_8));
        byte[] gz = gzip(tar);
        Blob layer = blob(gz, "application/vnd.oci.image.layer.v1.tar+gzip");
        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", arch);
        config.put("os", os);
        config.putObject("config").putArray("Cmd").add("/hello");
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.putArray("diff_ids").add(Digests.sha256(tar));
        Blob cfg = blob(JSON.writeValueAsBytes(config), "application/vnd.oci.image.config.v1+json");
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
        manifest.set("config", descriptor(cfg));
        manifest.putArray("layers").add(descriptor(layer));
        return blob(JSON.writeValueAsBytes(manifest), MediaTypes.OCI_MANIFEST);
    }

    /** An index of platform manifests; {@code platforms} are "os/arch" in the same order. */
    public Blob index(List<Blob> manifests, List<String> platforms) throws IOException {
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        ArrayNode list = index.putArray("manifests");
        for (int i = 0; i < manifests.size(); i++) {
            ObjectNode d = descriptor(manifests.get(i));
            String[] p = platforms.get(i).split("/");
            ObjectNode platform = d.putObject("platform");
            platform.put("architecture", p[1]);
            platform.put("os", p[0]);
            list.add(d);
        }
        return blob(JSON.writeValueAsBytes(index), MediaTypes.OCI_INDEX);
    }

    /** Makes {@code top} reachable as {@code oci:DIR:tag} (replacing index.json). */
    public void tag(Blob top, String tag) throws IOException {
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        ObjectNode d = descriptor(top);
        d.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
        index.putArray("manifests").add(d);
        Files.write(dir.resolve("index.json"), JSON.writeValueAsBytes(index));
    }

    private Blob blob(byte[] bytes, String mediaType) throws IOException {
        String digest = Digests.sha256(bytes);
        Files.write(dir.resolve("blobs/sha256").resolve(digest.substring(7)), bytes);
        return new Blob(digest, bytes.length, mediaType);
    }

    private static ObjectNode descriptor(Blob b) {
        ObjectNode d = JSON.createObjectNode();
        d.put("mediaType", b.mediaType());
        d.put("digest", b.digest());
        d.put("size", b.size());
        return d;
    }

    private static byte[] tar(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(content.length);
            e.setMode(0644);
            e.setModTime(0);
            tar.putArchiveEntry(e);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
