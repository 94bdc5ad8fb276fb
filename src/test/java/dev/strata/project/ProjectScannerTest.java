package dev.strata.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture repositories under src/test/resources/project/ (read in place: Maven's resource copy
 * drops dot files such as .gitattributes).
 */
class ProjectScannerTest {

    private static final Path FIXTURES = Path.of("src/test/resources/project");

    private static LayerResult layer(String fixture, Layer layer) {
        return ProjectScanner.scan(FIXTURES.resolve(fixture)).layer(layer).orElseThrow();
    }

    private static boolean has(LayerResult result, String file, int line, String statementPart) {
        return result.evidence().stream().anyMatch(e -> e.file().equals(file) && e.line() == line
                && e.statement().contains(statementPart));
    }

    @Test
    void wellMadeProjectIsLockedOnEveryLayer() {
        ProjectReport report = ProjectScanner.scan(FIXTURES.resolve("well-made"));
        assertThat(report.layers()).extracting(LayerResult::layer).containsExactly(
                Layer.LANGUAGE_DEPENDENCIES, Layer.SYSTEM_DEPENDENCIES, Layer.DATA, Layer.EXPERIMENT_STATE,
                Layer.TESTS, Layer.NOTEBOOKS, Layer.CITATION_ARCHIVE);
        assertThat(report.layers()).allSatisfy(l -> assertThat(l.status()).as(l.layer().id()).isEqualTo(LayerStatus.LOCKED));
        assertThat(report.skipped()).isEmpty();
        assertThat(report.lockFiles()).extracting(LockFile::file, LockFile::format)
                .containsExactly(tuple("uv.lock", LockFormat.UV_LOCK));
        LockFile uv = report.lockFiles().get(0);
        assertThat(uv.packages()).extracting(LockedPackage::name, LockedPackage::line)
                .containsExactly(tuple("mlflow", 4), tuple("numpy", 12), tuple("paper", 21), tuple("requests", 38));
        assertThat(uv.runtimeVersion()).isEqualTo(">=3.11");
        LayerResult tests = report.layer(Layer.TESTS).orElseThrow();
        assertThat(has(tests, ".github/workflows/ci.yml", 13, "pytest")).isTrue();
        LayerResult experiment = report.layer(Layer.EXPERIMENT_STATE).orElseThrow();
        assertThat(has(experiment, "src/train.py", 4, "np.random.seed")).isTrue();
        assertThat(has(experiment, "pyproject.toml", 8, "mlflow")).isTrue();
        assertThat(has(report.layer(Layer.DATA).orElseThrow(), "data/SHA256SUMS", 1, "sha256 checksums for 1 file")).isTrue();
    }

    @Test
    void poetryLockMissingADeclaredDependencyIsPartialAtTheManifestLine() {
        LayerResult result = layer("poetry-stale", Layer.LANGUAGE_DEPENDENCIES);
        assertThat(result.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(result.evidence()).first().isEqualTo(new Evidence("pyproject.toml", 8,
                "scipy is declared in pyproject.toml but missing from poetry.lock: the lock is out of date"));
        assertThat(has(result, "poetry.lock", 0, "content-hash does not match pyproject.toml")).isTrue();
    }

    @Test
    void poetryContentHashIsReproduced() {
        LayerResult result = layer("poetry-locked", Layer.LANGUAGE_DEPENDENCIES);
        assertThat(result.status()).isEqualTo(LayerStatus.LOCKED);
        assertThat(has(result, "poetry.lock", 0, "content-hash matches pyproject.toml")).isTrue();
    }

    @Test
    void uvLockResolvedForOtherRequirementsIsPartial() {
        LayerResult result = layer("uv-stale", Layer.LANGUAGE_DEPENDENCIES);
        assertThat(result.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(result.evidence()).contains(new Evidence("pyproject.toml", 6,
                "numpy is declared as '>=2.0' but uv.lock was resolved for '>=1.26': the lock is out of date (run uv lock)"));
    }

    @Test
    void pipfileLockHashIsReproducedForBothPipenvVariants() {
        for (String fixture : List.of("pipfile", "pipfile-legacy-hash")) {
            LayerResult result = layer(fixture, Layer.LANGUAGE_DEPENDENCIES);
            assertThat(result.status()).as(fixture).isEqualTo(LayerStatus.LOCKED);
            assertThat(has(result, "Pipfile.lock", 0, "_meta.hash matches")).as(fixture).isTrue();
        }
    }

    @Test
    void stalePipfileLockIsPartialWithTheMissingPackage() {
        LayerResult result = layer("pipfile-stale", Layer.LANGUAGE_DEPENDENCIES);
        assertThat(result.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(has(result, "Pipfile", 12, "black is declared in Pipfile but missing")).isTrue();
        assertThat(has(result, "Pipfile.lock", 0, "_meta.hash does not match the Pipfile")).isTrue();
    }

    @Test
    void pipfileChangedAfterLockingIsPartialEvenWhenNamesAgree() {
        LayerResult result = layer("pipfile-respecified", Layer.LANGUAGE_DEPENDENCIES);
        assertThat(result.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(result.evidence()).extracting(Evidence::statement).containsExactly(
                "Pipfile.lock locks 3 package(s) (Python 3.11, with hashes), covering all 3 declared in Pipfile",
                "Pipfile.lock _meta.hash does not match the Pipfile: the Pipfile changed after locking (run pipenv lock)");
    }

    @Test
    void requirementsFiles() {
        LayerResult unpinned = layer("requirements-unpinned", Layer.LANGUAGE_DEPENDENCIES);
        assertThat(unpinned.status()).isEqualTo(LayerStatus.MISSING);
        assertThat(unpinned.evidence()).extracting(Evidence::line).containsExactly(2, 2, 3, 4, 5);
        assertThat(has(unpinned, "requirements.txt", 5, "lib: VCS reference without a full commit")).isTrue();

        LayerResult pinned = layer("requirements-pinned", Layer.LANGUAGE_DEPENDENCIES);
        assertThat(pinned.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(has(pinned, "requirements.txt", 1, "all 2 requirement(s) pinned, but 2 without --hash")).isTrue();
        assertThat(pinned.evidence()).as("docs/requirements.txt builds the docs only")
                .noneMatch(e -> e.file().startsWith("docs/"));
        assertThat(ProjectScanner.scan(FIXTURES.resolve("requirements-pinned")).lockFiles())
                .extracting(LockFile::file).containsExactly("docs/requirements.txt", "requirements.txt");

        LayerResult hashed = layer("requirements-hashed", Layer.LANGUAGE_DEPENDENCIES);
        assertThat(hashed.status()).isEqualTo(LayerStatus.LOCKED);
        assertThat(has(hashed, "requirements.txt", 1, "all 2 requirement(s) pinned with hashes (--require-hashes)")).isTrue();
    }

    @Test
    void compiledRequirementsMissingAnInputPackageArePartial() {
        LayerResult result = layer("requirements-compiled", Layer.LANGUAGE_DEPENDENCIES);
        assertThat(result.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(result.evidence()).containsExactly(
                new Evidence("requirements.lock", 1, "all 1 requirement(s) pinned with hashes"),
                new Evidence("requirements.in", 2,
                        "numpy is declared in requirements.in but missing from requirements.lock: the lock is out of date"));
    }

    @Test
    void condaFormats() {
        LayerResult env = layer("conda-env", Layer.LANGUAGE_DEPENDENCIES);
        assertThat(env.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(env.evidence()).extracting(Evidence::line).containsExactly(0, 5, 7);

        LayerResult lock = layer("conda-lock", Layer.LANGUAGE_DEPENDENCIES);
        assertThat(lock.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(lock.evidence()).containsExactly(new Evidence("environment.yml", 7,
                "xarray is declared in environment.yml but missing from conda-lock.yml: the lock is out of date"));

        LayerResult explicit = layer("conda-explicit", Layer.LANGUAGE_DEPENDENCIES);
        assertThat(explicit.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(has(explicit, "spec-file.txt", 4, "have no hash (first: tzdata)")).isTrue();
    }

    @Test
    void rJuliaPdmAndPylock() {
        LayerResult renv = layer("renv", Layer.LANGUAGE_DEPENDENCIES);
        assertThat(renv.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(renv.evidence()).containsExactly(new Evidence("DESCRIPTION", 6,
                "ggplot2 is declared in DESCRIPTION but missing from renv.lock: the lock is out of date"));

        LayerResult julia = layer("julia", Layer.LANGUAGE_DEPENDENCIES);
        assertThat(julia.status()).isEqualTo(LayerStatus.LOCKED);
        assertThat(has(julia, "Manifest.toml", 0, "Julia 1.10.4")).isTrue();

        assertThat(layer("pdm", Layer.LANGUAGE_DEPENDENCIES).status()).isEqualTo(LayerStatus.LOCKED);

        LayerResult pylock = layer("pylock", Layer.LANGUAGE_DEPENDENCIES);
        assertThat(pylock.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(pylock.evidence()).containsExactly(new Evidence("pylock.toml", 15,
                "1 of 3 package(s) in pylock.toml have no hash (first: cattrs)"));
    }

    @Test
    void notebooks() {
        LayerResult result = layer("notebooks", Layer.NOTEBOOKS);
        assertThat(result.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(result.evidence()).extracting(Evidence::file, Evidence::line).containsExactly(
                tuple("broken.ipynb", 2), tuple("clean.ipynb", 0), tuple("gaps.ipynb", 43),
                tuple("out-of-order.ipynb", 43), tuple("unexecuted.ipynb", 0));
        assertThat(result.evidence().get(3).statement()).contains("cell 3 has execution count 2 after 3");
        assertThat(result.evidence().get(2).statement()).contains("count 7 where a clean run gives 3");
        assertThat(result.evidence().get(0).statement()).startsWith("notebook is not valid JSON");
        assertThat(layer("bare", Layer.NOTEBOOKS).status()).isEqualTo(LayerStatus.NOT_APPLICABLE);
    }

    @Test
    void dataDownloadedWithoutChecksumIsPartialWithFileAndLine() {
        LayerResult result = layer("data-download", Layer.DATA);
        assertThat(result.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(has(result, "fetch.py", 6, "urlretrieve")).isTrue();
        assertThat(has(result, "get_data.R", 1, "download.file https://example.org/survey.rds")).isTrue();
        assertThat(result.evidence()).noneMatch(e -> e.file().equals("fetch_checked.py"));
        assertThat(has(result, "MD5SUMS", 1, "MD5/SHA-1 are weak")).isTrue();
    }

    @Test
    void dvcLfsAndDatapackageAreLocked() {
        LayerResult result = layer("data-dvc", Layer.DATA);
        assertThat(result.status()).isEqualTo(LayerStatus.LOCKED);
        assertThat(result.evidence()).extracting(Evidence::file, Evidence::line).containsExactly(
                tuple("data/raw.csv.dvc", 2), tuple("datapackage.json", 4), tuple(".gitattributes", 1));
        LayerResult experiment = layer("data-dvc", Layer.EXPERIMENT_STATE);
        assertThat(experiment.status()).isEqualTo(LayerStatus.LOCKED);
        assertThat(has(experiment, "params.yaml", 1, "seed")).isTrue();
    }

    @Test
    void testsNeedASuiteAndACiStepRunningIt() {
        LayerResult gitlab = layer("ci-gitlab", Layer.TESTS);
        assertThat(gitlab.status()).isEqualTo(LayerStatus.LOCKED);
        assertThat(has(gitlab, ".gitlab-ci.yml", 7, "pytest")).isTrue();
        LayerResult suiteOnly = layer("suite-only", Layer.TESTS);
        assertThat(suiteOnly.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(has(suiteOnly, ".github/workflows/lint.yml", 0, "no step runs the tests")).isTrue();
        assertThat(layer("bare", Layer.TESTS).status()).isEqualTo(LayerStatus.MISSING);
    }

    @Test
    void installingATestRunnerIsNotRunningTests() {
        assertThat(TestsLayer.testCommandAt("pip install pytest tox")).isEqualTo(-1);
        assertThat(TestsLayer.testCommandAt("pip install -e . && pytest -q")).isEqualTo(20);
        assertThat(TestsLayer.testCommandAt("python -m pip install tox\ntox -e py311")).isEqualTo(26);
        assertThat(TestsLayer.testCommandAt("uv run --locked pytest")).isEqualTo(16);
        assertThat(TestsLayer.testCommandAt("Rscript -e 'rcmdcheck::rcmdcheck()'")).isEqualTo(12);
        assertThat(TestsLayer.testCommandAt("echo protox")).isEqualTo(-1);
    }

    @Test
    void seedCalls() {
        assertThat(ExperimentLayer.seedCall("np.random.seed(42)")).isEqualTo("np.random.seed(\u2026)");
        assertThat(ExperimentLayer.seedCall("    torch.manual_seed(cfg.seed)")).isEqualTo("torch.manual_seed(\u2026)");
        assertThat(ExperimentLayer.seedCall("rng = np.random.default_rng(2024)")).isEqualTo("default_rng(<seed>)");
        assertThat(ExperimentLayer.seedCall("    rng = np.random.default_rng(SEED)")).isEqualTo("default_rng(<seed>)");
        assertThat(ExperimentLayer.seedCall("rs = RandomState(seed=args.seed)")).isEqualTo("RandomState(<seed>)");
        assertThat(ExperimentLayer.seedCall("rng = default_rng(n_samples)")).isNull();
        assertThat(ExperimentLayer.seedCall("rng = np.random.default_rng()")).isNull();
        assertThat(ExperimentLayer.seedCall("rng = MersenneTwister(1234)")).isEqualTo("MersenneTwister(<seed>)");
        assertThat(ExperimentLayer.seedCall("clf = RandomForestClassifier(random_state=0)")).isEqualTo("random_state=<seed>");
        assertThat(ExperimentLayer.seedCall("x = random.random()")).isNull();
        assertThat(ExperimentLayer.seedCall("set.seed(1)")).isEqualTo("set.seed(\u2026)");
    }

    @Test
    void bareProject() {
        ProjectReport report = ProjectScanner.scan(FIXTURES.resolve("bare"));
        assertThat(report.layer(Layer.LANGUAGE_DEPENDENCIES).orElseThrow().status()).isEqualTo(LayerStatus.NOT_APPLICABLE);
        assertThat(report.layer(Layer.EXPERIMENT_STATE).orElseThrow().status()).isEqualTo(LayerStatus.MISSING);
        assertThat(report.layer(Layer.CITATION_ARCHIVE).orElseThrow().status()).isEqualTo(LayerStatus.MISSING);
        LayerResult system = report.layer(Layer.SYSTEM_DEPENDENCIES).orElseThrow();
        assertThat(system.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(system.evidence()).containsExactly(new Evidence("README.md", 5,
                "documents apt-get install without versions: libhdf5-dev graphviz"));
    }

    @Test
    void citationPartial() {
        LayerResult result = layer("citation-partial", Layer.CITATION_ARCHIVE);
        assertThat(result.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(has(result, "CITATION.cff", 1, "lacks authors")).isTrue();
        assertThat(has(result, "COPYING", 0, "licence")).isTrue();
    }

    @Test
    void systemPackageListWithVersionsIsLocked() {
        LayerResult result = layer("well-made", Layer.SYSTEM_DEPENDENCIES);
        assertThat(result.evidence()).containsExactly(new Evidence("apt.txt", 0, "2 system package(s) listed"));
    }

    @Test
    void symlinksAreNotFollowedAndCapsAreReported(@TempDir Path temp) throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("requirements.txt"), "evil\n");
        Path root = Files.createDirectories(temp.resolve("repo"));
        Files.createSymbolicLink(root.resolve("linked"), outside);
        Files.createSymbolicLink(root.resolve("requirements.txt"), outside.resolve("requirements.txt"));
        Files.writeString(root.resolve("big.ipynb"), "x".repeat(2048));
        Files.createDirectories(root.resolve("vendor/lib"));
        Files.writeString(root.resolve("vendor/lib/requirements.txt"), "flask\n");
        Files.createDirectories(root.resolve("node_modules/x"));
        Files.writeString(root.resolve("node_modules/x/requirements.txt"), "flask\n");

        ProjectReport report = ProjectScanner.scan(root, new ScanOptions(List.of("vendor/**", "vendor"), 1024, 100));
        assertThat(report.layer(Layer.LANGUAGE_DEPENDENCIES).orElseThrow().status()).isEqualTo(LayerStatus.NOT_APPLICABLE);
        assertThat(report.skipped()).extracting(SkippedPath::path).contains("linked", "requirements.txt", "vendor", "big.ipynb");
        assertThat(report.skipped()).filteredOn(s -> s.path().equals("big.ipynb")).extracting(SkippedPath::reason)
                .containsExactly("larger than 1024 bytes; not read");
        LayerResult notebooks = report.layer(Layer.NOTEBOOKS).orElseThrow();
        assertThat(notebooks.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(notebooks.evidence().get(0).statement()).contains("not read");
    }

    @Test
    void fileLimitStopsTheWalkAndSaysSo(@TempDir Path temp) throws IOException {
        for (int i = 0; i < 10; i++) {
            Files.writeString(temp.resolve("f" + i + ".txt"), "x");
        }
        ProjectReport report = ProjectScanner.scan(temp, new ScanOptions(List.of(), 1024, 3));
        assertThat(report.filesWalked()).isEqualTo(3);
        assertThat(report.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("file limit of 3"));
    }

    @Test
    void requirementsIncludeOutsideTheRootIsNotRead(@TempDir Path temp) throws IOException {
        Files.writeString(temp.resolve("secret.txt"), "flask==1.0 --hash=sha256:" + "0".repeat(64) + "\n");
        Path root = Files.createDirectories(temp.resolve("repo"));
        Files.writeString(root.resolve("requirements.txt"), "-r ../secret.txt\nnumpy\n");
        ProjectReport report = ProjectScanner.scan(root);
        LayerResult result = report.layer(Layer.LANGUAGE_DEPENDENCIES).orElseThrow();
        assertThat(result.status()).isEqualTo(LayerStatus.MISSING);
        assertThat(has(result, "requirements.txt", 1, "included file not found: ../secret.txt")).isTrue();
        assertThat(report.lockFiles().get(0).packages()).extracting(LockedPackage::name).containsExactly("numpy");
    }
}
