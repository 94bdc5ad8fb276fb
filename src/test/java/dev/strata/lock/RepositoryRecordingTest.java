package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestLayer;
import dev.strata.packages.CondaParser;
import dev.strata.packages.RpmFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where lock records the repositories of conda, apk and rpm packages from, read from images built in-test. */
class RepositoryRecordingTest {
    private static final Instant NOW = Instant.parse("2026-02-01T10:20:30Z");

    @TempDir Path tmp;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void condaChannelsAreRecordedPerPackageWithTheirSubdir() throws Exception {
        Path image = tmp.resolve("conda.tar");
        new TestImageBuilder().layer(TestLayer.of(
                TestEntry.file("opt/conda/conda-meta/numpy-1.26.4-py311h64a7726_0.json", "{\"name\":\"numpy\",\"version\":\"1.26.4\","
                        + "\"build\":\"py311h64a7726_0\",\"channel\":\"https://conda.anaconda.org/conda-forge\",\"subdir\":\"linux-64\"}"),
                TestEntry.file("opt/conda/conda-meta/zlib-1.2.13-h5eee18b_1.json", "{\"name\":\"zlib\",\"version\":\"1.2.13\","
                        + "\"build\":\"h5eee18b_1\",\"channel\":\"https://repo.anaconda.com/pkgs/main/linux-64\",\"subdir\":\"linux-64\"}"),
                TestEntry.file("opt/conda/conda-meta/tzdata-2024a-h0c530f3_0.json", "{\"name\":\"tzdata\",\"version\":\"2024a\","
                        + "\"build\":\"h0c530f3_0\",\"subdir\":\"noarch\"}")))
                .write(TestImageBuilder.Format.OCI_ARCHIVE, image);
        InstalledPackages installed = InstalledPackages.read(image);
        PackageLock numpy = installed.find("conda", "numpy", NOW).orElseThrow();
        assertThat(numpy.build()).isEqualTo("py311h64a7726_0");
        assertThat(numpy.repositories()).containsExactly("https://conda.anaconda.org/conda-forge/linux-64");
        assertThat(installed.find("conda", "zlib", NOW).orElseThrow().repositories()).containsExactly("https://repo.anaconda.com/pkgs/main/linux-64");
        assertThat(installed.find("conda", "tzdata", NOW).orElseThrow().repositories()).isEmpty();
    }

    @Test
    void condaChannelForms() {
        assertThat(CondaParser.channelSubdirUrl(utf8("{\"channel\":\"conda-forge\",\"subdir\":\"noarch\"}")))
                .isEqualTo("https://conda.anaconda.org/conda-forge/noarch");
        assertThat(CondaParser.channelSubdirUrl(utf8("{\"channel\":\"pkgs/main\",\"subdir\":\"linux-aarch64\"}")))
                .isEqualTo("https://repo.anaconda.com/pkgs/main/linux-aarch64");
        assertThat(CondaParser.channelSubdirUrl(utf8("{\"channel\":\"https://repo.anaconda.com/pkgs/main/osx-arm64/\"}")))
                .isEqualTo("https://repo.anaconda.com/pkgs/main/osx-arm64");
        assertThat(CondaParser.channelSubdirUrl(utf8("{\"channel\":\"https://example.org/ch\"}"))).isNull();
        assertThat(CondaParser.channelSubdirUrl(utf8("{\"channel\":null,\"subdir\":\"linux-64\"}"))).isNull();
        assertThat(CondaParser.channelSubdirUrl(utf8("not json"))).isNull();
    }

    @Test
    void apkPackagesRecordEveryRepositoryLineWithTheImageArchitecture() throws Exception {
        Path image = tmp.resolve("alpine.tar");
        new TestImageBuilder().platform("linux", "arm64", "v8").layer(TestLayer.of(
                TestEntry.file("etc/os-release", "ID=alpine\nVERSION_ID=3.20.3\n"),
                TestEntry.file("etc/apk/repositories", "https://dl-cdn.alpinelinux.org/alpine/v3.20/main\n"
                        + "# https://dl-cdn.alpinelinux.org/alpine/edge/testing\n\n"
                        + "https://dl-cdn.alpinelinux.org/alpine/v3.20/community/\n@edge https://dl-cdn.alpinelinux.org/alpine/edge/main\n"
                        + "/media/cdrom/apks\n"),
                TestEntry.file("lib/apk/db/installed", "C:Q1/Bv3H5gtqi4c2dVYM7w6gqyqKY=\nP:curl\nV:8.9.1-r1\nA:aarch64\n"
                        + "T:URL retrieval utility and library\no:curl\n\n")))
                .write(TestImageBuilder.Format.OCI_ARCHIVE, image);
        PackageLock curl = InstalledPackages.read(image).find("apk", "curl", NOW).orElseThrow();
        assertThat(curl.version()).isEqualTo("8.9.1-r1");
        assertThat(curl.repositories()).containsExactly("https://dl-cdn.alpinelinux.org/alpine/v3.20/main/aarch64",
                "https://dl-cdn.alpinelinux.org/alpine/v3.20/community/aarch64", "https://dl-cdn.alpinelinux.org/alpine/edge/main/aarch64");
    }

    @Test
    void rpmPackagesRecordTheBaseurlsOfEnabledRepositories() throws Exception {
        byte[] rpmdb = RpmFixtures.sqlite(tmp, RpmFixtures.pkg("bash", "5.2.26", "3.fc40", null, "x86_64", "/usr/bin/bash"));
        Path image = tmp.resolve("fedora.tar");
        new TestImageBuilder().platform("linux", "amd64", null).layer(TestLayer.of(
                TestEntry.file("etc/os-release", "ID=fedora\nVERSION_ID=40\n"),
                TestEntry.file("usr/lib/sysimage/rpm/rpmdb.sqlite", rpmdb),
                TestEntry.file("etc/yum.repos.d/local.repo", "[local]\nname=Local mirror\n"
                        + "baseurl=https://mirror.example.org/fedora/$releasever/Everything/$basearch/os/\n"
                        + "        https://mirror2.example.org/fedora/$releasever/$basearch/\nenabled=1\ngpgcheck=1\n\n"
                        + "[local-debuginfo]\nname=debug\nbaseurl=https://mirror.example.org/debug/$basearch/\nenabled=0\n"),
                TestEntry.file("etc/yum.repos.d/fedora.repo", "[fedora]\nname=Fedora $releasever - $basearch\n"
                        + "#baseurl=http://download.example/pub/fedora/linux/releases/$releasever/Everything/$basearch/os/\n"
                        + "metalink=https://mirrors.fedoraproject.org/metalink?repo=fedora-$releasever&arch=$basearch\nenabled=1\n"),
                TestEntry.file("etc/yum.repos.d/aws.repo", "[aws]\nbaseurl=https://al2023-repos-$awsregion.s3.amazonaws.com/$basearch\n")))
                .write(TestImageBuilder.Format.OCI_ARCHIVE, image);
        PackageLock bash = InstalledPackages.read(image).find("rpm", "bash", NOW).orElseThrow();
        assertThat(bash.version()).isEqualTo("5.2.26-3.fc40");
        // the metalink-only fedora repository is recorded by its metalink; aws keeps $awsregion, which drift can not know
        assertThat(bash.repositories()).containsExactly("metalink:https://mirrors.fedoraproject.org/metalink?repo=fedora-40&arch=x86_64",
                "https://mirror.example.org/fedora/40/Everything/x86_64/os");
    }

    @Test
    void yumRepoSectionsAreParsedLikeDnf() {
        List<PackageRepositories.YumRepo> repos = PackageRepositories.yumRepos(utf8(
                "[main]\ngpgcheck=1\n; comment\n[a]\nbaseurl = http://x/a/ , http://y/a/\nenabled = 0\n[b]\nmirrorlist=http://m/list\n"));
        assertThat(repos).containsExactly(new PackageRepositories.YumRepo("a", List.of("http://x/a/", "http://y/a/"), false, false, null, null),
                new PackageRepositories.YumRepo("b", List.of(), true, true, "http://m/list", null));
    }

    @Test
    void repositoriesSurviveTheLockFileAndOldLocksStillRead() throws Exception {
        PackageLock apk = new PackageLock("apk", "curl", "8.9.1-r1", null, List.of(), "image x", "2026-02-01T10:20:30Z",
                List.of("https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64", "https://dl-cdn.alpinelinux.org/alpine/v3.20/community/x86_64"));
        LockFile lock = new LockFile(1, new LockedDockerfile("Dockerfile", "0".repeat(64)), List.of(), List.of(), List.of(), List.of(apk), List.of());
        String text = LockFileIO.write(lock);
        assertThat(text).contains("    repositories:\n      - https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64\n"
                + "      - https://dl-cdn.alpinelinux.org/alpine/v3.20/community/x86_64\n");
        assertThat(LockFileIO.parse(text, "strata.lock")).isEqualTo(lock);
        assertThat(LockFileIO.write(LockFileIO.parse(text, "strata.lock"))).isEqualTo(text);
        String old = text.substring(0, text.indexOf("    repositories:"));
        assertThat(LockFileIO.parse(old, "strata.lock").packages().get(0).repositories()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LockFileIO.parse(text.replace("https://dl-cdn", "file:///dl-cdn"), "strata.lock"))
                .isInstanceOf(LockFileException.class).hasMessageContaining("is not an http(s) URL");
    }
}
