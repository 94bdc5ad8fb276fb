package dev.strata.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequirementsFileTest {

    private static Requirement only(String text) {
        RequirementsFile file = RequirementsFile.parse("requirements.txt", text);
        assertThat(file.problems()).isEmpty();
        assertThat(file.requirements()).hasSize(1);
        return file.requirements().get(0);
    }

    @Test
    void exactVersionIsPinnedAndRangesAreNot() {
        assertThat(only("numpy==1.26.4").pinned()).isTrue();
        assertThat(only("numpy==1.26.4").version()).isEqualTo("1.26.4");
        assertThat(only("numpy===1.26.4-foo").pinned()).isTrue();
        assertThat(only("numpy == 1.26.4").pinned()).isTrue();
        assertThat(only("numpy>=1.0").pinned()).isFalse();
        assertThat(only("numpy~=1.26").pinned()).isFalse();
        assertThat(only("numpy<2").pinned()).isFalse();
        assertThat(only("numpy==1.*").pinned()).isFalse();
        assertThat(only("numpy==1.0,<2").pinned()).isFalse();
        assertThat(only("numpy").pinned()).isFalse();
    }

    @Test
    void extrasMarkersAndParentheses() {
        Requirement r = only("jax[cuda12, tpu] (==0.4.30) ; python_version >= \"3.10\"  # accelerators");
        assertThat(r.name()).isEqualTo("jax");
        assertThat(r.extras()).containsExactly("cuda12", "tpu");
        assertThat(r.specifier()).isEqualTo("==0.4.30");
        assertThat(r.marker()).isEqualTo("python_version >= \"3.10\"");
        assertThat(r.pinned()).isTrue();
    }

    @Test
    void hashesOnContinuationLinesBelongToTheRequirementAndItsFirstLine() {
        RequirementsFile file = RequirementsFile.parse("r.txt", """
                # locked with pip-compile
                --require-hashes
                requests==2.32.3 \\
                    --hash=sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6 \\
                    --hash sha256:55365417734eb18255590a9ff9eb97e9e1da868d4ccd6402399eaf68af20a760
                idna==3.7 --hash=sha256:82fee1fc78add43492d3a1898bfa6d8a904cc97d8427f683ed8e798d07761aa0
                """);
        assertThat(file.problems()).isEmpty();
        assertThat(file.requireHashes()).isTrue();
        assertThat(file.requirements()).extracting(Requirement::line).containsExactly(3, 6);
        assertThat(file.requirements().get(0).hashes()).hasSize(2).allMatch(h -> h.startsWith("sha256:"));
        assertThat(file.unhashed()).isEmpty();
        assertThat(file.unpinned()).isEmpty();
    }

    @Test
    void vcsUrlsArePinnedOnlyAtAFullCommit() {
        Requirement atCommit = only("git+https://github.com/org/lib.git@0123456789abcdef0123456789abcdef01234567#egg=lib");
        assertThat(atCommit.kind()).isEqualTo(RequirementKind.VCS);
        assertThat(atCommit.name()).isEqualTo("lib");
        assertThat(atCommit.pinned()).isTrue();
        assertThat(only("git+https://github.com/org/lib.git@v1.2#egg=lib").pinned()).isFalse();
        assertThat(only("git+ssh://git@github.com/org/lib.git#egg=lib").pinned()).isFalse();
        assertThat(only("lib @ git+https://github.com/org/lib@0123456789abcdef0123456789abcdef01234567").pinned()).isTrue();
    }

    @Test
    void urlsArePinnedByASha256Fragment() {
        Requirement hashed = only("pkg @ https://example.org/pkg-1.0.tar.gz#sha256=" + "ab".repeat(32));
        assertThat(hashed.pinned()).isTrue();
        assertThat(hashed.hashes()).containsExactly("sha256:" + "ab".repeat(32));
        Requirement bare = only("https://example.org/pkg-1.0-py3-none-any.whl");
        assertThat(bare.pinned()).isFalse();
        assertThat(bare.name()).isEqualTo("pkg");
        assertThat(bare.kind()).isEqualTo(RequirementKind.URL);
    }

    @Test
    void editableAndLocalPathsAreNotCountedAsInstalledDependencies() {
        RequirementsFile file = RequirementsFile.parse("r.txt", "-e .\n./vendored/pkg\nnumpy==1.0\n");
        assertThat(file.problems()).isEmpty();
        assertThat(file.requirements()).hasSize(3);
        assertThat(file.requirements().get(0).editable()).isTrue();
        assertThat(file.requirements().get(0).kind()).isEqualTo(RequirementKind.PATH);
        assertThat(file.installed()).extracting(Requirement::name).containsExactly("numpy");
    }

    @Test
    void optionsAreRecorded() {
        RequirementsFile file = RequirementsFile.parse("r.txt",
                "-i https://pypi.org/simple\n--extra-index-url=https://x/simple\n--no-index\n-f ./wheels\n");
        assertThat(file.options()).extracting(RequirementsOption::name)
                .containsExactly("--index-url", "--extra-index-url", "--no-index", "--find-links");
        assertThat(file.options().get(0).value()).isEqualTo("https://pypi.org/simple");
    }

    @Test
    void includesAreResolvedRelativeToTheFileWithCycleProtection() {
        Map<String, String> files = Map.of(
                "req/base.txt", "-r common.txt\nflask==3.0.0\n",
                "req/common.txt", "-r base.txt\n-c ../constraints.txt\nclick>=8\n",
                "constraints.txt", "click==8.1.7\n");
        IncludeLoader loader = (from, target) -> {
            String dir = from.contains("/") ? from.substring(0, from.lastIndexOf('/') + 1) : "";
            String path = java.nio.file.Path.of(dir + target).normalize().toString();
            return Optional.ofNullable(files.get(path)).map(t -> new IncludeLoader.Source(path, t));
        };
        RequirementsFile file = RequirementsFile.parse("req/base.txt", files.get("req/base.txt"), loader);
        assertThat(file.requirements()).extracting(Requirement::name, Requirement::file, Requirement::line,
                        Requirement::constraint)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("click", "constraints.txt", 1, true),
                        org.assertj.core.groups.Tuple.tuple("click", "req/common.txt", 3, false),
                        org.assertj.core.groups.Tuple.tuple("flask", "req/base.txt", 2, false));
        assertThat(file.problems()).extracting(ParseProblem::message).anyMatch(m -> m.startsWith("include cycle"));
        assertThat(file.includes()).hasSize(3);
    }

    @Test
    void includesWithoutALoaderAreListedButNotProblems() {
        RequirementsFile file = RequirementsFile.parse("r.txt", "-r base.txt\n-c https://x/c.txt\n");
        assertThat(file.includes()).extracting(RequirementsInclude::target, RequirementsInclude::constraint,
                RequirementsInclude::resolvedAs).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("base.txt", false, null),
                        org.assertj.core.groups.Tuple.tuple("https://x/c.txt", true, null));
        assertThat(file.problems()).extracting(ParseProblem::message)
                .containsExactly("include from a URL is not followed: https://x/c.txt");
    }

    @Test
    void parseFromDiskFollowsIncludesInsideTheRootOnly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws java.io.IOException {
        java.nio.file.Path root = java.nio.file.Files.createDirectories(temp.resolve("repo/req"));
        java.nio.file.Files.writeString(temp.resolve("outside.txt"), "secret==1\n");
        java.nio.file.Files.writeString(root.resolve("dev.txt"), "-r base.txt\n-r ../../outside.txt\npytest==8.2.2\n");
        java.nio.file.Files.writeString(root.resolve("base.txt"), "numpy==1.26.4\n");
        RequirementsFile file = RequirementsFile.parse(temp.resolve("repo"), "req/dev.txt", 1 << 20);
        assertThat(file.file()).isEqualTo("req/dev.txt");
        assertThat(file.requirements()).extracting(Requirement::name, Requirement::file)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("numpy", "req/base.txt"),
                        org.assertj.core.groups.Tuple.tuple("pytest", "req/dev.txt"));
        assertThat(file.problems()).extracting(ParseProblem::line, ParseProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "included file not found: ../../outside.txt"));
        assertThat(RequirementsFile.parse(temp.resolve("repo"), "missing.txt", 100).problems())
                .extracting(ParseProblem::message).containsExactly("file cannot be read");
    }

    @Test
    void byteOrderMarkAndCrLf() {
        RequirementsFile file = RequirementsFile.parse("r.txt", "\uFEFFnumpy==1.26.4\r\nscipy==1.13.0\r\n");
        assertThat(file.problems()).isEmpty();
        assertThat(file.requirements()).extracting(Requirement::name, Requirement::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("numpy", 1), org.assertj.core.groups.Tuple.tuple("scipy", 2));
    }

    @Test
    void commentsNeedWhitespaceBeforeTheHash() {
        Requirement r = only("pkg @ https://x.org/p.zip#sha256=" + "0".repeat(64) + " # note");
        assertThat(r.url()).endsWith("0".repeat(64));
    }

    @Test
    void strictParseReportsTheLineOfTheFirstError() {
        assertThatThrownBy(() -> RequirementsFile.parseStrict("r.txt", "ok==1\n\nbad[extra\n"))
                .isInstanceOfSatisfying(ProjectParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.file()).isEqualTo("r.txt");
                });
        RequirementsFile lenient = RequirementsFile.parse("r.txt", "ok==1\n\nbad[extra\n--bogus\nfine\n");
        assertThat(lenient.requirements()).extracting(Requirement::name).containsExactly("ok", "fine");
        assertThat(lenient.problems()).extracting(ParseProblem::line).containsExactly(3, 4);
    }

    @Test
    void parseFromDiskReadsATopLevelFileAndItsNestedIncludes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws java.io.IOException {
        java.nio.file.Path root = java.nio.file.Files.createDirectories(temp.resolve("repo"));
        java.nio.file.Files.createDirectories(root.resolve("sub"));
        java.nio.file.Files.writeString(temp.resolve("escape.txt"), "secret==1\n");
        java.nio.file.Files.writeString(root.resolve("requirements.txt"),
                "-r sub/other.txt\n-r ../escape.txt\nrequests==2.32.3\n");
        java.nio.file.Files.writeString(root.resolve("sub/other.txt"), "-r more.txt\nnumpy==1.26.4\n");
        java.nio.file.Files.writeString(root.resolve("sub/more.txt"), "scipy==1.13.1\n");
        RequirementsFile file = RequirementsFile.parse(root, "requirements.txt", 1 << 20);
        assertThat(file.file()).isEqualTo("requirements.txt");
        assertThat(file.requirements()).extracting(Requirement::name, Requirement::file)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("scipy", "sub/more.txt"),
                        org.assertj.core.groups.Tuple.tuple("numpy", "sub/other.txt"),
                        org.assertj.core.groups.Tuple.tuple("requests", "requirements.txt"));
        assertThat(file.problems()).extracting(ParseProblem::line, ParseProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "included file not found: ../escape.txt"));
        // a root given as a relative path behaves the same
        java.nio.file.Path relativeRoot = java.nio.file.Path.of("").toAbsolutePath().relativize(root);
        assertThat(RequirementsFile.parse(relativeRoot, "requirements.txt", 1 << 20).requirements()).hasSize(3);
        assertThat(RequirementsFile.parse(root.resolve("sub"), "other.txt", 1 << 20).requirements())
                .extracting(Requirement::name).containsExactly("scipy", "numpy");
    }
}
