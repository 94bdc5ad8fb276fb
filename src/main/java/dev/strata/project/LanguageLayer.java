package dev.strata.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Language dependencies layer. Every manifest and lock file is parsed and judged on its own (an
 * "item"); the layer is locked when every item is, missing when every item is, partial otherwise,
 * and not applicable when the project has no language manifest at all.
 *
 * <ul>
 *   <li>a lock file (uv.lock, poetry.lock, pdm.lock, pylock.toml, Pipfile.lock, conda-lock,
 *       explicit spec, renv.lock, Manifest.toml) is locked when every registry package has a
 *       version and a hash (renv: a version, and the R version recorded) and every dependency its
 *       manifest in the same directory declares is in it; otherwise partial</li>
 *   <li>a requirements file is locked when every requirement is pinned and hashed, partial when
 *       pinned without hashes or only some are pinned, missing when none is pinned</li>
 *   <li>environment.yml alone: partial when pinned (no hashes), missing when nothing is pinned</li>
 *   <li>a manifest (pyproject.toml, Pipfile, setup.py, DESCRIPTION, Project.toml) declaring
 *       dependencies with no lock or requirements file next to it: missing</li>
 * </ul>
 */
final class LanguageLayer {

    private static final int MAX_LISTED = 10;

    /** One judged manifest or lock. */
    private record Item(LayerStatus status, List<Evidence> evidence) {}

    private LanguageLayer() {}

    static LayerResult analyze(ProjectFiles files, List<LockFile> lockFilesOut) {
        List<Item> items = new ArrayList<>();
        Map<String, List<String>> byDirectory = new LinkedHashMap<>();
        for (String f : files.files()) {
            byDirectory.computeIfAbsent(ProjectFiles.parent(f), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<String>> dir : byDirectory.entrySet()) {
            directory(files, dir.getKey(), dir.getValue(), items, lockFilesOut);
        }
        if (items.isEmpty()) {
            return new LayerResult(Layer.LANGUAGE_DEPENDENCIES, LayerStatus.NOT_APPLICABLE,
                    List.of(new Evidence("", 0, "no language manifest or lock file")));
        }
        List<Evidence> evidence = new ArrayList<>();
        boolean allLocked = true;
        boolean allMissing = true;
        for (Item item : items) {
            evidence.addAll(item.evidence());
            allLocked &= item.status() == LayerStatus.LOCKED;
            allMissing &= item.status() == LayerStatus.MISSING;
        }
        LayerStatus status = allLocked ? LayerStatus.LOCKED : allMissing ? LayerStatus.MISSING : LayerStatus.PARTIAL;
        return new LayerResult(Layer.LANGUAGE_DEPENDENCIES, status, evidence);
    }

    private static String in(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    private static void directory(ProjectFiles files, String dir, List<String> names, List<Item> items,
            List<LockFile> locks) {
        Set<String> here = new java.util.TreeSet<>();
        for (String f : names) {
            here.add(ProjectFiles.fileName(f));
        }
        boolean pythonLocked = false;
        String pyproject = in(dir, "pyproject.toml");
        List<DeclaredDependency> pyDeclared = here.contains("pyproject.toml")
                ? files.read(pyproject).map(t -> Manifests.pyproject(pyproject, t)).orElse(List.of()) : List.of();

        Map<String, Function<String, LockFile>> tomlLocks = new LinkedHashMap<>();
        tomlLocks.put("uv.lock", t -> LockFiles.uvLock(in(dir, "uv.lock"), t));
        tomlLocks.put("poetry.lock", t -> LockFiles.poetryLock(in(dir, "poetry.lock"), t));
        tomlLocks.put("pdm.lock", t -> LockFiles.pdmLock(in(dir, "pdm.lock"), t));
        for (Map.Entry<String, Function<String, LockFile>> lock : tomlLocks.entrySet()) {
            if (here.contains(lock.getKey())) {
                String file = in(dir, lock.getKey());
                files.read(file).ifPresent(text -> {
                    LockFile parsed = lock.getValue().apply(text);
                    locks.add(parsed);
                    Item item = judgeLock(parsed, pyDeclared, pyproject);
                    if (parsed.format() == LockFormat.POETRY_LOCK && !parsed.contentHash().isEmpty()) {
                        item = withPoetryHash(item, parsed, pyproject, files.read(pyproject).orElse(null));
                    }
                    if (parsed.format() == LockFormat.UV_LOCK && parsed.problems().isEmpty()) {
                        item = withUvMetadata(item, parsed, text, pyproject, files.read(pyproject).orElse(null));
                    }
                    items.add(item);
                });
                pythonLocked = true;
            }
        }
        for (String name : here) {
            if (name.equals("pylock.toml") || (name.startsWith("pylock.") && name.endsWith(".toml"))) {
                String file = in(dir, name);
                files.read(file).ifPresent(text -> {
                    LockFile parsed = LockFiles.pylock(file, text);
                    locks.add(parsed);
                    items.add(judgeLock(parsed, pyDeclared, pyproject));
                });
                pythonLocked = true;
            }
        }
        if (here.contains("Pipfile.lock")) {
            String file = in(dir, "Pipfile.lock");
            String pipfile = in(dir, "Pipfile");
            files.read(file).ifPresent(text -> {
                LockFile parsed = LockFiles.pipfileLock(file, text);
                locks.add(parsed);
                String pipfileText = files.read(pipfile).orElse(null);
                List<DeclaredDependency> declared = pipfileText == null ? List.of() : Manifests.pipfile(pipfile, pipfileText);
                Item item = judgeLock(parsed, declared, pipfile);
                items.add(pipfileText == null ? item : withPipfileHash(item, parsed, pipfile, pipfileText, declared));
            });
            pythonLocked = true;
        }
        boolean requirementsHere = false;
        for (String f : names) {
            if (isRequirementsFile(f)) {
                requirementsHere |= !isDocumentationPath(f);
                files.read(f).ifPresent(text -> {
                    RequirementsFile parsed = RequirementsFile.parse(f, text, files.includeLoader());
                    locks.add(LockFiles.fromRequirements(parsed));
                    Item item = judgeRequirements(parsed);
                    // docs/requirements.txt builds the documentation (Read the Docs), not the results.
                    if (item != null && !isDocumentationPath(f)) {
                        items.add(item);
                    }
                });
            }
        }
        String requirementsIn = in(dir, "requirements.in");
        String compiledName = here.contains("requirements.txt") ? "requirements.txt"
                : here.contains("requirements.lock") ? "requirements.lock" : null;
        if (here.contains("requirements.in") && compiledName != null) {
            String compiled = in(dir, compiledName);
            files.read(requirementsIn).ifPresent(inText -> {
                List<DeclaredDependency> declared = new ArrayList<>();
                for (Requirement r : RequirementsFile.parse(requirementsIn, inText).installed()) {
                    declared.add(new DeclaredDependency(r.file(), r.line(), r.name()));
                }
                LockFile lock = locks.stream().filter(l -> l.file().equals(compiled)).findFirst().orElse(null);
                if (lock != null) {
                    List<Evidence> stale = missingFromLock(declared, lock);
                    if (!stale.isEmpty()) {
                        items.add(new Item(LayerStatus.PARTIAL, stale));
                    }
                }
            });
        }
        if (!pythonLocked && !requirementsHere) {
            if (!pyDeclared.isEmpty()) {
                items.add(new Item(LayerStatus.MISSING, List.of(new Evidence(pyproject, pyDeclared.get(0).line(),
                        "pyproject.toml declares " + pyDeclared.size() + " dependencies but there is no lock file "
                                + "(uv.lock, poetry.lock, pdm.lock, pylock.toml) or pinned requirements file"))));
            } else if (here.contains("Pipfile")) {
                items.add(new Item(LayerStatus.MISSING, List.of(new Evidence(in(dir, "Pipfile"), 0,
                        "Pipfile without Pipfile.lock: run pipenv lock"))));
            } else if (here.contains("setup.py") || here.contains("setup.cfg")) {
                String setup = here.contains("setup.py") ? in(dir, "setup.py") : in(dir, "setup.cfg");
                String text = files.read(setup).orElse("");
                int line = TextLines.lineContaining(text, "install_requires");
                if (line > 0) {
                    items.add(new Item(LayerStatus.MISSING, List.of(new Evidence(setup, line,
                            "install_requires declares dependencies but nothing locks them"))));
                }
            }
        }
        conda(files, dir, names, here, items, locks);
        if (here.contains("renv.lock") || here.contains("DESCRIPTION")) {
            r(files, dir, here, items, locks);
        }
        if (here.contains("Manifest.toml") || here.contains("JuliaManifest.toml") || here.contains("Project.toml")
                || here.contains("JuliaProject.toml")) {
            julia(files, dir, here, items, locks);
        }
    }

    static boolean isDocumentationPath(String file) {
        return file.startsWith("docs/") || file.startsWith("doc/");
    }

    static boolean isRequirementsFile(String file) {
        String name = ProjectFiles.fileName(file).toLowerCase(Locale.ROOT);
        String parent = ProjectFiles.fileName(ProjectFiles.parent(file)).toLowerCase(Locale.ROOT);
        // requirements.lock / requirements-dev.lock: pip-compile and Rye outputs in requirements syntax.
        return (name.endsWith(".txt") && (name.startsWith("requirements") || name.endsWith("-requirements.txt")
                || name.endsWith("_requirements.txt") || parent.equals("requirements")))
                || (name.startsWith("requirements") && name.endsWith(".lock"));
    }

    private static Item judgeRequirements(RequirementsFile parsed) {
        List<Requirement> installed = parsed.installed();
        List<Evidence> evidence = new ArrayList<>();
        for (ParseProblem p : parsed.problems().subList(0, Math.min(5, parsed.problems().size()))) {
            evidence.add(new Evidence(p.file(), p.line(), "cannot parse: " + p.message()));
        }
        if (installed.isEmpty()) {
            return evidence.isEmpty() ? null : new Item(LayerStatus.PARTIAL, evidence);
        }
        List<Requirement> unpinned = parsed.unpinned();
        List<Requirement> unhashed = parsed.unhashed();
        String file = parsed.file();
        LayerStatus status;
        if (unpinned.size() == installed.size()) {
            status = LayerStatus.MISSING;
            evidence.add(new Evidence(file, installed.get(0).line(), "none of " + installed.size()
                    + " requirement(s) is pinned to one version"));
            listUnpinned(unpinned, evidence);
        } else if (!unpinned.isEmpty()) {
            status = LayerStatus.PARTIAL;
            evidence.add(new Evidence(file, unpinned.get(0).line(), unpinned.size() + " of " + installed.size()
                    + " requirement(s) not pinned to one version"));
            listUnpinned(unpinned, evidence);
        } else if (!unhashed.isEmpty()) {
            status = LayerStatus.PARTIAL;
            evidence.add(new Evidence(file, unhashed.get(0).line(), "all " + installed.size()
                    + " requirement(s) pinned, but " + unhashed.size() + " without --hash: the files behind a "
                    + "version can change (use pip-compile --generate-hashes or uv pip compile --generate-hashes)"));
        } else {
            status = evidence.isEmpty() ? LayerStatus.LOCKED : LayerStatus.PARTIAL;
            evidence.add(new Evidence(file, installed.get(0).line(), "all " + installed.size()
                    + " requirement(s) pinned with hashes" + (parsed.requireHashes() ? " (--require-hashes)" : "")));
        }
        return new Item(status, evidence);
    }

    private static void listUnpinned(List<Requirement> unpinned, List<Evidence> evidence) {
        for (Requirement r : unpinned.subList(0, Math.min(MAX_LISTED, unpinned.size()))) {
            String what = r.kind() == RequirementKind.VCS ? "VCS reference without a full commit"
                    : r.kind() == RequirementKind.URL ? "URL without a #sha256= hash"
                    : r.specifier().isEmpty() ? "no version" : "range " + r.specifier();
            evidence.add(new Evidence(r.file(), r.line(), r.name() + ": " + what));
        }
        if (unpinned.size() > MAX_LISTED) {
            evidence.add(new Evidence(unpinned.get(MAX_LISTED).file(), unpinned.get(MAX_LISTED).line(),
                    "and " + (unpinned.size() - MAX_LISTED) + " more unpinned"));
        }
    }

    /** A lock needs no hash for the project itself, local paths, stdlib, or a VCS source at a full commit. */
    private static boolean needsHash(LockedPackage p) {
        String s = p.source();
        if (s.startsWith("editable+") || s.startsWith("virtual+") || s.startsWith("directory+") || s.startsWith("path+")
                || s.equals("stdlib")) {
            return false;
        }
        if (s.startsWith("git+") || s.startsWith("git ") || s.contains("+git") || s.startsWith("hg+")) {
            int at = s.lastIndexOf('@');
            int hash = s.lastIndexOf('#');
            String rev = hash > at ? s.substring(hash + 1) : at >= 0 ? s.substring(at + 1) : "";
            return !DirectUrl.isFullCommit(rev);
        }
        return true;
    }

    private static Item judgeLock(LockFile lock, List<DeclaredDependency> declared, String manifest) {
        List<Evidence> evidence = new ArrayList<>();
        String label = ProjectFiles.fileName(lock.file());
        if (!lock.problems().isEmpty() && lock.packages().isEmpty()) {
            ParseProblem p = lock.problems().get(0);
            return new Item(LayerStatus.PARTIAL, List.of(new Evidence(lock.file(), p.line(),
                    label + " cannot be parsed: " + p.message())));
        }
        LayerStatus status = LayerStatus.LOCKED;
        boolean hashesRequired = lock.format() != LockFormat.RENV_LOCK;
        List<LockedPackage> unhashed = lock.packages().stream().filter(p -> hashesRequired && needsHash(p) && !p.hasHashes()).toList();
        List<LockedPackage> unversioned = lock.packages().stream()
                .filter(p -> p.version().isEmpty() && needsHash(p) && p.source().indexOf('@') < 0).toList();
        if (!unversioned.isEmpty()) {
            status = LayerStatus.PARTIAL;
            LockedPackage first = unversioned.get(0);
            evidence.add(new Evidence(lock.file(), first.line(), unversioned.size() + " package(s) in " + label
                    + " without a version (first: " + first.name() + ")"));
        }
        if (!unhashed.isEmpty()) {
            status = LayerStatus.PARTIAL;
            LockedPackage first = unhashed.get(0);
            evidence.add(new Evidence(lock.file(), first.line(), unhashed.size() + " of " + lock.packages().size()
                    + " package(s) in " + label + " have no hash (first: " + first.name() + ")"));
        }
        if (lock.format() == LockFormat.RENV_LOCK && lock.runtimeVersion().isEmpty()) {
            status = LayerStatus.PARTIAL;
            evidence.add(new Evidence(lock.file(), 0, "renv.lock records no R version"));
        }
        List<Evidence> stale = missingFromLock(declared, lock);
        if (!stale.isEmpty()) {
            status = LayerStatus.PARTIAL;
            evidence.addAll(stale);
        }
        for (ParseProblem p : lock.problems().subList(0, Math.min(5, lock.problems().size()))) {
            status = LayerStatus.PARTIAL;
            evidence.add(new Evidence(p.file(), p.line(), "cannot parse: " + p.message()));
        }
        if (status == LayerStatus.LOCKED) {
            String runtime = lock.runtimeVersion().isEmpty() ? "" : runtimeLabel(lock) + lock.runtimeVersion() + ", ";
            evidence.add(new Evidence(lock.file(), 0, label + " locks " + lock.packages().size() + " package(s) ("
                    + runtime + (hashesRequired ? "with hashes" : "with versions")
                    + (declared.isEmpty() ? ")" : "), covering all " + declared.size() + " declared in "
                    + ProjectFiles.fileName(manifest))));
        }
        return new Item(status, evidence);
    }

    private static String runtimeLabel(LockFile lock) {
        return switch (lock.format()) {
            case RENV_LOCK -> "R ";
            case JULIA_MANIFEST -> "Julia ";
            default -> "Python ";
        };
    }

    /** Declared dependencies whose normalised name is not among the lock's packages. */
    private static List<Evidence> missingFromLock(List<DeclaredDependency> declared, LockFile lock) {
        Set<String> locked = new HashSet<>();
        for (LockedPackage p : lock.packages()) {
            locked.add(Requirement.normalize(p.name()));
        }
        List<Evidence> out = new ArrayList<>();
        List<DeclaredDependency> missing = declared.stream()
                .filter(d -> !locked.contains(Requirement.normalize(d.name()))).toList();
        for (DeclaredDependency d : missing.subList(0, Math.min(MAX_LISTED, missing.size()))) {
            out.add(new Evidence(d.file(), d.line(), d.name() + " is declared in " + ProjectFiles.fileName(d.file())
                    + " but missing from " + ProjectFiles.fileName(lock.file()) + ": the lock is out of date"));
        }
        if (missing.size() > MAX_LISTED) {
            out.add(new Evidence(lock.file(), 0, "and " + (missing.size() - MAX_LISTED) + " more declared dependencies missing"));
        }
        return out;
    }

    private static Item withPipfileHash(Item item, LockFile lock, String pipfile, String pipfileText,
            List<DeclaredDependency> declared) {
        List<Evidence> evidence = new ArrayList<>(item.evidence());
        if (lock.contentHash().isEmpty()) {
            evidence.add(new Evidence(lock.file(), 0, "Pipfile.lock records no _meta.hash: cannot tell if it matches the Pipfile"));
            return new Item(LayerStatus.PARTIAL, evidence);
        }
        JsonNode parsed;
        try {
            parsed = Toml.read(pipfile, pipfileText);
        } catch (ProjectParseException e) {
            evidence.add(new Evidence(pipfile, e.line(), "Pipfile cannot be parsed: " + e.problem().message()));
            return new Item(LayerStatus.PARTIAL, evidence);
        }
        if (PipfileHash.candidates(parsed).contains(lock.contentHash())) {
            evidence.add(new Evidence(lock.file(), 0, "Pipfile.lock _meta.hash matches the Pipfile's content"));
            return new Item(item.status(), evidence);
        }
        // The algorithm is checked against hashes Pipenv wrote (both the as-written and the
        // normalised-name variants are tried), so a difference means the Pipfile changed after locking.
        evidence.add(new Evidence(lock.file(), 0, "Pipfile.lock _meta.hash does not match the Pipfile: the Pipfile "
                + "changed after locking (run pipenv lock)"));
        return new Item(LayerStatus.PARTIAL, evidence);
    }

    /** Compares the requirements uv resolved for the project with what pyproject.toml declares now. */
    private static Item withUvMetadata(Item item, LockFile lock, String lockText, String pyproject, String pyprojectText) {
        if (pyprojectText == null) {
            return item;
        }
        Map<String, String> resolved;
        Map<String, String> declared;
        try {
            var root = UvLockMetadata.rootRequirements(Toml.read(lock.file(), lockText));
            if (root.isEmpty()) {
                return item;
            }
            resolved = root.get();
            declared = UvLockMetadata.declared(pyproject, Toml.read(pyproject, pyprojectText));
        } catch (ProjectParseException e) {
            return item;
        }
        if (resolved.equals(declared)) {
            return item;
        }
        List<Evidence> evidence = new ArrayList<>(item.evidence());
        int listed = 0;
        for (Map.Entry<String, String> d : declared.entrySet()) {
            String then = resolved.get(d.getKey());
            if (then != null && !then.equals(d.getValue()) && listed++ < MAX_LISTED) {
                evidence.add(new Evidence(pyproject, Manifests.dependencyLine(pyprojectText, d.getKey()), d.getKey()
                        + " is declared as '" + d.getValue() + "' but uv.lock was resolved for '" + then
                        + "': the lock is out of date (run uv lock)"));
            }
        }
        for (String added : declared.keySet()) {
            if (!resolved.containsKey(added) && listed++ < MAX_LISTED) {
                evidence.add(new Evidence(pyproject, Manifests.dependencyLine(pyprojectText, added), added
                        + " is declared in pyproject.toml but was not a project requirement when uv.lock was written: "
                        + "the lock is out of date (run uv lock)"));
            }
        }
        for (String gone : resolved.keySet()) {
            if (!declared.containsKey(gone) && listed++ < MAX_LISTED) {
                evidence.add(new Evidence(lock.file(), 0, gone + " was a project requirement when uv.lock was written "
                        + "but is no longer declared in pyproject.toml: the lock is out of date (run uv lock)"));
            }
        }
        return listed > 0 ? new Item(LayerStatus.PARTIAL, evidence) : item;
    }

    private static Item withPoetryHash(Item item, LockFile lock, String pyproject, String pyprojectText) {
        if (pyprojectText == null) {
            return item;
        }
        JsonNode parsed;
        try {
            parsed = Toml.read(pyproject, pyprojectText);
        } catch (ProjectParseException e) {
            return item;
        }
        List<Evidence> evidence = new ArrayList<>(item.evidence());
        if (PoetryContentHash.candidates(parsed).contains(lock.contentHash())) {
            evidence.add(new Evidence(lock.file(), 0, "poetry.lock content-hash matches pyproject.toml"));
            return new Item(item.status(), evidence);
        }
        if (parsed.path("project").isObject()) {
            // Poetry 2 also hashes [project]; that variant is not verified against Poetry's own output,
            // so a difference here is reported and the package names decide.
            evidence.add(new Evidence(lock.file(), 0, "poetry.lock content-hash differs from pyproject.toml's as "
                    + "computed here (edited after locking, or a Poetry version hashing [project] differently); "
                    + "package names were compared instead"));
            return new Item(item.status(), evidence);
        }
        evidence.add(new Evidence(lock.file(), 0, "poetry.lock content-hash does not match pyproject.toml: "
                + "[tool.poetry] dependencies changed after locking (run poetry lock)"));
        return new Item(LayerStatus.PARTIAL, evidence);
    }

    private static void conda(ProjectFiles files, String dir, List<String> names, Set<String> here, List<Item> items,
            List<LockFile> locks) {
        List<CondaEnvironment> environments = new ArrayList<>();
        List<LockFile> condaLocks = new ArrayList<>();
        for (String f : names) {
            String name = ProjectFiles.fileName(f);
            boolean envYml = name.equals("environment.yml") || name.equals("environment.yaml")
                    || ((name.endsWith(".yml") || name.endsWith(".yaml")) && name.startsWith("environment"));
            boolean condaLock = name.equals("conda-lock.yml") || name.endsWith(".conda-lock.yml");
            boolean explicit = (name.endsWith(".lock") && name.startsWith("conda-")) || name.equals("spec-file.txt")
                    || name.contains("explicit") && name.endsWith(".txt");
            if (!envYml && !condaLock && !explicit) {
                continue;
            }
            String text = files.read(f).orElse(null);
            if (text == null) {
                continue;
            }
            CondaEnvironment env = condaLock ? CondaEnvironment.parseCondaLock(f, text)
                    : explicit ? CondaEnvironment.parseExplicit(f, text)
                    : CondaEnvironment.parseEnvironmentYml(f, text, files.includeLoader());
            if (env.format() == CondaEnvironment.Format.ENVIRONMENT_YML) {
                environments.add(env);
            } else {
                LockFile lock = LockFiles.fromConda(env);
                condaLocks.add(lock);
                locks.add(lock);
            }
        }
        for (LockFile lock : condaLocks) {
            List<DeclaredDependency> declared = lock.format() == LockFormat.CONDA_LOCK
                    ? environments.stream().flatMap(e -> Manifests.condaEnvironment(e).stream()).toList() : List.of();
            items.add(judgeLock(lock, declared, environments.isEmpty() ? "" : environments.get(0).file()));
        }
        if (!condaLocks.isEmpty()) {
            return; // environment.yml is the manifest of the lock judged above
        }
        for (CondaEnvironment env : environments) {
            items.add(judgeEnvironment(env));
        }
    }

    private static Item judgeEnvironment(CondaEnvironment env) {
        List<Evidence> evidence = new ArrayList<>();
        if (!env.problems().isEmpty() && env.dependencies().isEmpty() && env.pipRequirements().isEmpty()) {
            ParseProblem p = env.problems().get(0);
            return new Item(LayerStatus.PARTIAL, List.of(new Evidence(env.file(), p.line(), "cannot parse: " + p.message())));
        }
        int total = env.dependencies().size() + env.pipRequirements().size();
        if (total == 0) {
            return new Item(LayerStatus.PARTIAL, List.of(new Evidence(env.file(), 0, "environment lists no dependencies")));
        }
        List<Evidence> loose = new ArrayList<>();
        for (CondaDependency d : env.dependencies()) {
            if (!d.pinned()) {
                loose.add(new Evidence(d.file(), d.line(), d.name() + ": " + (d.version().isEmpty() ? "no version"
                        : "not one exact version (" + d.version() + ")")));
            }
        }
        for (Requirement r : env.pipRequirements()) {
            if (!r.pinned() && r.kind() != RequirementKind.PATH) {
                loose.add(new Evidence(r.file(), r.line(), "pip " + r.name() + ": not pinned"));
            }
        }
        LayerStatus status;
        if (loose.size() == total) {
            status = LayerStatus.MISSING;
            evidence.add(new Evidence(env.file(), 0, "none of " + total + " conda/pip dependencies pinned"));
        } else if (!loose.isEmpty()) {
            status = LayerStatus.PARTIAL;
            evidence.add(new Evidence(env.file(), 0, loose.size() + " of " + total + " conda/pip dependencies not pinned"));
        } else {
            status = LayerStatus.PARTIAL;
            evidence.add(new Evidence(env.file(), 0, "all " + total + " dependencies pinned but not hashed: "
                    + "generate conda-lock.yml or `conda list --explicit --md5`"));
        }
        evidence.addAll(loose.subList(0, Math.min(MAX_LISTED, loose.size())));
        return new Item(status, evidence);
    }

    private static void r(ProjectFiles files, String dir, Set<String> here, List<Item> items, List<LockFile> locks) {
        String description = in(dir, "DESCRIPTION");
        List<DeclaredDependency> declared = here.contains("DESCRIPTION")
                ? files.read(description).map(t -> Manifests.rDescription(description, t)).orElse(List.of()) : List.of();
        if (here.contains("renv.lock")) {
            String file = in(dir, "renv.lock");
            files.read(file).ifPresent(text -> {
                LockFile lock = LockFiles.renvLock(file, text);
                locks.add(lock);
                items.add(judgeLock(lock, declared, description));
            });
        } else if (!declared.isEmpty()) {
            items.add(new Item(LayerStatus.MISSING, List.of(new Evidence(description, declared.get(0).line(),
                    "DESCRIPTION declares " + declared.size() + " R package(s) but there is no renv.lock"))));
        }
    }

    private static void julia(ProjectFiles files, String dir, Set<String> here, List<Item> items, List<LockFile> locks) {
        String project = in(dir, here.contains("JuliaProject.toml") ? "JuliaProject.toml" : "Project.toml");
        List<DeclaredDependency> declared = files.read(project).map(t -> Manifests.juliaProject(project, t)).orElse(List.of());
        String manifestName = here.contains("JuliaManifest.toml") ? "JuliaManifest.toml"
                : here.contains("Manifest.toml") ? "Manifest.toml" : null;
        if (manifestName != null) {
            String file = in(dir, manifestName);
            files.read(file).ifPresent(text -> {
                LockFile lock = LockFiles.juliaManifest(file, text);
                locks.add(lock);
                items.add(judgeLock(lock, declared, project));
            });
        } else if (!declared.isEmpty()) {
            items.add(new Item(LayerStatus.MISSING, List.of(new Evidence(project, declared.get(0).line(),
                    "Project.toml declares " + declared.size() + " package(s) but there is no Manifest.toml"))));
        }
    }
}
