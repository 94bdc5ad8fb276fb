package dev.strata.image.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes real container images in code, for tests: docker-archive (legacy {@code docker save}
 * layout, and the OCI layout Docker 25+ writes inside {@code docker save}), OCI archive tars and
 * OCI layout directories, with correct digests, sizes and diff_ids, optional multi-platform
 * indexes, and hooks that corrupt them on purpose.
 *
 * <pre>{@code
 * Path tar = new TestImageBuilder()
 *     .layer(TestLayer.of(TestEntry.dir("etc"), TestEntry.file("etc/hello", "hi")).gzip())
 *     .layer(TestLayer.of(TestEntry.whiteout("etc/hello")).createdBy("RUN rm /etc/hello"))
 *     .write(TestImageBuilder.Format.OCI_ARCHIVE, dir.resolve("img.tar"));
 * }</pre>
 */
public final class TestImageBuilder {

    /** The container formats the builder writes. */
    public enum Format {
        /** {@code docker save} before Docker 25: manifest.json, &lt;id&gt;.json, &lt;dir&gt;/layer.tar, repositories. */
        DOCKER_LEGACY,
        /** {@code docker save} from Docker 25: an OCI layout plus manifest.json and repositories, in a tar. */
        DOCKER_OCI,
        /** An OCI layout in a tar (skopeo/buildah {@code oci-archive:}). */
        OCI_ARCHIVE,
        /** An OCI layout directory ({@code oci:DIR}); {@link #write} takes a directory path. */
        OCI_LAYOUT
    }

    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private String os = "linux";
    private String architecture = "amd64";
    private String variant;
    private String repoTag = "strata-test:latest";
    private final List<TestLayer> layers = new ArrayList<>();
    private final List<Object> history = new ArrayList<>();
    private final List<Consumer<ObjectNode>> configEdits = new ArrayList<>();
    private final Set<Integer> corruptBlobs = new HashSet<>();
    private final Set<Integer> wrongDiffIds = new HashSet<>();
    private final Set<Integer> omittedBlobs = new HashSet<>();
    private final Map<Integer, Integer> truncations = new HashMap<>();
    private final Map<String, byte[]> extraFiles = new LinkedHashMap<>();
    private final Set<String> removedFiles = new HashSet<>();
    private boolean corruptConfig;
    private boolean omitConfig;
    private boolean omitManifest;

    /** Platform written to the config and, for indexes, to the descriptor. */
    public TestImageBuilder platform(String os, String architecture, String variant) {
        this.os = os;
        this.architecture = architecture;
        this.variant = variant;
        return this;
    }

    public TestImageBuilder repoTag(String tag) {
        this.repoTag = tag;
        return this;
    }

    /** Append a layer; its {@link TestLayer#createdBy} becomes a history entry. */
    public TestImageBuilder layer(TestLayer layer) {
        layers.add(layer);
        history.add(layer);
        return this;
    }

    /** Append a layer of these entries, uncompressed. */
    public TestImageBuilder layer(TestEntry... entries) {
        return layer(TestLayer.of(entries));
    }

    /** Append a history entry with {@code empty_layer: true} (ENV, CMD, ...). */
    public TestImageBuilder emptyHistory(String createdBy) {
        history.add(createdBy);
        return this;
    }

    /** Edit the config JSON before it is serialised (env, cmd, labels...). */
    public TestImageBuilder config(Consumer<ObjectNode> edit) {
        configEdits.add(edit);
        return this;
    }

    /** Store layer {@code i} with its last byte flipped, under its correct digest name. */
    public TestImageBuilder corruptLayerBlob(int i) {
        corruptBlobs.add(i);
        return this;
    }

    /** Put a wrong diff_id for layer {@code i} in the config. */
    public TestImageBuilder wrongDiffId(int i) {
        wrongDiffIds.add(i);
        return this;
    }

    /** Do not store layer {@code i}'s blob although the manifest names it. */
    public TestImageBuilder omitLayerBlob(int i) {
        omittedBlobs.add(i);
        return this;
    }

    /**
     * Store only the first {@code keep} bytes of layer {@code i}; the manifest digest and size
     * describe the truncated bytes, so only decompression and tar parsing can notice.
     */
    public TestImageBuilder truncateLayer(int i, int keep) {
        truncations.put(i, keep);
        return this;
    }

    /** Store the config with a flipped byte under its correct digest name. */
    public TestImageBuilder corruptConfig() {
        corruptConfig = true;
        return this;
    }

    public TestImageBuilder omitConfig() {
        omitConfig = true;
        return this;
    }

    /** Do not store the image manifest blob (OCI formats) that index.json names. */
    public TestImageBuilder omitManifest() {
        omitManifest = true;
        return this;
    }

    /** Add an arbitrary file to the archive or layout (hostile outer entries, junk). */
    public TestImageBuilder extraFile(String name, byte[] content) {
        extraFiles.put(name, content.clone());
        return this;
    }

    /** Leave out a file the format would normally contain (e.g. "oci-layout"). */
    public TestImageBuilder removeFile(String name) {
        removedFiles.add(name);
        return this;
    }

    /** The built parts of one image: blobs and the descriptors that point at them. */
    public record Built(
            List<TestLayer.Built> layers,
            byte[] config,
            String configDigest,
            byte[] manifest,
            String manifestDigest,
            Map<String, byte[]> blobs,
            String os,
            String architecture,
            String variant,
            String repoTag) {

        /** The platform as "os/arch[/variant]". */
        public String platform() {
            return os + "/" + architecture + (variant == null ? "" : "/" + variant);
        }

        public String configDigestHex() {
            return configDigest.substring(7);
        }
    }

    /** Build the blobs and digests without writing anything. */
    public Built build() {
        List<TestLayer.Built> built = new ArrayList<>();
        for (TestLayer l : layers) {
            built.add(l.build());
        }
        List<byte[]> stored = new ArrayList<>();
        List<String> storedDigests = new ArrayList<>();
        for (int i = 0; i < built.size(); i++) {
            byte[] blob = built.get(i).blob();
            String digest = built.get(i).digest();
            if (truncations.containsKey(i)) {
                blob = Arrays.copyOf(blob, Math.min(blob.length, truncations.get(i)));
                digest = TestLayer.digestOf(blob);
            }
            stored.add(blob);
            storedDigests.add(digest);
        }

        ObjectNode config = JSON.createObjectNode();
        config.put("created", "2024-01-01T00:00:00Z");
        config.put("architecture", architecture);
        config.put("os", os);
        if (variant != null) {
            config.put("variant", variant);
        }
        ObjectNode runtime = config.putObject("config");
        runtime.putArray("Env").add("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        runtime.putArray("Cmd").add("/bin/sh");
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode diffIds = rootfs.putArray("diff_ids");
        for (int i = 0; i < built.size(); i++) {
            diffIds.add(wrongDiffIds.contains(i) ? TestLayer.digestOf(("wrong" + i).getBytes(StandardCharsets.UTF_8))
                    : built.get(i).diffId());
        }
        ArrayNode hist = config.putArray("history");
        for (Object h : history) {
            ObjectNode e = hist.addObject();
            e.put("created", "2024-01-01T00:00:00Z");
            if (h instanceof TestLayer l) {
                e.put("created_by", l.createdBy() == null ? "ADD layer" + layers.indexOf(l) + " /" : l.createdBy());
            } else {
                e.put("created_by", (String) h);
                e.put("empty_layer", true);
            }
        }
        configEdits.forEach(edit -> edit.accept(config));
        byte[] configBytes = json(config);
        String configDigest = TestLayer.digestOf(configBytes);

        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", OCI_MANIFEST);
        ObjectNode cd = manifest.putObject("config");
        cd.put("mediaType", OCI_CONFIG);
        cd.put("digest", configDigest);
        cd.put("size", configBytes.length);
        ArrayNode ls = manifest.putArray("layers");
        for (int i = 0; i < built.size(); i++) {
            ObjectNode d = ls.addObject();
            d.put("mediaType", built.get(i).mediaType());
            d.put("digest", storedDigests.get(i));
            d.put("size", stored.get(i).length);
        }
        byte[] manifestBytes = json(manifest);
        String manifestDigest = TestLayer.digestOf(manifestBytes);

        Map<String, byte[]> blobs = new LinkedHashMap<>();
        for (int i = 0; i < built.size(); i++) {
            if (omittedBlobs.contains(i)) {
                continue;
            }
            byte[] blob = corruptBlobs.contains(i) ? TestLayer.flipLastByte(stored.get(i)) : stored.get(i);
            blobs.put(storedDigests.get(i), blob);
        }
        if (!omitConfig) {
            blobs.put(configDigest, corruptConfig ? TestLayer.flipLastByte(configBytes) : configBytes);
        }
        if (!omitManifest) {
            blobs.put(manifestDigest, manifestBytes);
        }
        List<TestLayer.Built> described = new ArrayList<>();
        for (int i = 0; i < built.size(); i++) {
            TestLayer.Built b = built.get(i);
            described.add(new TestLayer.Built(stored.get(i), storedDigests.get(i), b.diffId(), b.mediaType(),
                    b.uncompressedTar()));
        }
        return new Built(described, configBytes, configDigest, manifestBytes, manifestDigest, blobs, os,
                architecture, variant, repoTag);
    }

    /** Write the image in {@code format} to {@code target} (a file, or a directory for OCI_LAYOUT). */
    public Built write(Format format, Path target) {
        Built b = build();
        Map<String, byte[]> files = switch (format) {
            case DOCKER_LEGACY -> legacyFiles(b);
            case DOCKER_OCI -> {
                Map<String, byte[]> f = ociFiles(List.of(b), false);
                f.putAll(dockerManifestFiles(List.of(b), true));
                yield f;
            }
            case OCI_ARCHIVE, OCI_LAYOUT -> ociFiles(List.of(b), false);
        };
        finish(files, format, target, extraFiles, removedFiles);
        return b;
    }

    /** Write several images (one per platform) behind one multi-platform index. */
    public static List<Built> writeMultiPlatform(Format format, Path target, boolean nestedIndex,
            List<TestImageBuilder> images) {
        if (format == Format.DOCKER_LEGACY) {
            throw new IllegalArgumentException("legacy docker-archive has no multi-platform index");
        }
        List<Built> built = images.stream().map(TestImageBuilder::build).toList();
        Map<String, byte[]> files = ociFiles(built, nestedIndex);
        if (format == Format.DOCKER_OCI) {
            files.putAll(dockerManifestFiles(built, true));
        }
        finish(files, format, target, Map.of(), Set.of());
        return built;
    }

    private static void finish(Map<String, byte[]> files, Format format, Path target, Map<String, byte[]> extra,
            Set<String> removed) {
        files.putAll(extra);
        removed.forEach(files::remove);
        try {
            if (format == Format.OCI_LAYOUT) {
                writeDirectory(files, target);
            } else {
                writeTar(files, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> legacyFiles(Built b) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        ArrayNode manifest = JSON.createArrayNode();
        ObjectNode m = manifest.addObject();
        m.put("Config", b.configDigestHex() + ".json");
        m.putArray("RepoTags").add(b.repoTag());
        ArrayNode layerPaths = m.putArray("Layers");
        String last = null;
        for (int i = 0; i < b.layers().size(); i++) {
            TestLayer.Built l = b.layers().get(i);
            // docker derives the v1 directory id from the chain; any stable unique hex name works
            String dir = TestLayer.digestOf((l.diffId() + "/" + i).getBytes(StandardCharsets.UTF_8)).substring(7);
            String path = dir + "/layer.tar";
            layerPaths.add(path);
            last = dir;
            if (b.blobs().containsKey(l.digest())) {
                files.put(dir + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
                files.put(path, b.blobs().get(l.digest()));
            }
        }
        if (b.blobs().containsKey(b.configDigest())) {
            files.put(b.configDigestHex() + ".json", b.blobs().get(b.configDigest()));
        }
        files.put("manifest.json", json(manifest));
        files.put("repositories", repositories(b.repoTag(), last));
        return files;
    }

    private static byte[] repositories(String repoTag, String last) {
        ObjectNode repos = JSON.createObjectNode();
        int colon = repoTag.lastIndexOf(':');
        repos.putObject(repoTag.substring(0, colon)).put(repoTag.substring(colon + 1), last == null ? "" : last);
        return json(repos);
    }

    private static Map<String, byte[]> dockerManifestFiles(List<Built> images, boolean blobPaths) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        ArrayNode manifest = JSON.createArrayNode();
        for (Built b : images) {
            ObjectNode m = manifest.addObject();
            m.put("Config", "blobs/sha256/" + b.configDigestHex());
            m.putArray("RepoTags").add(b.repoTag());
            ArrayNode lp = m.putArray("Layers");
            for (TestLayer.Built l : b.layers()) {
                lp.add("blobs/sha256/" + l.digestHex());
            }
        }
        files.put("manifest.json", json(manifest));
        Built first = images.get(0);
        String lastLayer = first.layers().isEmpty() ? null : first.layers().get(first.layers().size() - 1).digestHex();
        files.put("repositories", repositories(first.repoTag(), lastLayer));
        return files;
    }

    private static Map<String, byte[]> ociFiles(List<Built> images, boolean nestedIndex) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> blobs = new LinkedHashMap<>();
        ArrayNode descriptors = JSON.createArrayNode();
        for (Built b : images) {
            blobs.putAll(b.blobs());
            ObjectNode d = descriptors.addObject();
            d.put("mediaType", OCI_MANIFEST);
            d.put("digest", b.manifestDigest());
            d.put("size", b.manifest().length);
            if (images.size() > 1) {
                ObjectNode p = d.putObject("platform");
                p.put("architecture", b.architecture());
                p.put("os", b.os());
                if (b.variant() != null) {
                    p.put("variant", b.variant());
                }
            } else {
                d.putObject("annotations").put("org.opencontainers.image.ref.name", b.repoTag());
            }
        }
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", OCI_INDEX);
        if (nestedIndex) {
            ObjectNode inner = JSON.createObjectNode();
            inner.put("schemaVersion", 2);
            inner.put("mediaType", OCI_INDEX);
            inner.set("manifests", descriptors);
            byte[] innerBytes = json(inner);
            String innerDigest = TestLayer.digestOf(innerBytes);
            blobs.put(innerDigest, innerBytes);
            ObjectNode d = index.putArray("manifests").addObject();
            d.put("mediaType", OCI_INDEX);
            d.put("digest", innerDigest);
            d.put("size", innerBytes.length);
        } else {
            index.set("manifests", descriptors);
        }
        files.put("index.json", json(index));
        for (Map.Entry<String, byte[]> e : blobs.entrySet()) {
            files.put("blobs/sha256/" + e.getKey().substring(7), e.getValue());
        }
        return files;
    }

    /** Write name → bytes as a tar (directories for parents are added, as docker does). */
    public static void writeTar(Map<String, byte[]> files, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            Set<String> dirs = new HashSet<>();
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                String name = e.getKey();
                for (int s = name.indexOf('/'); s > 0; s = name.indexOf('/', s + 1)) {
                    String dir = name.substring(0, s + 1);
                    if (dirs.add(dir) && !dir.startsWith("/") && !dir.contains("..")) {
                        TarArchiveEntry d = new TarArchiveEntry(dir);
                        d.setModTime(TestEntry.DEFAULT_MTIME * 1000L);
                        tar.putArchiveEntry(d);
                        tar.closeArchiveEntry();
                    }
                }
                TarArchiveEntry t = new TarArchiveEntry(name, true);
                t.setSize(e.getValue().length);
                t.setModTime(TestEntry.DEFAULT_MTIME * 1000L);
                tar.putArchiveEntry(t);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private static void writeDirectory(Map<String, byte[]> files, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey()).normalize();
            if (!p.startsWith(dir)) {
                throw new IOException("refusing to write outside the layout directory: " + e.getKey());
            }
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
    }

    private static byte[] json(Object node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
