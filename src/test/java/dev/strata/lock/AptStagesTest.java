package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestLayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The apt snapshot of every stage: the image's components, the release of each stage's base, golden multi-stage pin. */
class AptStagesTest {
    static final String TS = "20260201T102030Z";
    static final String DEBIAN_SOURCES = "Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\n"
            + "Components: main contrib non-free-firmware\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n"
            + "# security\nTypes: deb\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\n"
            + "Components: main contrib\n  non-free\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n";

    @TempDir Path tmp;

    @ParameterizedTest
    @CsvSource({
        "debian:bookworm-slim, debian/bookworm",
        "debian:bookworm, debian/bookworm",
        "debian:12, debian/bookworm",
        "debian:12.5-slim, debian/bookworm",
        "debian:11-slim, debian/bullseye",
        "docker.io/library/debian:trixie-20260101, debian/trixie",
        "python:3.12-slim-bookworm, debian/bookworm",
        "localhost:5000/mirror/python:3.11-bullseye, debian/bullseye",
        "ubuntu:22.04, ubuntu/jammy",
        "ubuntu:24.04, ubuntu/noble",
        "ubuntu:jammy-20240101, ubuntu/jammy",
        "eclipse-temurin:17-jammy, ubuntu/jammy",
        "nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04, ubuntu/jammy",
        "debian:stable-slim, -",
        "debian:latest, -",
        "debian, -",
        "python:3.12, -",
        "ubuntu:latest, -",
        "localhost:5000/debian, -",
        "debian:sid, -",
        "debian:12@sha256:1111111111111111111111111111111111111111111111111111111111111111, debian/bookworm",
    })
    void releaseOfATag(String image, String expected) {
        assertThat(AptStages.suiteOfTag(image).map(s -> s[0] + "/" + s[1]).orElse("-")).isEqualTo(expected);
    }

    @Test
    void componentsOfTheImagesOwnSources() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("/etc/apt/sources.list.d/debian.sources", DEBIAN_SOURCES);
        files.put("/etc/apt/sources.list", "# comment\ndeb [arch=amd64 signed-by=/k.gpg] http://deb.debian.org/debian bookworm main non-free # trailing\n"
                + "deb-src http://deb.debian.org/debian bookworm sourceonly\n"
                + "deb http://apt.postgresql.org/pub/repos/apt bookworm-pgdg thirdparty\n"
                + "deb http://security.debian.org/debian-security bookworm/updates main\n");
        assertThat(AptSources.components(files, "bookworm")).containsExactly("main", "contrib", "non-free-firmware", "non-free");
        assertThat(AptSources.components(files, "trixie")).isEmpty();
        assertThat(AptSources.components(Map.of("/etc/apt/sources.list.d/debian.sources",
                "Types: deb\nURIs: http://x/debian\nSuites: bookworm\nComponents: main extra\nEnabled: no\n"), "bookworm")).isEmpty();
        assertThat(AptSources.components(Map.of("/etc/apt/sources.list.d/ubuntu.sources",
                "Types: deb\nURIs: http://archive.ubuntu.com/ubuntu/\nSuites: jammy jammy-updates jammy-backports\nComponents: main universe\n"), "jammy"))
                .containsExactly("main", "universe");
    }

    static Path debianImage(Path target, String sources) {
        String dpkg = "Package: curl\nStatus: install ok installed\nArchitecture: amd64\nVersion: 7.88.1-10+deb12u5\n\n"
                + "Package: git\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1:2.39.5-0+deb12u1\n\n";
        new TestImageBuilder()
                .layer(TestLayer.of(TestEntry.dir("etc"), TestEntry.file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n"),
                        TestEntry.dir("etc/apt"), TestEntry.dir("etc/apt/sources.list.d"),
                        TestEntry.file("etc/apt/sources.list.d/debian.sources", sources),
                        TestEntry.dir("var"), TestEntry.dir("var/lib"), TestEntry.dir("var/lib/dpkg"),
                        TestEntry.file("var/lib/dpkg/status", dpkg)))
                .config(c -> c.put("created", "2026-02-01T10:20:30Z"))
                .write(TestImageBuilder.Format.OCI_ARCHIVE, target);
        return target;
    }

    @Test
    void theImageSnapshotKeepsItsComponentsOnAnyService() throws Exception {
        InstalledPackages installed = InstalledPackages.read(debianImage(tmp.resolve("img.tar"), DEBIAN_SOURCES));
        assertThat(installed.aptSnapshot()).contains(new AptSnapshot("debian", "bookworm", TS, "https://snapshot.debian.org/archive/debian/" + TS + "/",
                List.of("main", "contrib", "non-free-firmware", "non-free"), null));
        assertThat(installed.aptSnapshot("http://mirror.lab:8080/snap/").orElseThrow().url())
                .isEqualTo("http://mirror.lab:8080/snap/archive/debian/" + TS + "/");
        assertThat(installed.aptSnapshot().orElseThrow().sourcesCommand()).startsWith(
                "echo 'deb [check-valid-until=no] https://snapshot.debian.org/archive/debian/" + TS + "/ bookworm main contrib non-free-firmware non-free' > /etc/apt/sources.list && ")
                .contains("https://snapshot.debian.org/archive/debian-security/" + TS + "/ bookworm-security main contrib non-free-firmware non-free' >> ");
        InstalledPackages plain = InstalledPackages.read(debianImage(tmp.resolve("plain.tar"), "Types: deb-src\nURIs: x\nSuites: bookworm\nComponents: src\n"));
        assertThat(plain.aptSnapshot().orElseThrow().components()).containsExactly("main");
    }

    /** Locks the multi-stage Dockerfile's apt snapshots against a bookworm image, as lock --image would. */
    static LockFile multiStageLock(byte[] dockerfile, Path image, String service, List<String> notes) throws Exception {
        var df = Locker.parse(Path.of("Dockerfile"), dockerfile);
        var inputs = DockerfileInputs.of(df);
        List<AptSnapshot> snapshots = new Locker(null, null, null, null).aptSnapshotService(service)
                .aptSnapshots(df, inputs, InstalledPackages.read(image), notes);
        String t = "2026-02-01T10:20:30Z";
        return new LockFile(1, new LockedDockerfile("Dockerfile", Hashes.sha256Hex(dockerfile)), List.of(), List.of(), List.of(),
                List.of(new PackageLock("apt", "curl", "7.88.1-10+deb12u5", null, List.of(), "image", t),
                        new PackageLock("apt", "git", "1:2.39.5-0+deb12u1", null, List.of(), "image", t)), snapshots).sorted();
    }

    @Test
    void everyStageWithAKnownReleaseIsPinnedGolden() throws Exception {
        byte[] original = PinGoldenTest.resource("pin/multistage-apt.Dockerfile");
        Path dockerfile = tmp.resolve("Dockerfile");
        Files.write(dockerfile, original);
        List<String> notes = new ArrayList<>();
        LockFile lock = multiStageLock(original, debianImage(tmp.resolve("img.tar"), DEBIAN_SOURCES), null, notes);
        assertThat(lock.aptSnapshots()).containsExactly(
                new AptSnapshot("debian", "bookworm", TS, "https://snapshot.debian.org/archive/debian/" + TS + "/",
                        List.of("main", "contrib", "non-free-firmware", "non-free"), List.of("debian:stable-slim", "python:3.12-slim-bookworm")),
                new AptSnapshot("ubuntu", "jammy", TS, "https://snapshot.ubuntu.com/ubuntu/" + TS + "/",
                        List.of("main", "restricted", "universe", "multiverse"), List.of("ubuntu:22.04")));
        assertThat(notes).containsExactly(
                "line 16: apt-get update in a stage FROM lab/toolbox:latest: its release is unknown (not the built image's base, and its tag names no"
                        + " release codename); not pinned to an apt snapshot",
                "line 19: apt-get update in a stage FROM ${TOOLBOX}: its release is unknown (not the built image's base, and its tag names no"
                        + " release codename); not pinned to an apt snapshot");
        // the lock file keeps components and bases
        Path lockPath = tmp.resolve("strata.lock");
        Files.writeString(lockPath, LockFileIO.write(lock));
        assertThat(LockFileIO.read(lockPath)).isEqualTo(lock);

        PinResult plan = Pinner.plan(dockerfile, lock);
        assertThat(new String(plan.after(), StandardCharsets.UTF_8))
                .isEqualTo(new String(PinGoldenTest.resource("pin/multistage-apt.pinned.Dockerfile"), StandardCharsets.UTF_8));
        assertThat(plan.notes()).filteredOn(n -> n.contains("apt-get update")).containsExactly(
                "line 16: apt-get update in a stage FROM lab/toolbox:latest: no apt snapshot in the lock for this base (its release was unknown when locked); not pinned",
                "line 19: apt-get update in a stage FROM ${TOOLBOX}: no apt snapshot in the lock for this base (its release was unknown when locked); not pinned");
        Pinner.write(plan, lock, lockPath);
        assertThat(Pinner.plan(dockerfile, LockFileIO.read(lockPath)).after()).isEqualTo(plan.after());
        assertThat(Pinner.plan(dockerfile, LockFileIO.read(lockPath)).edits()).isEmpty();
    }

    @Test
    void anInternalSnapshotServiceIsRecordedAndWritten() throws Exception {
        byte[] original = "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n".getBytes(StandardCharsets.UTF_8);
        Path dockerfile = tmp.resolve("Dockerfile");
        Files.write(dockerfile, original);
        LockFile lock = multiStageLock(original, debianImage(tmp.resolve("img.tar"), DEBIAN_SOURCES), "http://snapshots.lab.internal:3142/", new ArrayList<>());
        AptSnapshot snapshot = lock.aptSnapshots().get(0);
        assertThat(snapshot.url()).isEqualTo("http://snapshots.lab.internal:3142/archive/debian/" + TS + "/");
        assertThat(LockFileIO.parse(LockFileIO.write(lock), "strata.lock")).isEqualTo(lock);
        String pinned = new String(Pinner.plan(dockerfile, lock).after(), StandardCharsets.UTF_8);
        assertThat(pinned).contains("echo 'deb [check-valid-until=no] http://snapshots.lab.internal:3142/archive/debian/" + TS + "/ bookworm main",
                "http://snapshots.lab.internal:3142/archive/debian-security/" + TS + "/ bookworm-security main");
        // a pinned RUN on a non-public service is recognised as pinned: pin again changes nothing
        Path lockPath = tmp.resolve("strata.lock");
        Files.writeString(lockPath, LockFileIO.write(lock));
        Pinner.write(Pinner.plan(dockerfile, lock), lock, lockPath);
        assertThat(Pinner.plan(dockerfile, LockFileIO.read(lockPath)).changes()).isFalse();
        assertThat(new AptArchive(null, "amd64", java.time.Duration.ofSeconds(1)).indexUrls(snapshot))
                .contains("http://snapshots.lab.internal:3142/archive/debian/" + TS + "/dists/bookworm/contrib/binary-amd64/Packages");
    }

    @Test
    void locksWithoutComponentsOrBasesStillReadAndPinTheFinalStageOnly() throws Exception {
        String old = LockFileIO.HEADER + "lockVersion: 1\ndockerfile:\n  path: Dockerfile\n  sha256: " + "a".repeat(64) + "\n"
                + "aptSnapshots:\n  - distribution: debian\n    suite: bookworm\n    timestamp: " + TS + "\n    url: https://snapshot.debian.org/archive/debian/" + TS + "/\n";
        LockFile lock = LockFileIO.parse(old, "old.lock");
        assertThat(lock.aptSnapshots().get(0).componentList()).containsExactly("main");
        assertThat(lock.aptSnapshots().get(0).baseList()).isEmpty();
        assertThat(LockFileIO.write(lock)).isEqualTo(old);
    }

    @Test
    void badSnapshotEntriesAreRejected() {
        String head = "lockVersion: 1\ndockerfile:\n  path: Dockerfile\n  sha256: " + "a".repeat(64) + "\n"
                + "aptSnapshots:\n- distribution: debian\n  suite: bookworm\n  timestamp: " + TS + "\n";
        for (String bad : List.of("  url: ftp://snapshot.debian.org/archive/debian/" + TS + "/\n",
                "  url: https://snapshot.debian.org/archive/debian/20250101T000000Z/\n",
                "  url: https://x'y/archive/debian/" + TS + "/\n",
                "  url: https://snapshot.debian.org/archive/debian/" + TS + "/\n  components:\n  - Main Contrib\n",
                "  url: https://snapshot.debian.org/archive/debian/" + TS + "/\n  bases:\n  - ' '\n")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> LockFileIO.parse(head + bad, "bad.lock"))
                    .isInstanceOf(LockFileException.class).hasMessageStartingWith("bad.lock: apt snapshot");
        }
    }

    @Test
    void anUbuntuImageKeepsTheComponentsOfItsUbuntuSources() throws Exception {
        Path target = tmp.resolve("noble.tar");
        new TestImageBuilder()
                .layer(TestLayer.of(TestEntry.dir("etc"), TestEntry.file("etc/os-release", "ID=ubuntu\nVERSION_ID=\"24.04\"\nVERSION_CODENAME=noble\n"),
                        TestEntry.dir("etc/apt"), TestEntry.dir("etc/apt/sources.list.d"),
                        TestEntry.file("etc/apt/sources.list", "# Ubuntu sources have moved to /etc/apt/sources.list.d/ubuntu.sources\n"),
                        TestEntry.file("etc/apt/sources.list.d/ubuntu.sources", "Types: deb\nURIs: http://archive.ubuntu.com/ubuntu/\n"
                                + "Suites: noble noble-updates noble-backports\nComponents: main universe restricted multiverse\n"
                                + "Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n\nTypes: deb\nURIs: http://security.ubuntu.com/ubuntu/\n"
                                + "Suites: noble-security\nComponents: main universe restricted multiverse\n")))
                .config(c -> c.put("created", "2026-02-01T10:20:30Z"))
                .write(TestImageBuilder.Format.OCI_ARCHIVE, target);
        AptSnapshot snapshot = InstalledPackages.read(target).aptSnapshot().orElseThrow();
        assertThat(snapshot).isEqualTo(new AptSnapshot("ubuntu", "noble", TS, "https://snapshot.ubuntu.com/ubuntu/" + TS + "/",
                List.of("main", "universe", "restricted", "multiverse"), null));
        assertThat(snapshot.sourcesCommand()).isEqualTo(
                "echo 'deb [check-valid-until=no] https://snapshot.ubuntu.com/ubuntu/" + TS + "/ noble main universe restricted multiverse' > /etc/apt/sources.list && "
                + "echo 'deb [check-valid-until=no] https://snapshot.ubuntu.com/ubuntu/" + TS + "/ noble-updates main universe restricted multiverse' >> /etc/apt/sources.list && "
                + "echo 'deb [check-valid-until=no] https://snapshot.ubuntu.com/ubuntu/" + TS + "/ noble-security main universe restricted multiverse' >> /etc/apt/sources.list && "
                + "rm -f /etc/apt/sources.list.d/ubuntu.sources && ");
        assertThat(InstalledPackages.read(target).aptSnapshot("https://snapshots.lab/").orElseThrow().url())
                .isEqualTo("https://snapshots.lab/ubuntu/" + TS + "/");
    }

    @Test
    void lockRejectsASnapshotUrlThatIsNotHttp() throws Exception {
        Files.writeString(tmp.resolve("Dockerfile"), "FROM scratch\n");
        for (String bad : List.of("ftp://mirror/snap", "http://mirror/it's", "snapshots.lab")) {
            var r = DriftIntegrationTest.cli("lock", "--apt-snapshot-url", bad, tmp.toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("strata: --apt-snapshot-url: '" + bad + "' is not an http(s) URL\n");
        }
        assertThat(tmp.resolve("strata.lock")).doesNotExist();
    }

    @Test
    void aStageOnTheImagesBaseSharesItsSnapshotAndAPinnedFileRelocksTheSame() throws Exception {
        byte[] original = ("FROM debian:12 AS build\nRUN apt-get update && apt-get install -y curl\n"
                + "FROM debian:12\nRUN apt-get update && apt-get install -y git\n").getBytes(StandardCharsets.UTF_8);
        Path dockerfile = tmp.resolve("Dockerfile");
        Files.write(dockerfile, original);
        Path image = debianImage(tmp.resolve("img.tar"), DEBIAN_SOURCES);
        List<String> notes = new ArrayList<>();
        LockFile lock = multiStageLock(original, image, null, notes);
        assertThat(notes).isEmpty();
        assertThat(lock.aptSnapshots()).singleElement().satisfies(s -> assertThat(s.bases()).containsExactly("debian:12"));
        String pinned = new String(Pinner.plan(dockerfile, lock).after(), StandardCharsets.UTF_8);
        String sources = lock.aptSnapshots().get(0).sourcesCommand();
        assertThat(pinned).isEqualTo("FROM debian:12 AS build\nRUN " + sources + "apt-get update && apt-get install -y curl=7.88.1-10+deb12u5\n"
                + "FROM debian:12\nRUN " + sources + "apt-get update && apt-get install -y git=1:2.39.5-0+deb12u1\n");
        // locking the pinned file against the same image records the same snapshot
        assertThat(multiStageLock(pinned.getBytes(StandardCharsets.UTF_8), image, null, notes).aptSnapshots()).isEqualTo(lock.aptSnapshots());
        assertThat(notes).isEmpty();
    }

    @Test
    void stageBasesFollowStageNames() throws Exception {
        var df = Locker.parse(Path.of("Dockerfile"), ("ARG V=12\nFROM debian:${V} AS a\nRUN true\nFROM a AS b\nRUN true\nFROM b\nRUN true\n")
                .getBytes(StandardCharsets.UTF_8));
        AptStages stages = AptStages.of(df);
        assertThat(stages.finalBase()).contains("debian:12");
        assertThat(stages.baseAt(0)).isEqualTo(Optional.empty());
        assertThat(stages.baseAt(df.source().indexOf("RUN true"))).contains("debian:12");
    }
}
