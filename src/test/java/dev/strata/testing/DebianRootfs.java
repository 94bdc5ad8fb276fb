package dev.strata.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Debian bookworm root file system ({@code debootstrap --variant=minbase}) packed as a plain tar,
 * built once per machine and shared by every test and every JVM that asks for it.
 *
 * <p>The tarball lives in {@code ${java.io.tmpdir}/strata-it-cache/}, named by a hash of what
 * determines it (suite, variant, mirror, recipe version), so a CI run builds it once (about 30 s from
 * deb.debian.org) and every later test, in this JVM or another, reuses it. A lock file next to it
 * keeps parallel JVMs from building it twice; within one JVM a lock does the same for threads.
 *
 * <p>Use it as the base of a real image: {@link ImageSpec#debian(String)} puts it in the build
 * context as {@code rootfs.tar} under {@code FROM scratch} + {@code ADD rootfs.tar /}.
 */
public final class DebianRootfs {
    /** The suite the tests are written against. */
    public static final String SUITE = "bookworm";
    /** The mirror debootstrap reads; the only Debian network source these machines reach. */
    public static final String MIRROR = "http://deb.debian.org/debian";
    /** Bump when the way the tarball is made changes, so stale caches are not reused. */
    private static final String RECIPE = "minbase-v1-tar-sorted-numeric-owner";

    private static final ReentrantLock IN_JVM = new ReentrantLock();

    private DebianRootfs() {}

    /** Why a Debian rootfs cannot be made here, or empty when it can (root and debootstrap present). */
    public static Optional<String> unusableReason() {
        if (!"root".equals(System.getProperty("user.name")) && !isUidZero()) {
            return Optional.of("debootstrap needs root; tests run as " + System.getProperty("user.name"));
        }
        if (!Processes.onPath("debootstrap") && !Files.isExecutable(Path.of("/usr/sbin/debootstrap"))) {
            return Optional.of("debootstrap is not installed (apt-get install debootstrap)");
        }
        if (!Processes.onPath("tar")) {
            return Optional.of("tar is not installed");
        }
        return Optional.empty();
    }

    /** The cache directory shared by the integration tests of every JVM on this machine. */
    public static Path cacheDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "strata-it-cache");
    }

    /**
     * The path of the cached tarball, building it first when absent.
     *
     * @throws IllegalStateException when debootstrap fails (its last output lines are in the message)
     */
    public static Path tarball() {
        Path dir = cacheDir();
        Path tar = dir.resolve("debian-" + SUITE + "-" + key() + ".tar");
        IN_JVM.lock();
        try {
            Files.createDirectories(dir);
            if (Files.isRegularFile(tar)) {
                return tar;
            }
            try (FileChannel ch = FileChannel.open(dir.resolve(tar.getFileName() + ".lock"),
                            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                if (!Files.isRegularFile(tar)) { // another JVM may have built it while we waited
                    build(dir, tar);
                }
            }
            return tar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + tar, e);
        } finally {
            IN_JVM.unlock();
        }
    }

    private static void build(Path dir, Path tar) throws IOException {
        Path work = Files.createTempDirectory(dir, "debootstrap-");
        try {
            Path root = work.resolve("rootfs");
            String debootstrap = Processes.onPath("debootstrap") ? "debootstrap" : "/usr/sbin/debootstrap";
            ProcessResult boot = Processes.run(
                    List.of(debootstrap, "--variant=minbase", SUITE, root.toString(), MIRROR),
                    Map.of(), work, Duration.ofMinutes(10));
            if (!boot.succeeded()) {
                throw new IllegalStateException("debootstrap " + SUITE + " failed (exit " + boot.exitCode()
                        + "):\n" + boot.tail(20));
            }
            Path partial = work.resolve("rootfs.tar");
            ProcessResult pack = Processes.run(
                    List.of("tar", "--numeric-owner", "--sort=name", "--xattrs", "-C", root.toString(),
                            "-cf", partial.toString(), "."),
                    Map.of(), work, Duration.ofMinutes(5));
            if (!pack.succeeded()) {
                throw new IllegalStateException("packing the rootfs failed:\n" + pack.tail(20));
            }
            Files.move(partial, tar, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            TempDirs.deleteRecursively(work);
        }
    }

    private static String key() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((SUITE + "\n" + MIRROR + "\n" + RECIPE).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isUidZero() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
