package dev.strata.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Parsers for language lock files. Each takes the file's name and text and returns a
 * {@link LockFile}; none throws: a syntax error gives an empty package list and a located
 * {@link ParseProblem}. Lines point at each entry's table header ({@code [[package]]}) or JSON
 * key.
 */
public final class LockFiles {

    private LockFiles() {}

    /** uv.lock: {@code [[package]]} with name, version, source, sdist/wheels hashes. */
    public static LockFile uvLock(String file, String text) {
        return tomlPackages(file, text, LockFormat.UV_LOCK, "package", (root, pkg) -> {
            List<String> hashes = new ArrayList<>();
            addHash(hashes, pkg.path("sdist").path("hash").asText(""));
            for (JsonNode wheel : pkg.path("wheels")) {
                addHash(hashes, wheel.path("hash").asText(""));
            }
            return new Entry(Toml.text(pkg, "version"), sourceOf(pkg.path("source")), hashes);
        }, root -> Toml.text(root, "requires-python"), root -> "");
    }

    /** poetry.lock: {@code [[package]]} with {@code files = [{file, hash}]} or legacy {@code [metadata.files]}. */
    public static LockFile poetryLock(String file, String text) {
        return tomlPackages(file, text, LockFormat.POETRY_LOCK, "package", (root, pkg) -> {
            List<String> hashes = new ArrayList<>();
            for (JsonNode f : pkg.path("files")) {
                addHash(hashes, f.path("hash").asText(""));
            }
            for (JsonNode f : root.path("metadata").path("files").path(Toml.text(pkg, "name"))) {
                addHash(hashes, f.path("hash").asText(""));
            }
            JsonNode source = pkg.path("source");
            String src = "";
            if (source.isObject()) {
                String type = Toml.text(source, "type");
                String resolved = Toml.text(source, "resolved_reference");
                src = type + "+" + Toml.text(source, "url") + (resolved.isEmpty() ? "" : "@" + resolved);
            }
            return new Entry(Toml.text(pkg, "version"), src, hashes);
        }, root -> Toml.text(root.path("metadata"), "python-versions"),
                root -> Toml.text(root.path("metadata"), "content-hash"));
    }

    /** pdm.lock: {@code [[package]]} with {@code files = [{file|url, hash}]}, {@code [metadata] content_hash}. */
    public static LockFile pdmLock(String file, String text) {
        return tomlPackages(file, text, LockFormat.PDM_LOCK, "package", (root, pkg) -> {
            List<String> hashes = new ArrayList<>();
            for (JsonNode f : pkg.path("files")) {
                addHash(hashes, f.path("hash").asText(""));
            }
            String src = !Toml.text(pkg, "git").isEmpty()
                    ? "git+" + Toml.text(pkg, "git") + "@" + Toml.text(pkg, "revision")
                    : !Toml.text(pkg, "path").isEmpty() ? "path+" + Toml.text(pkg, "path") : "";
            if (pkg.path("editable").asBoolean(false)) {
                src = "editable+" + Toml.text(pkg, "path");
            }
            return new Entry(Toml.text(pkg, "version"), src, hashes);
        }, root -> Toml.text(root, "requires_python"), root -> Toml.text(root.path("metadata"), "content_hash"));
    }

    /** PEP 751 pylock.toml: {@code [[packages]]} with wheels/sdist/archive hashes, vcs commit, directory. */
    public static LockFile pylock(String file, String text) {
        return tomlPackages(file, text, LockFormat.PYLOCK, "packages", (root, pkg) -> {
            List<String> hashes = new ArrayList<>();
            for (JsonNode wheel : pkg.path("wheels")) {
                addHashTable(hashes, wheel.path("hashes"));
            }
            addHashTable(hashes, pkg.path("sdist").path("hashes"));
            addHashTable(hashes, pkg.path("archive").path("hashes"));
            String src = "";
            JsonNode vcs = pkg.path("vcs");
            if (vcs.isObject()) {
                src = Toml.text(vcs, "type") + "+" + Toml.text(vcs, "url") + "@" + Toml.text(vcs, "commit-id");
            } else if (pkg.path("directory").isObject()) {
                src = "directory+" + Toml.text(pkg.path("directory"), "path");
            } else if (!Toml.text(pkg, "index").isEmpty()) {
                src = "registry+" + Toml.text(pkg, "index");
            }
            return new Entry(Toml.text(pkg, "version"), src, hashes);
        }, root -> Toml.text(root, "requires-python"), root -> "");
    }

    /** Pipfile.lock (JSON): {@code default}/{@code develop} maps with {@code version "==x"} and hashes. */
    public static LockFile pipfileLock(String file, String text) {
        Node root;
        try {
            root = LocatedTree.json(file, text);
        } catch (ProjectParseException e) {
            return failed(file, LockFormat.PIPFILE_LOCK, e.problem());
        }
        List<LockedPackage> packages = new ArrayList<>();
        for (String section : List.of("default", "develop")) {
            root.at(section).flatMap(Node::asMap).ifPresent(map -> map.entries().forEach((name, entry) -> {
                String version = entry.at("version").flatMap(Node::text).orElse("");
                if (version.startsWith("==")) {
                    version = version.substring(2);
                }
                List<String> hashes = new ArrayList<>();
                for (Node h : entry.at("hashes").map(Node::asList).orElse(List.of())) {
                    h.text().ifPresent(v -> addHash(hashes, v));
                }
                String src = entry.at("git").flatMap(Node::text).map(g -> "git+" + g + "@"
                        + entry.at("ref").flatMap(Node::text).orElse("")).orElse(
                        entry.at("path").flatMap(Node::text).map(p -> (entry.at("editable").isPresent() ? "editable+" : "path+") + p)
                                .orElse(entry.at("index").flatMap(Node::text).map(i -> "index+" + i).orElse("")));
                packages.add(new LockedPackage(file, map.keyLine(name), "pypi", name, version, src, "", hashes));
            }));
        }
        String hash = root.at("_meta").flatMap(m -> m.at("hash")).flatMap(h -> h.at("sha256")).flatMap(Node::text).orElse("");
        String python = root.at("_meta").flatMap(m -> m.at("requires")).flatMap(r -> r.at("python_version"))
                .flatMap(Node::text).orElse("");
        return new LockFile(file, LockFormat.PIPFILE_LOCK, packages, hash, python, List.of());
    }

    /** renv.lock (JSON): {@code R.Version} and {@code Packages} with Version, Source/Repository and Hash. */
    public static LockFile renvLock(String file, String text) {
        Node root;
        try {
            root = LocatedTree.json(file, text);
        } catch (ProjectParseException e) {
            return failed(file, LockFormat.RENV_LOCK, e.problem());
        }
        List<LockedPackage> packages = new ArrayList<>();
        root.at("Packages").flatMap(Node::asMap).ifPresent(map -> map.entries().forEach((name, entry) -> {
            List<String> hashes = new ArrayList<>();
            entry.at("Hash").flatMap(Node::text).filter(h -> !h.isEmpty()).ifPresent(h -> hashes.add("renv:" + h));
            String source = entry.at("Source").flatMap(Node::text).orElse("");
            String repo = entry.at("Repository").flatMap(Node::text)
                    .or(() -> entry.at("RemoteSha").flatMap(Node::text)).orElse("");
            packages.add(new LockedPackage(file, map.keyLine(name), "cran",
                    entry.at("Package").flatMap(Node::text).orElse(name),
                    entry.at("Version").flatMap(Node::text).orElse(""),
                    repo.isEmpty() ? source : source + "+" + repo, "", hashes));
        }));
        String r = root.at("R").flatMap(x -> x.at("Version")).flatMap(Node::text).orElse("");
        return new LockFile(file, LockFormat.RENV_LOCK, packages, "", r, List.of());
    }

    /**
     * Julia Manifest.toml, format 2 ({@code [[deps.Name]]}) or 1 ({@code [[Name]]}): version,
     * {@code git-tree-sha1} (a content hash) or {@code path}/{@code repo-rev}.
     */
    public static LockFile juliaManifest(String file, String text) {
        JsonNode root;
        try {
            root = Toml.read(file, text);
        } catch (ProjectParseException e) {
            return failed(file, LockFormat.JULIA_MANIFEST, e.problem());
        }
        boolean v2 = root.has("manifest_format") && root.path("deps").isObject();
        JsonNode deps = v2 ? root.path("deps") : root;
        Map<String, Integer> lines = Toml.namedHeaderLines(text, v2 ? "deps." : "");
        List<LockedPackage> packages = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = deps.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isArray()) {
                continue;
            }
            for (JsonNode entry : field.getValue()) {
                List<String> hashes = new ArrayList<>();
                String tree = Toml.text(entry, "git-tree-sha1");
                if (!tree.isEmpty()) {
                    hashes.add("git-tree-sha1:" + tree);
                }
                String src = !Toml.text(entry, "path").isEmpty() ? "path+" + Toml.text(entry, "path")
                        : !Toml.text(entry, "repo-url").isEmpty() ? "git+" + Toml.text(entry, "repo-url") + "@"
                        + Toml.text(entry, "repo-rev") : tree.isEmpty() ? "stdlib" : "registry";
                packages.add(new LockedPackage(file, lines.getOrDefault(field.getKey(), 0), "julia", field.getKey(),
                        Toml.text(entry, "version"), src, "", hashes));
            }
        }
        return new LockFile(file, LockFormat.JULIA_MANIFEST, packages, Toml.text(root, "project_hash"),
                Toml.text(root, "julia_version"), List.of());
    }

    /** A requirements file seen as a lock: each installed requirement with its pinned version and hashes. */
    public static LockFile fromRequirements(RequirementsFile requirements) {
        List<LockedPackage> packages = new ArrayList<>();
        for (Requirement r : requirements.installed()) {
            String src = r.url() == null ? "" : r.url();
            packages.add(new LockedPackage(r.file(), r.line(), "pypi", r.name(),
                    r.version() == null || r.kind() == RequirementKind.VCS ? "" : r.version(), src, "", r.hashes()));
        }
        return new LockFile(requirements.file(), LockFormat.REQUIREMENTS, packages, "", "", requirements.problems());
    }

    /** conda-lock or explicit spec as a lock; environment.yml is a manifest, not a lock (empty packages). */
    public static LockFile fromConda(CondaEnvironment env) {
        LockFormat format = env.format() == CondaEnvironment.Format.EXPLICIT ? LockFormat.CONDA_EXPLICIT : LockFormat.CONDA_LOCK;
        return new LockFile(env.file(), format, env.lockedPackages(), "", "", env.problems());
    }

    /** Version, source and hashes read from one TOML package table. */
    private record Entry(String version, String source, List<String> hashes) {}

    private interface EntryReader {
        Entry read(JsonNode root, JsonNode pkg);
    }

    private interface RootText {
        String read(JsonNode root);
    }

    private static LockFile tomlPackages(String file, String text, LockFormat format, String arrayName,
            EntryReader reader, RootText runtime, RootText contentHash) {
        JsonNode root;
        try {
            root = Toml.read(file, text);
        } catch (ProjectParseException e) {
            return failed(file, format, e.problem());
        }
        List<Integer> lines = Toml.headerLines(text, "[[" + arrayName + "]]");
        List<LockedPackage> packages = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        int index = 0;
        for (JsonNode pkg : root.path(arrayName)) {
            int line = Toml.lineAt(lines, index++);
            String name = Toml.text(pkg, "name");
            if (name.isEmpty()) {
                problems.add(new ParseProblem(file, line, 0, "package entry without a name"));
                continue;
            }
            Entry entry = reader.read(root, pkg);
            packages.add(new LockedPackage(file, line, "pypi", name, entry.version(), entry.source(), "", entry.hashes()));
        }
        return new LockFile(file, format, packages, contentHash.read(root), runtime.read(root), problems);
    }

    private static String sourceOf(JsonNode source) {
        if (!source.isObject()) {
            return "";
        }
        Iterator<Map.Entry<String, JsonNode>> it = source.properties().iterator();
        if (!it.hasNext()) {
            return "";
        }
        Map.Entry<String, JsonNode> first = it.next();
        return first.getKey() + "+" + first.getValue().asText("");
    }

    private static void addHash(List<String> hashes, String value) {
        if (value != null && !value.isEmpty() && !hashes.contains(value)) {
            hashes.add(value);
        }
    }

    private static void addHashTable(List<String> hashes, JsonNode table) {
        Iterator<Map.Entry<String, JsonNode>> it = table.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> h = it.next();
            addHash(hashes, h.getKey() + ":" + h.getValue().asText(""));
        }
    }

    private static LockFile failed(String file, LockFormat format, ParseProblem problem) {
        return new LockFile(file, format, List.of(), "", "", List.of(
                new ParseProblem(file, problem.line(), problem.column(), problem.message())));
    }
}
