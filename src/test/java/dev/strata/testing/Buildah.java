package dev.strata.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * Test fixture: a real buildah with private storage, for integration tests that need real images.
 *
 * <p>Typical use in a test tagged {@code @Tag("integration")}:
 * <pre>{@code
 * try (Buildah buildah = Buildah.open()) {          // skips the test when buildah is unusable
 *     BuiltImage img = buildah.build(ImageSpec.debian("RUN apt-get update && apt-get install -y jq\n")
 *             .withTimestamp(0));
 *     Path tar = buildah.export(img, ExportFormat.OCI_ARCHIVE);   // or DOCKER_ARCHIVE, OCI_LAYOUT
 *     ... read tar with the image reader ...
 * }
 * }</pre>
 *
 * <p>Every fixture runs buildah as {@code buildah --root R --runroot RR --storage-driver vfs} with
 * {@code R}/{@code RR} under its own temporary directory, {@code --isolation chroot} and
 * {@code --network host}, so parallel tests and JVMs never share or collide on storage, nothing
 * needs a daemon, and {@code RUN apt-get …} reaches deb.debian.org. {@link #close()} deletes all of it.
 * Builds never use a cache ({@code --no-cache}, {@code --layers=false}); with {@code --layers=false}
 * buildah squashes everything a build adds into ONE layer (a {@code FROM scratch} image has exactly one
 * layer; its history has one non-empty entry, the last instruction). strata's own rebuild uses
 * {@code --layers} instead (one layer per instruction); this fixture keeps the squashed form that the
 * tests written against it expect.
 *
 * <p>Cost: a busybox image builds and exports in about a second; a Debian image about 10–30 s
 * (plus the one-time 30 s debootstrap per machine, cached by {@link DebianRootfs}).
 */
public final class Buildah implements AutoCloseable {
    private static final Duration BUILD_LIMIT = Duration.ofMinutes(10);
    private static final Duration SHORT_LIMIT = Duration.ofMinutes(2);
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static volatile Optional<String> probed;

    private final Path dir;
    private final Path root;
    private final Path runRoot;
    private int contexts;

    private Buildah(Path dir) {
        this.dir = dir;
        this.root = dir.resolve("storage");
        this.runRoot = dir.resolve("run");
    }

    /**
     * Opens a fixture with fresh private storage, or skips the calling test (JUnit assumption) with a
     * message naming what is missing when buildah cannot build here.
     */
    public static Buildah open() {
        assumeAvailable(unusableReason());
        try {
            return new Buildah(Files.createTempDirectory("strata-buildah-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for buildah storage", e);
        }
    }

    /**
     * Why buildah cannot build on this machine (not installed, not root, storage unusable), or empty
     * when it can. Probed once per JVM by creating and removing a {@code FROM scratch} container in
     * throw-away storage.
     */
    public static Optional<String> unusableReason() {
        Optional<String> r = probed;
        if (r == null) {
            synchronized (Buildah.class) {
                if (probed == null) {
                    probed = probe();
                }
                r = probed;
            }
        }
        return r;
    }

    private static Optional<String> probe() {
        if (!Processes.onPath("buildah")) {
            return Optional.of("buildah is not installed (apt-get install buildah)");
        }
        if (!DebianRootfs.isUidZero()) {
            return Optional.of("buildah with --isolation chroot and vfs storage needs root here; tests run as "
                    + System.getProperty("user.name"));
        }
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("strata-buildah-probe-");
            Buildah b = new Buildah(tmp);
            ProcessResult from = b.run(List.of("from", "--name", "strata-probe", "scratch"), SHORT_LIMIT);
            if (!from.succeeded()) {
                return Optional.of("buildah cannot create a container: " + from.tail(3));
            }
            b.run(List.of("rm", "strata-probe"), SHORT_LIMIT);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot create buildah probe storage: " + e.getMessage());
        } finally {
            TempDirs.deleteRecursively(tmp);
        }
    }

    /** Skips the calling test when {@code reason} is present. */
    static void assumeAvailable(Optional<String> reason) {
        Assumptions.assumeTrue(reason.isEmpty(), () -> "skipped: " + reason.orElse(""));
    }

    /** Skips the calling test unless {@code /bin/busybox} is a static binary (Debian busybox-static). */
    static void assumeStaticBusybox() {
        Assumptions.assumeTrue(Files.isRegularFile(ImageSpec.HOST_BUSYBOX),
                "skipped: /bin/busybox is absent (apt-get install busybox-static)");
        Assumptions.assumeTrue(isStatic(ImageSpec.HOST_BUSYBOX),
                "skipped: /bin/busybox is dynamically linked (apt-get install busybox-static)");
    }

    /** True unless the ELF file names a program interpreter (ld.so) in its first pages. */
    private static boolean isStatic(Path elf) {
        try (InputStream in = Files.newInputStream(elf)) {
            String head = new String(in.readNBytes(8192), StandardCharsets.ISO_8859_1);
            return !head.contains("/ld-linux") && !head.contains("/ld-musl") && !head.contains("ld64.so");
        } catch (IOException e) {
            return false;
        }
    }

    /** The global flags that select this fixture's storage: {@code --root R --runroot RR --storage-driver vfs}. */
    public List<String> storageArgs() {
        return List.of("--root", root.toString(), "--runroot", runRoot.toString(), "--storage-driver", "vfs");
    }

    /**
     * The environment that makes a plain {@code buildah} (or code that runs buildah, like strata's
     * own builder adapter) use this fixture's storage and isolation: {@code STORAGE_DRIVER=vfs},
     * {@code BUILDAH_ISOLATION=chroot}, and a {@code CONTAINERS_STORAGE_CONF} pointing at a
     * storage.conf whose graphroot/runroot are this fixture's.
     */
    public Map<String, String> environment() {
        Path conf = dir.resolve("storage.conf");
        try {
            if (!Files.exists(conf)) {
                Files.writeString(conf, "[storage]\ndriver = \"vfs\"\nrunroot = \"" + runRoot + "\"\ngraphroot = \""
                        + root + "\"\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + conf, e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STORAGE_DRIVER", "vfs");
        env.put("BUILDAH_ISOLATION", "chroot");
        env.put("CONTAINERS_STORAGE_CONF", conf.toString());
        return env;
    }

    /** This fixture's private directory; exports and build contexts go here and vanish on close. */
    public Path workDir() {
        return dir;
    }

    /**
     * Builds the spec; fails the test (IllegalStateException with buildah's last output lines) when the
     * build fails. For builds that are meant to fail, use {@link #tryBuild(ImageSpec)}.
     */
    public BuiltImage build(ImageSpec spec) {
        BuildAttempt a = tryBuild(spec);
        if (!a.succeeded()) {
            throw new IllegalStateException("buildah bud failed (exit " + a.exitCode() + "):\n"
                    + new ProcessResult(List.of(), a.exitCode(), a.log()).tail(30));
        }
        return a.image();
    }

    /** Builds the spec in a fresh context directory and reports success or failure with the full log. */
    public BuildAttempt tryBuild(ImageSpec spec) {
        Path context = spec.writeContext(dir.resolve("context-" + (++contexts)));
        String name = "localhost/strata-it-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet()
                + ":latest";
        List<String> args = new ArrayList<>(List.of("bud", "--isolation", "chroot", "--network", "host",
                "--no-cache", "--layers=false", "--format", "oci"));
        spec.timestamp().ifPresent(t -> args.addAll(List.of("--timestamp", Long.toString(t))));
        Map<String, String> env = new LinkedHashMap<>();
        spec.sourceDateEpoch().ifPresent(t -> {
            args.addAll(List.of("--build-arg", "SOURCE_DATE_EPOCH=" + t));
            env.put("SOURCE_DATE_EPOCH", Long.toString(t));
        });
        spec.buildArgs().forEach((k, v) -> args.addAll(List.of("--build-arg", k + "=" + v)));
        if (spec.target() != null) {
            args.addAll(List.of("--target", spec.target()));
        }
        args.addAll(List.of("--iidfile", context.resolve(".iid").toString(), "-f",
                context.resolve("Dockerfile").toString(), "-t", name, context.toString()));
        ProcessResult r = run(args, env, BUILD_LIMIT);
        if (!r.succeeded()) {
            return new BuildAttempt(null, r.exitCode(), r.output(), context);
        }
        String id;
        try {
            id = Files.readString(context.resolve(".iid")).trim().replaceFirst("^sha256:", "");
        } catch (IOException e) {
            throw new UncheckedIOException("buildah wrote no image id file", e);
        }
        return new BuildAttempt(new BuiltImage(name, id, r.output()), 0, r.output(), context);
    }

    /**
     * Exports the image with {@code buildah push} to {@code target}: a tar file for the archive
     * formats, a directory (created) for {@link ExportFormat#OCI_LAYOUT}. Layers are compressed as
     * buildah does by default (gzip in OCI archives and layouts; docker-archive is uncompressed).
     */
    public Path export(BuiltImage image, ExportFormat format, Path target) {
        return export(image, format, target, null);
    }

    /**
     * As {@link #export(BuiltImage, ExportFormat, Path)}, with layer compression: null (buildah's
     * default: gzip for OCI archive and layout, uncompressed for docker-archive, which is always
     * uncompressed), "gzip" or "zstd" ({@code --compression-format}; buildah 1.28 has no way to
     * write uncompressed OCI layers).
     */
    public Path export(BuiltImage image, ExportFormat format, Path target, String compression) {
        String dest = switch (format) {
            case DOCKER_ARCHIVE -> "docker-archive:" + target + ":" + image.name();
            case OCI_ARCHIVE -> "oci-archive:" + target;
            case OCI_LAYOUT -> "oci:" + target;
        };
        List<String> args = new ArrayList<>(List.of("push"));
        if (compression != null) {
            args.addAll(List.of("--compression-format", compression));
        }
        args.addAll(List.of(image.name(), dest));
        ProcessResult r = run(args, Map.of(), BUILD_LIMIT);
        if (!r.succeeded()) {
            throw new IllegalStateException("buildah push " + dest + " failed:\n" + r.tail(20));
        }
        return target;
    }

    /** Exports into this fixture's work directory under a fresh name ({@code .tar}, or a directory for OCI layout). */
    public Path export(BuiltImage image, ExportFormat format) {
        String base = image.name().replaceAll("[^A-Za-z0-9.-]", "_") + "-" + format.transport();
        Path target = dir.resolve(format == ExportFormat.OCI_LAYOUT ? base : base + ".tar");
        return export(image, format, target);
    }

    /** {@link #build(ImageSpec)} then {@link #export(BuiltImage, ExportFormat)}. */
    public Path buildAndExport(ImageSpec spec, ExportFormat format) {
        return export(build(spec), format);
    }

    /** Runs {@code buildah <storage args> <args>} with this fixture's storage and returns what happened. */
    public ProcessResult run(List<String> args, Duration limit) {
        return run(args, Map.of(), limit);
    }

    private ProcessResult run(List<String> args, Map<String, String> extraEnv, Duration limit) {
        List<String> cmd = new ArrayList<>();
        cmd.add("buildah");
        cmd.addAll(storageArgs());
        cmd.addAll(args);
        Map<String, String> env = new LinkedHashMap<>(environment());
        env.putAll(extraEnv);
        return Processes.run(cmd, env, dir, limit);
    }

    /** Removes every image and container of this fixture and deletes its directory. */
    @Override
    public void close() {
        run(List.of("rm", "--all"), SHORT_LIMIT);
        run(List.of("rmi", "--all", "--force"), SHORT_LIMIT);
        TempDirs.deleteRecursively(dir);
    }
}
