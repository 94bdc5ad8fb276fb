package dev.strata.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data layer. Locked: content-addressed or checksummed data (SHA-2 checksum manifests, DVC files
 * and dvc.lock with hashes, datapackage.json whose resources all carry a hash, git-lfs). Partial:
 * weaker or incomplete evidence (MD5/SHA-1 manifests, unhashed datapackage resources, listed
 * files with no hash) or data downloaded by code with no checksum check nearby. Missing: a data
 * directory with files and none of the above. Not applicable: no data evidence at all.
 */
final class DataLayer {

    /** Calls and commands that fetch something from the network. */
    static final Pattern DOWNLOAD = Pattern.compile(
            "(urlretrieve\\(|requests\\.get\\(|urlopen\\(|(?<![\\w-])wget(?![\\w-])|(?<![\\w-])curl(?![\\w-])"
                    + "|download\\.file\\(|gdown|get_file\\(|hf_hub_download\\(|download_url\\(|pooch\\.retrieve\\("
                    + "|httr::GET\\(|curl_download\\(|Downloads\\.download\\()");

    private static final Pattern URL = Pattern.compile("(?:https?|ftp|s3|gs)://[^\\s\"'()<>]+");

    /** Words (lower case) that show a checksum is verified. */
    private static final List<String> CHECK_WORDS = List.of("sha256", "sha512", "sha1", "md5", "hashlib", "checksum",
            "known_hash", "file_hash", "digest(", "verify_hash");

    /**
     * Literal fragments of which a {@link #DOWNLOAD} match needs one: checked with
     * {@link String#indexOf} first, because a regex with many alternatives tries each at every
     * position and is slow on large source trees.
     */
    private static final List<String> DOWNLOAD_HINTS = List.of("retrieve(", "requests.get(", "urlopen(", "wget", "curl",
            "download", "gdown", "get_file(", "GET(");

    static final Set<String> DATA_DIRECTORIES = Set.of("data", "datasets", "dataset", "raw_data", "inputs");

    private static final int NEARBY_LINES = 20;

    private DataLayer() {}

    static LayerResult analyze(ProjectFiles files) {
        List<Evidence> strong = new ArrayList<>();
        List<Evidence> weak = new ArrayList<>();
        checksumManifests(files, strong, weak);
        dvc(files, strong, weak);
        datapackage(files, strong, weak);
        lfs(files, strong);
        List<Evidence> downloads = unverifiedDownloads(files);
        List<String> dataFiles = files.files().stream()
                .filter(f -> DATA_DIRECTORIES.contains(f.contains("/") ? f.substring(0, f.indexOf('/')) : ""))
                .filter(f -> !isPlaceholder(f))
                .toList();
        List<Evidence> evidence = new ArrayList<>(strong);
        evidence.addAll(weak);
        evidence.addAll(downloads);
        LayerStatus status;
        if (strong.isEmpty() && weak.isEmpty() && downloads.isEmpty()) {
            if (dataFiles.isEmpty()) {
                status = LayerStatus.NOT_APPLICABLE;
                evidence.add(new Evidence("", 0, "no data files, data manifests or data downloads found"));
            } else {
                status = LayerStatus.MISSING;
                evidence.add(new Evidence(dataFiles.get(0), 0, dataFiles.size()
                        + " data file(s) with no checksum manifest, DVC tracking or git-lfs"));
            }
        } else if (!strong.isEmpty() && weak.isEmpty() && downloads.isEmpty()) {
            status = LayerStatus.LOCKED;
        } else {
            status = LayerStatus.PARTIAL;
        }
        return new LayerResult(Layer.DATA, status, evidence);
    }

    private static boolean isPlaceholder(String f) {
        String name = ProjectFiles.fileName(f).toLowerCase(Locale.ROOT);
        return name.equals(".gitkeep") || name.equals(".keep") || name.startsWith("readme") || name.equals(".gitignore")
                || name.endsWith(".dvc") || ChecksumManifest.isManifestName(name);
    }

    private static void checksumManifests(ProjectFiles files, List<Evidence> strong, List<Evidence> weak) {
        for (String file : files.named(ChecksumManifest::isManifestName)) {
            String text = files.read(file).orElse(null);
            if (text == null) {
                continue;
            }
            ChecksumManifest manifest = ChecksumManifest.parse(file, text);
            if (manifest.entries().isEmpty()) {
                weak.add(new Evidence(file, 0, "checksum manifest lists no checksum lines"));
                continue;
            }
            int missing = 0;
            ChecksumManifest.Entry firstMissing = null;
            boolean weakAlgorithm = false;
            for (ChecksumManifest.Entry entry : manifest.entries()) {
                String listed = ProjectFiles.resolveSibling(file, entry.path());
                if (listed == null || !files.exists(listed)) {
                    missing++;
                    if (firstMissing == null) {
                        firstMissing = entry;
                    }
                }
                weakAlgorithm |= entry.algorithm().equals("md5") || entry.algorithm().equals("sha1");
            }
            String algorithms = String.join("/", manifest.entries().stream().map(ChecksumManifest.Entry::algorithm)
                    .distinct().toList());
            String statement = algorithms + " checksums for " + manifest.entries().size() + " file(s)";
            if (weakAlgorithm) {
                weak.add(new Evidence(file, manifest.entries().get(0).line(), statement
                        + "; MD5/SHA-1 are weak (collisions are practical): use SHA-256"));
            } else {
                strong.add(new Evidence(file, manifest.entries().get(0).line(), statement));
            }
            if (firstMissing != null) {
                // Data fetched at run time and verified against the list is fine; say so plainly.
                (weakAlgorithm ? weak : strong).add(new Evidence(file, firstMissing.line(), missing + " listed file(s) not in the repository (first: "
                        + firstMissing.path() + "); they must be fetched before the checksums are checked"));
            }
        }
    }

    private static void dvc(ProjectFiles files, List<Evidence> strong, List<Evidence> weak) {
        for (String file : files.files()) {
            boolean dvcFile = file.endsWith(".dvc") && !file.startsWith(".dvc/");
            boolean lock = ProjectFiles.fileName(file).equals("dvc.lock");
            if (!dvcFile && !lock) {
                continue;
            }
            String text = files.read(file).orElse(null);
            if (text == null) {
                continue;
            }
            Node root;
            try {
                root = LocatedTree.yaml(file, text);
            } catch (ProjectParseException e) {
                weak.add(new Evidence(file, e.line(), "DVC file is not valid YAML"));
                continue;
            }
            List<Node> outs = new ArrayList<>(root.at("outs").map(Node::asList).orElse(List.of()));
            root.at("stages").flatMap(Node::asMap).ifPresent(stages -> stages.entries().values()
                    .forEach(stage -> outs.addAll(stage.at("outs").map(Node::asList).orElse(List.of()))));
            int hashed = 0;
            Node unhashed = null;
            for (Node out : outs) {
                boolean has = out.at("md5").isPresent() || out.at("etag").isPresent() || out.at("checksum").isPresent()
                        || out.at("sha256").isPresent();
                if (has) {
                    hashed++;
                } else if (unhashed == null) {
                    unhashed = out;
                }
            }
            if (outs.isEmpty()) {
                continue;
            }
            if (unhashed == null) {
                strong.add(new Evidence(file, outs.get(0).line(), "DVC tracks " + hashed + " output(s) by content hash"));
            } else {
                weak.add(new Evidence(file, unhashed.line(), "DVC output without a recorded hash (" + hashed + " of "
                        + outs.size() + " hashed): run dvc commit"));
            }
        }
    }

    private static void datapackage(ProjectFiles files, List<Evidence> strong, List<Evidence> weak) {
        for (String file : files.named(n -> n.equals("datapackage.json"))) {
            String text = files.read(file).orElse(null);
            if (text == null) {
                continue;
            }
            Node root;
            try {
                root = LocatedTree.json(file, text);
            } catch (ProjectParseException e) {
                weak.add(new Evidence(file, e.line(), "datapackage.json is not valid JSON"));
                continue;
            }
            List<Node> resources = root.at("resources").map(Node::asList).orElse(List.of());
            Node unhashed = resources.stream().filter(r -> r.at("hash").flatMap(Node::text).isEmpty()).findFirst().orElse(null);
            if (resources.isEmpty()) {
                weak.add(new Evidence(file, root.line(), "datapackage.json lists no resources"));
            } else if (unhashed == null) {
                strong.add(new Evidence(file, resources.get(0).line(), "datapackage.json: all " + resources.size()
                        + " resource(s) carry a hash"));
            } else {
                weak.add(new Evidence(file, unhashed.line(), "datapackage.json resource without a hash"));
            }
        }
    }

    private static void lfs(ProjectFiles files, List<Evidence> strong) {
        for (String file : files.named(n -> n.equals(".gitattributes"))) {
            String text = files.read(file).orElse(null);
            if (text == null) {
                continue;
            }
            List<String> lines = RequirementsLineParser.physicalLines(text);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.startsWith("#") && line.contains("filter=lfs")) {
                    strong.add(new Evidence(file, i + 1, "git-lfs tracks " + line.split("\\s+")[0]
                            + " (content addressed by SHA-256)"));
                    break;
                }
            }
        }
    }

    private static boolean mentionsChecksum(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (String word : CHECK_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Download calls on a URL with no checksum word within {@value #NEARBY_LINES} lines. */
    static List<Evidence> unverifiedDownloads(ProjectFiles files) {
        List<Evidence> out = new ArrayList<>();
        for (String file : CodeFiles.all(files)) {
            String text = files.read(file).orElse(null);
            if (text == null) {
                continue;
            }
            List<String> lines = RequirementsLineParser.physicalLines(text);
            int lastUrlLine = -100;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String code = line.strip();
                if (code.startsWith("#") || code.startsWith("//")) {
                    continue;
                }
                boolean url = line.contains("://") && URL.matcher(line).find();
                if (url) {
                    lastUrlLine = i;
                }
                if (!url && i - lastUrlLine > 5 || DOWNLOAD_HINTS.stream().noneMatch(line::contains)) {
                    continue;
                }
                Matcher call = DOWNLOAD.matcher(line);
                if (!call.find()) {
                    continue;
                }
                // Downloads are rare, so looking at the window around each one keeps the scan linear.
                int from = Math.max(0, i - NEARBY_LINES);
                int to = Math.min(lines.size(), i + NEARBY_LINES + 1);
                boolean checked = false;
                for (int k = from; k < to && !checked; k++) {
                    checked = mentionsChecksum(lines.get(k));
                }
                if (checked) {
                    continue;
                }
                Matcher u = URL.matcher(line);
                String target = u.find() ? " " + u.group() : "";
                out.add(new Evidence(file, i + 1, "data downloaded by code (" + call.group(1).replace("(", "")
                        + target + ") with no checksum check nearby"));
                if (out.size() >= 20) {
                    return out;
                }
            }
        }
        return out;
    }
}
