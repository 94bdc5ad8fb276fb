package dev.strata.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads container images: docker-archive tars (legacy and Docker 25+ layouts), OCI archive tars
 * and OCI layout directories, detected from their content. Every blob is checked against its
 * digest and every layer against its diff_id while it streams; layers are read in parallel, and
 * a layer already read by this reader (same digest and diff_id) is not read again, so one reader
 * comparing two images that share a base reads the shared layers once.
 *
 * <p>The cache lives as long as the reader and holds every layer's entry list (not file
 * contents), so use one reader per task: per comparison, per SBOM. Thread-safe; nothing is ever
 * written to disk.
 */
public final class ImageReader {
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String DOCKER_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";
    /** Manifests, indexes and configs are small; a bigger one is hostile. */
    static final int MAX_METADATA_BYTES = 16 << 20;
    private static final int MAX_INDEX_DEPTH = 4;
    private static final Pattern HEX64_NAME = Pattern.compile("(?:^|/)([0-9a-f]{64})(?:\\.json)?$");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReadOptions options;
    private final String hostPlatform;
    private final LayerScanner scanner;
    private final Map<String, CompletableFuture<LayerContents>> layerCache = new ConcurrentHashMap<>();
    private final AtomicInteger layersScanned = new AtomicInteger();

    public ImageReader(ReadOptions options) {
        this(options, Platforms.host());
    }

    /**
     * @param hostPlatform the platform taken from a multi-platform index when none is requested
     *     and there is more than one ("linux/amd64"); the other constructor uses the JVM's
     */
    public ImageReader(ReadOptions options, String hostPlatform) {
        this.options = options;
        this.hostPlatform = hostPlatform;
        this.scanner = new LayerScanner(options);
    }

    /** How many layer blobs this reader has actually streamed (cache hits not counted). */
    public int layersScanned() {
        return layersScanned.get();
    }

    /** A layer to read: where its blob is and what it must hash to. */
    private record LayerRef(BlobStore.Blob blob, String declaredDigest, long declaredSize, String mediaType) {}

    /** What the manifest step found before any layer is read. */
    private record Located(String manifestDigest, String indexDigest, String configDigest, byte[] configBytes,
            List<LayerRef> layers) {}

    /**
     * Read an image. The format is detected: a directory with index.json is an OCI layout; a tar
     * with manifest.json is a docker-archive (read through its index.json when Docker 25+ wrote
     * one); a tar with index.json only is an OCI archive.
     */
    public Image read(Path source) throws ImageReadException {
        if (!Files.exists(source)) {
            throw new ImageReadException(source + ": no such file or directory");
        }
        try (BlobStore store = Files.isDirectory(source) ? new DirectoryBlobStore(source) : openTar(source)) {
            ImageFormat format = detect(store, source);
            return assemble(source, format, locate(store, source, format));
        } catch (IOException e) {
            throw new ImageReadException(source + ": " + LayerScanner.message(e), e);
        } catch (RuntimeException e) {
            throw new ImageReadException(source + ": unreadable image: " + LayerScanner.message(e), e);
        }
    }

    private static ImageFormat detect(BlobStore store, Path source) throws IOException, ImageReadException {
        Set<String> names = store.names();
        if (store instanceof DirectoryBlobStore) {
            if (!names.contains("index.json")) {
                throw new ImageReadException(source + ": not an OCI image layout: no index.json");
            }
            return ImageFormat.OCI_LAYOUT;
        }
        if (names.contains("manifest.json")) {
            return ImageFormat.DOCKER_ARCHIVE;
        }
        if (names.contains("index.json")) {
            return ImageFormat.OCI_ARCHIVE;
        }
        throw new ImageReadException(source + ": not a container image: the archive has neither"
                + " manifest.json (docker-archive) nor index.json (OCI)");
    }

    private Located locate(BlobStore store, Path source, ImageFormat format) throws IOException, ImageReadException {
        boolean legacy = format == ImageFormat.DOCKER_ARCHIVE && !store.names().contains("index.json");
        return legacy ? locateLegacy(store, source) : locateOci(store, source);
    }

    /**
     * The bytes of some files of an image this reader (or one with the same platform choice)
     * read before, without reading the whole image again: only the layers that wrote those
     * files are streamed, nothing else is hashed, and each file's bytes are checked against the
     * SHA-256 recorded in {@code image.files()}. For a second look at a few files (e.g. .pyc
     * headers that differ between two builds) after a first pass that captured none.
     *
     * @param paths normalised absolute paths; ones that are absent, not regular files or hard
     *     links, or larger than {@link ReadOptions#maxCaptureBytes()} are left out of the result
     * @return path → content, for the paths found
     * @throws ImageReadException when the source cannot be read, no longer holds the same image,
     *     or a file's bytes no longer match its recorded digest
     */
    public Map<String, byte[]> readContent(Image image, Collection<String> paths) throws ImageReadException {
        Path source = image.source();
        // per layer: path in that layer's tar → the SHA-256 wanted from it
        Map<Integer, Map<String, String>> wanted = new TreeMap<>();
        Map<String, String> origin = new HashMap<>();
        for (String path : paths) {
            Optional<FileEntry> found = image.files().get(path);
            if (found.isEmpty() || found.get().size() > options.maxCaptureBytes()) {
                continue;
            }
            FileEntry e = found.get();
            if (e.type() == FileType.REGULAR) {
                wanted.computeIfAbsent(e.layerIndex(), k -> new HashMap<>()).put(path, e.sha256());
                origin.put(path, path);
            } else if (e.type() == FileType.HARDLINK && e.sha256() != null) {
                // the content is the target's as it was when the link was made: where the target
                // still holds it, take it from there; else look in every layer up to the link's
                Optional<FileEntry> target = image.files().get(e.linkTarget())
                        .filter(t -> t.type() == FileType.REGULAR && e.sha256().equals(t.sha256()));
                int from = target.map(FileEntry::layerIndex).orElse(0);
                int to = target.map(FileEntry::layerIndex).orElse(e.layerIndex());
                for (int layer = from; layer <= to; layer++) {
                    wanted.computeIfAbsent(layer, k -> new HashMap<>()).put(e.linkTarget(), e.sha256());
                }
                origin.put(path, e.linkTarget());
            }
        }
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<String, byte[]> bySha = new HashMap<>();
        try (BlobStore store = Files.isDirectory(source) ? new DirectoryBlobStore(source) : openTar(source)) {
            Located located = locate(store, source, detect(store, source));
            if (!located.configDigest().equals(image.configDigest())) {
                throw new ImageReadException(source + ": no longer holds image " + image.configDigest()
                        + " (found " + located.configDigest() + ")");
            }
            for (Map.Entry<Integer, Map<String, String>> w : wanted.entrySet()) {
                int layer = w.getKey();
                String label = source + ": layer " + layer + " (blob " + image.layers().get(layer).digest() + ")";
                Map<String, byte[]> got = scanner.capture(located.layers().get(layer).blob(), w.getValue(), label);
                for (Map.Entry<String, byte[]> g : got.entrySet()) {
                    bySha.put(g.getKey() + "\0" + w.getValue().get(g.getKey()), g.getValue());
                }
            }
        } catch (IOException e) {
            throw new ImageReadException(source + ": " + LayerScanner.message(e), e);
        } catch (RuntimeException e) {
            throw new ImageReadException(source + ": unreadable image: " + LayerScanner.message(e), e);
        }
        Map<String, byte[]> out = new TreeMap<>(PathNames::compare);
        for (Map.Entry<String, String> o : origin.entrySet()) {
            FileEntry e = image.files().get(o.getKey()).orElseThrow();
            byte[] bytes = bySha.get(o.getValue() + "\0" + e.sha256());
            if (bytes == null) {
                throw new ImageReadException(source + ": " + o.getKey() + " was not found again in layer "
                        + e.layerIndex() + " with SHA-256 " + e.sha256() + "; the image changed since it was read");
            }
            out.put(o.getKey(), bytes);
        }
        return out;
    }

    private static BlobStore openTar(Path source) throws IOException, ImageReadException {
        try (InputStream in = Files.newInputStream(source)) {
            byte[] magic = in.readNBytes(4);
            if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                throw new ImageReadException(source + ": a gzip-compressed archive; decompress it first"
                        + " (gunzip) so its layers can be read by offset");
            }
            if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5) {
                throw new ImageReadException(source + ": a zstd-compressed archive; decompress it first (unzstd)");
            }
        }
        return TarBlobStore.open(source);
    }

    // ---------------------------------------------------------------- locating the image

    private Located locateLegacy(BlobStore store, Path source) throws IOException, ImageReadException {
        JsonNode manifest = parse(readMetadata(store, "manifest", "manifest.json", null, -1), "manifest.json");
        if (!manifest.isArray() || manifest.isEmpty()) {
            throw new ImageReadException(source + ": manifest.json lists no image");
        }
        if (manifest.size() > 1) {
            List<String> tags = new ArrayList<>();
            for (JsonNode m : manifest) {
                tags.add(m.path("RepoTags").toString());
            }
            throw new ImageReadException(source + ": the archive holds " + manifest.size() + " images " + tags
                    + "; save one image per archive");
        }
        JsonNode m = manifest.get(0);
        String configName = text(m, "Config");
        if (configName == null) {
            throw new ImageReadException(source + ": manifest.json has no Config");
        }
        byte[] config = readMetadata(store, "config", configName, nameDigest(configName), -1);
        List<LayerRef> layers = new ArrayList<>();
        for (JsonNode l : m.path("Layers")) {
            String name = l.asText();
            BlobStore.Blob blob = store.find(name).orElseThrow(() -> new ImageReadException(
                    source + ": manifest.json names layer " + name + ", which is not in the archive (missing blob)"));
            layers.add(new LayerRef(blob, nameDigest(name), -1, null));
        }
        return new Located(null, null, Digests.of(config), config, layers);
    }

    /** A digest implied by a content-addressed name ("blobs/sha256/&lt;hex&gt;", "&lt;hex&gt;.json"). */
    private static String nameDigest(String name) {
        Matcher m = HEX64_NAME.matcher(BlobStore.normalizeName(name));
        if (!m.find()) {
            return null;
        }
        String n = BlobStore.normalizeName(name);
        boolean blobPath = n.startsWith("blobs/sha256/");
        boolean legacyConfig = !n.contains("/") && n.endsWith(".json");
        return blobPath || legacyConfig ? "sha256:" + m.group(1) : null;
    }

    /** An image manifest reachable from index.json, with the platform its descriptor declares. */
    private record Candidate(JsonNode descriptor, String digest, Platforms.Platform platform, String refName,
            String indexDigest) {}

    private Located locateOci(BlobStore store, Path source) throws IOException, ImageReadException {
        JsonNode index = parse(readMetadata(store, "index", "index.json", null, -1), "index.json");
        List<Candidate> candidates = new ArrayList<>();
        collect(store, index, "index.json", null, candidates, 0);
        Candidate chosen = choose(store, source, candidates);
        String manifestDigest = chosen.digest();
        JsonNode manifest = parse(readMetadata(store, "manifest", blobName(manifestDigest), manifestDigest,
                chosen.descriptor().path("size").asLong(-1)), "manifest " + manifestDigest);
        String mediaType = text(manifest, "mediaType");
        if (DOCKER_SCHEMA1.equals(mediaType) || manifest.path("schemaVersion").asInt() == 1) {
            throw new ImageReadException(source + ": manifest " + manifestDigest
                    + " is Docker schema 1, which has no config or diff_ids; re-save the image");
        }
        JsonNode configDescriptor = manifest.path("config");
        String configDigest = descriptorDigest(configDescriptor, "config of manifest " + manifestDigest);
        byte[] config = readMetadata(store, "config", blobName(configDigest), configDigest,
                configDescriptor.path("size").asLong(-1));
        List<LayerRef> layers = new ArrayList<>();
        for (JsonNode d : manifest.path("layers")) {
            String digest = descriptorDigest(d, "a layer of manifest " + manifestDigest);
            BlobStore.Blob blob = store.find(blobName(digest)).orElseThrow(() -> new ImageReadException(
                    source + ": manifest " + manifestDigest + " names layer blob " + digest
                            + ", which is not in the image (missing blob)"));
            layers.add(new LayerRef(blob, digest, d.path("size").asLong(-1), text(d, "mediaType")));
        }
        return new Located(manifestDigest, chosen.indexDigest(), configDigest, config, layers);
    }

    private void collect(BlobStore store, JsonNode index, String where, String indexDigest, List<Candidate> out,
            int depth) throws IOException, ImageReadException {
        if (depth > MAX_INDEX_DEPTH) {
            throw new ImageReadException(where + ": image indexes nested more than " + MAX_INDEX_DEPTH + " deep");
        }
        for (JsonNode d : index.path("manifests")) {
            String mediaType = text(d, "mediaType");
            String digest = descriptorDigest(d, "an entry of " + where);
            if (OCI_INDEX.equals(mediaType) || DOCKER_LIST.equals(mediaType)) {
                JsonNode nested = parse(readMetadata(store, "index", blobName(digest), digest, d.path("size").asLong(-1)),
                        "index " + digest);
                collect(store, nested, "index " + digest, digest, out, depth + 1);
                continue;
            }
            if (mediaType != null && !OCI_MANIFEST.equals(mediaType) && !DOCKER_MANIFEST.equals(mediaType)
                    && !DOCKER_SCHEMA1.equals(mediaType)) {
                continue; // artifacts and other non-image manifests
            }
            if ("attestation-manifest".equals(d.path("annotations").path("vnd.docker.reference.type").asText())) {
                continue;
            }
            JsonNode p = d.path("platform");
            Platforms.Platform platform = null;
            if (p.isObject() && text(p, "os") != null && text(p, "architecture") != null) {
                if ("unknown".equals(text(p, "os"))) {
                    continue; // BuildKit's provenance/SBOM attachments
                }
                platform = new Platforms.Platform(text(p, "os"), Platforms.normalizeArch(text(p, "architecture")),
                        text(p, "variant"));
            }
            String ref = d.path("annotations").path("org.opencontainers.image.ref.name").asText(null);
            out.add(new Candidate(d, digest, platform, ref, indexDigest));
        }
    }

    private Candidate choose(BlobStore store, Path source, List<Candidate> candidates)
            throws IOException, ImageReadException {
        if (candidates.isEmpty()) {
            throw new ImageReadException(source + ": index.json lists no image manifest");
        }
        List<Candidate> pool = candidates;
        if (options.platform() != null) {
            Platforms.Platform want;
            try {
                want = Platforms.Platform.parse(options.platform());
            } catch (IllegalArgumentException e) {
                throw new ImageReadException(e.getMessage());
            }
            List<Candidate> matches = new ArrayList<>();
            for (Candidate c : candidates) {
                Platforms.Platform p = platformOf(store, c);
                if (p != null && want.accepts(p)) {
                    matches.add(c);
                }
            }
            if (matches.isEmpty()) {
                throw new ImageReadException(source + ": no image for platform " + want + "; available: "
                        + available(store, candidates));
            }
            pool = matches;
        }
        pool = distinct(pool);
        if (pool.size() == 1) {
            return pool.get(0);
        }
        // docker save (containerd store) keeps only some platforms' blobs: prefer the stored ones
        List<Candidate> present = new ArrayList<>();
        for (Candidate c : pool) {
            if (store.find(blobName(c.digest())).isPresent()) {
                present.add(c);
            }
        }
        if (present.size() == 1) {
            return present.get(0);
        }
        if (!present.isEmpty()) {
            pool = present;
        }
        if (options.platform() == null) {
            Platforms.Platform host = Platforms.Platform.parse(hostPlatform);
            List<Candidate> hostMatches = new ArrayList<>();
            for (Candidate c : pool) {
                Platforms.Platform p = platformOf(store, c);
                if (p != null && host.accepts(p)) {
                    hostMatches.add(c);
                }
            }
            if (hostMatches.size() == 1) {
                return hostMatches.get(0);
            }
            if (hostMatches.isEmpty()) {
                throw new ImageReadException(source + ": the index holds images for several platforms and none is"
                        + " this host's (" + host + "); choose one with --platform. Available: "
                        + available(store, pool));
            }
            pool = hostMatches;
        }
        String platform = options.platform() != null ? options.platform() : hostPlatform;
        throw new ImageReadException(source + ": the index holds " + pool.size() + " different images for "
                + platform + "; available: " + available(store, pool));
    }

    private static List<Candidate> distinct(List<Candidate> pool) {
        Map<String, Candidate> byDigest = new java.util.LinkedHashMap<>();
        for (Candidate c : pool) {
            byDigest.putIfAbsent(c.digest(), c);
        }
        return new ArrayList<>(byDigest.values());
    }

    private String available(BlobStore store, List<Candidate> candidates) throws IOException {
        Set<String> list = new LinkedHashSet<>();
        for (Candidate c : candidates) {
            Platforms.Platform p = platformOf(store, c);
            String s = p == null ? "unknown platform" : p.toString();
            if (c.refName() != null) {
                s += " (" + c.refName() + ")";
            }
            list.add(s + " " + c.digest());
        }
        return String.join(", ", list);
    }

    /** The descriptor's platform, else the one in the manifest's config when both are stored. */
    private Platforms.Platform platformOf(BlobStore store, Candidate c) throws IOException {
        if (c.platform() != null) {
            return c.platform();
        }
        try {
            JsonNode manifest = parse(readMetadata(store, "manifest", blobName(c.digest()), c.digest(), -1), "manifest");
            String configDigest = descriptorDigest(manifest.path("config"), "config");
            JsonNode config = parse(readMetadata(store, "config", blobName(configDigest), configDigest, -1), "config");
            String os = text(config, "os");
            String arch = text(config, "architecture");
            return os == null || arch == null ? null
                    : new Platforms.Platform(os, Platforms.normalizeArch(arch), text(config, "variant"));
        } catch (ImageReadException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- layers and assembly

    private Image assemble(Path source, ImageFormat format, Located located) throws ImageReadException {
        JsonNode config = parse(located.configBytes(), "config " + located.configDigest());
        if (!config.isObject()) {
            throw new ImageReadException(source + ": config " + located.configDigest() + " is not a JSON object");
        }
        List<String> diffIds = new ArrayList<>();
        for (JsonNode d : config.path("rootfs").path("diff_ids")) {
            String id = d.asText();
            if (!Digests.isSha256(id)) {
                throw new ImageReadException(source + ": config lists diff_id \"" + LayerScanner.printable(id)
                        + "\", which is not a sha256 digest");
            }
            diffIds.add(id);
        }
        if (diffIds.size() != located.layers().size()) {
            throw new ImageReadException(source + ": the manifest names " + located.layers().size()
                    + " layers but the config lists " + diffIds.size() + " diff_ids");
        }
        for (int i = 0; i < located.layers().size(); i++) {
            LayerRef ref = located.layers().get(i);
            if (ref.declaredSize() >= 0 && ref.declaredSize() != ref.blob().size()) {
                throw new ImageReadException(source + ": layer " + i + " (blob " + ref.declaredDigest()
                        + "): the manifest says " + ref.declaredSize() + " bytes but " + ref.blob().size()
                        + " are stored (truncated or replaced blob)");
            }
        }
        List<LayerContents> contents = readLayers(source, located.layers(), diffIds);
        List<String> createdBy = historyByLayer(config, contents.size());
        List<Layer> layers = new ArrayList<>();
        TreeMerger merger = new TreeMerger();
        for (int i = 0; i < contents.size(); i++) {
            LayerRef ref = located.layers().get(i);
            LayerContents c = contents.get(i);
            String digest = ref.declaredDigest() != null ? ref.declaredDigest() : c.digest();
            layers.add(new Layer(digest, diffIds.get(i), ref.mediaType(), ref.blob().size(), createdBy.get(i)));
            merger.apply(i, c.operations(), source + ": layer " + i + " (blob " + digest + ")");
        }
        String platform = text(config, "os") == null || text(config, "architecture") == null ? null
                : text(config, "os") + "/" + text(config, "architecture")
                        + (text(config, "variant") == null ? "" : "/" + text(config, "variant"));
        return new Image(source, format, located.manifestDigest(), located.indexDigest(), platform,
                located.configDigest(), config, layers, merger.finish());
    }

    private static List<String> historyByLayer(JsonNode config, int layerCount) {
        List<String> out = new ArrayList<>();
        for (JsonNode h : config.path("history")) {
            if (!h.path("empty_layer").asBoolean(false)) {
                out.add(h.hasNonNull("created_by") ? h.get("created_by").asText() : null);
            }
        }
        while (out.size() < layerCount) {
            out.add(null);
        }
        return out.subList(0, layerCount);
    }

    private static String cacheKey(String diffId, String digest) {
        return diffId + "|" + (digest == null ? diffId : digest);
    }

    private List<LayerContents> readLayers(Path source, List<LayerRef> refs, List<String> diffIds)
            throws ImageReadException {
        List<CompletableFuture<LayerContents>> futures = new ArrayList<>();
        List<Runnable> tasks = new ArrayList<>();
        Map<String, CompletableFuture<LayerContents>> owned = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            LayerRef ref = refs.get(i);
            String diffId = diffIds.get(i);
            String key = cacheKey(diffId, ref.declaredDigest());
            CompletableFuture<LayerContents> mine = new CompletableFuture<>();
            CompletableFuture<LayerContents> known = layerCache.putIfAbsent(key, mine);
            if (known != null) {
                futures.add(known);
                continue;
            }
            futures.add(mine);
            owned.put(key, mine);
            String label = source + ": layer " + i + " (blob "
                    + (ref.declaredDigest() != null ? ref.declaredDigest() : ref.blob().name()) + ")";
            tasks.add(() -> {
                try {
                    layersScanned.incrementAndGet();
                    mine.complete(scanner.scan(ref.blob(), ref.declaredDigest(), diffId, label));
                } catch (Throwable t) {
                    layerCache.remove(key, mine);
                    mine.completeExceptionally(t);
                }
            });
        }
        ExecutorService pool = null;
        try {
            if (tasks.size() == 1) {
                tasks.get(0).run();
            } else if (tasks.size() > 1) {
                int threads = Math.min(tasks.size(), Runtime.getRuntime().availableProcessors());
                AtomicInteger n = new AtomicInteger();
                pool = Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "strata-layer-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                for (Runnable t : tasks) {
                    pool.execute(t);
                }
            }
            List<LayerContents> out = new ArrayList<>();
            for (CompletableFuture<LayerContents> f : futures) {
                out.add(await(f));
            }
            return out;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
                try {
                    pool.awaitTermination(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // layers that never started (another failed first) must not stay cached as pending
            for (Map.Entry<String, CompletableFuture<LayerContents>> o : owned.entrySet()) {
                if (o.getValue().completeExceptionally(new ImageReadException("layer read abandoned"))) {
                    layerCache.remove(o.getKey(), o.getValue());
                }
            }
        }
    }

    private static LayerContents await(CompletableFuture<LayerContents> f) throws ImageReadException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageReadException("interrupted while reading layers", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ImageReadException ire) {
                throw ire;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new ImageReadException("reading a layer failed: " + LayerScanner.message(c), c);
        }
    }

    /**
     * The entries of one layer in tar order, as this reader saw them when it read an image that
     * holds the layer (for per-layer views such as "which layer added this file").
     *
     * @param layerIndex the index to put in each {@link FileEntry#layerIndex()}
     * @return empty when this reader has not read the layer
     */
    public Optional<List<LayerChange>> layerChanges(Layer layer, int layerIndex) {
        CompletableFuture<LayerContents> f = layerCache.get(cacheKey(layer.diffId(), layer.digest()));
        if (f == null) {
            f = layerCache.get(cacheKey(layer.diffId(), null));
        }
        if (f == null || !f.isDone() || f.isCompletedExceptionally()) {
            return Optional.empty();
        }
        List<Node> ops = f.join().operations();
        List<LayerChange> out = new ArrayList<>(ops.size());
        for (Node n : ops) {
            if (n.kind == Node.WHITEOUT) {
                out.add(new LayerChange(LayerChange.Kind.WHITEOUT, n.path, null));
            } else if (n.kind == Node.OPAQUE) {
                out.add(new LayerChange(LayerChange.Kind.OPAQUE, n.path, null));
            } else {
                out.add(new LayerChange(LayerChange.Kind.ADD, n.path, n.toEntry(layerIndex)));
            }
        }
        return Optional.of(out);
    }

    // ---------------------------------------------------------------- metadata helpers

    private static String blobName(String digest) {
        return "blobs/sha256/" + Digests.hex(digest);
    }

    private static String descriptorDigest(JsonNode descriptor, String what) throws ImageReadException {
        String digest = text(descriptor, "digest");
        if (digest == null) {
            throw new ImageReadException(what + ": descriptor has no digest");
        }
        if (!Digests.isSha256(digest)) {
            throw new ImageReadException(what + ": unsupported or malformed digest \""
                    + LayerScanner.printable(digest) + "\" (only sha256 is supported)");
        }
        return digest;
    }

    /**
     * Read a small JSON file, checking its digest and size when known.
     *
     * @param kind what it is, for messages: "manifest", "index" or "config"
     */
    private static byte[] readMetadata(BlobStore store, String kind, String name, String digest, long declaredSize)
            throws IOException, ImageReadException {
        String what = digest == null ? name : kind + " blob " + digest + " (" + name + ")";
        BlobStore.Blob blob = store.find(name).orElseThrow(() -> new ImageReadException(
                store + ": " + what + " is named but not in the image (missing blob)"));
        if (blob.size() > MAX_METADATA_BYTES) {
            throw new ImageReadException(store + ": " + name + " is " + blob.size() + " bytes, more than the "
                    + MAX_METADATA_BYTES + " a manifest, index or config may have");
        }
        byte[] bytes;
        try (InputStream in = blob.open()) {
            bytes = in.readAllBytes();
        }
        if (declaredSize >= 0 && declaredSize != bytes.length) {
            throw new ImageReadException(store + ": " + what + ": the descriptor says " + declaredSize
                    + " bytes but " + bytes.length + " are stored");
        }
        if (digest != null) {
            String actual = Digests.of(bytes);
            if (!actual.equals(digest)) {
                throw LayerScanner.digestMismatch(store + ": " + what, digest, actual);
            }
        }
        return bytes;
    }

    private static JsonNode parse(byte[] bytes, String what) throws ImageReadException {
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || n.isMissingNode()) {
                throw new ImageReadException(what + ": empty JSON document");
            }
            return n;
        } catch (IOException e) {
            throw new ImageReadException(what + ": not valid JSON: " + firstLine(LayerScanner.message(e)));
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }
}
