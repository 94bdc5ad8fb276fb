package dev.strata.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class LockFilesTest {

    @Test
    void legacyPoetryLockKeepsHashesInMetadataFiles() {
        LockFile lock = LockFiles.poetryLock("poetry.lock", """
                [[package]]
                name = "six"
                version = "1.16.0"
                category = "main"
                optional = false
                python-versions = ">=2.7"

                [[package]]
                name = "mylib"
                version = "0.1"
                category = "main"
                optional = false
                python-versions = "*"

                [package.source]
                type = "git"
                url = "https://github.com/org/mylib.git"
                reference = "main"
                resolved_reference = "0123456789abcdef0123456789abcdef01234567"

                [metadata]
                lock-version = "1.1"
                python-versions = "^3.8"
                content-hash = "abc123"

                [metadata.files]
                six = [
                    {file = "six-1.16.0.tar.gz", hash = "sha256:1e61c37477a1626458e36f7b1d82aa5c9b094fa4802892072e49de9c60c4c926"},
                ]
                """);
        assertThat(lock.problems()).isEmpty();
        assertThat(lock.contentHash()).isEqualTo("abc123");
        assertThat(lock.runtimeVersion()).isEqualTo("^3.8");
        assertThat(lock.packages()).extracting(LockedPackage::name, LockedPackage::line, LockedPackage::hasHashes)
                .containsExactly(tuple("six", 1, true), tuple("mylib", 8, false));
        assertThat(lock.packages().get(1).source())
                .isEqualTo("git+https://github.com/org/mylib.git@0123456789abcdef0123456789abcdef01234567");
    }

    @Test
    void juliaManifestFormatOne() {
        LockFile lock = LockFiles.juliaManifest("Manifest.toml", """
                # This file is machine-generated - editing it directly is not advised

                [[CSV]]
                deps = ["Dates"]
                git-tree-sha1 = "b83aa3f513be680454437a198a7a5f2a2f0a7c1b"
                uuid = "336ed68f-0bac-5ca0-87d4-7b16caf5d00b"
                version = "0.8.5"

                [[Dates]]
                deps = ["Printf"]
                uuid = "ade2ca70-3891-5945-98fb-dc099432e06a"
                """);
        assertThat(lock.problems()).isEmpty();
        assertThat(lock.packages()).extracting(LockedPackage::name, LockedPackage::version, LockedPackage::source,
                LockedPackage::line).containsExactly(tuple("CSV", "0.8.5", "registry", 3), tuple("Dates", "", "stdlib", 9));
    }

    @Test
    void renvLockWithoutRVersion() {
        LockFile lock = LockFiles.renvLock("renv.lock", """
                {
                  "Packages": {
                    "cli": {"Package": "cli", "Version": "3.6.2", "Source": "Repository", "Repository": "CRAN"}
                  }
                }
                """);
        assertThat(lock.runtimeVersion()).isEmpty();
        assertThat(lock.packages()).extracting(LockedPackage::name, LockedPackage::version, LockedPackage::line)
                .containsExactly(tuple("cli", "3.6.2", 3));
    }

    @Test
    void pipfileLockEntries() {
        LockFile lock = LockFiles.pipfileLock("Pipfile.lock", """
                {
                    "_meta": {"hash": {"sha256": "ff"}, "requires": {"python_version": "3.12"}},
                    "default": {
                        "requests": {"hashes": ["sha256:aa"], "version": "==2.32.3"},
                        "mylib": {"git": "https://github.com/o/mylib.git", "ref": "0123456789abcdef0123456789abcdef01234567"}
                    },
                    "develop": {"me": {"editable": true, "path": "."}}
                }
                """);
        assertThat(lock.contentHash()).isEqualTo("ff");
        assertThat(lock.runtimeVersion()).isEqualTo("3.12");
        assertThat(lock.packages()).extracting(LockedPackage::name, LockedPackage::version, LockedPackage::source,
                LockedPackage::line).containsExactly(
                        tuple("requests", "2.32.3", "", 4),
                        tuple("mylib", "", "git+https://github.com/o/mylib.git@0123456789abcdef0123456789abcdef01234567", 5),
                        tuple("me", "", "editable+.", 7));
    }

    @Test
    void malformedLocksGiveALocatedProblem() {
        LockFile lock = LockFiles.uvLock("uv.lock", "version = 1\n[[package]\nname = \"x\"\n");
        assertThat(lock.packages()).isEmpty();
        assertThat(lock.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("uv.lock");
            // Jackson's TOML lexer reports the error where it stopped: the end of line 2 or the start of line 3.
            assertThat(p.line()).isBetween(2, 3);
            assertThat(p.message()).startsWith("malformed TOML");
        });
    }

    @Test
    void requirementsAsLock() {
        RequirementsFile req = RequirementsFile.parse("requirements.txt",
                "a==1 --hash=sha256:" + "ab".repeat(32) + "\nb>=2\n-e .\n");
        LockFile lock = LockFiles.fromRequirements(req);
        assertThat(lock.format()).isEqualTo(LockFormat.REQUIREMENTS);
        assertThat(lock.packages()).extracting(LockedPackage::name, LockedPackage::version, LockedPackage::hasHashes)
                .containsExactly(tuple("a", "1", true), tuple("b", "", false));
        assertThat(lock.fullyHashed()).isFalse();
    }
}
