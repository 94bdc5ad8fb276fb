package dev.strata.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What to build: a Dockerfile text, the files of its build context, and the build options. Immutable;
 * every {@code with…} returns a new spec.
 *
 * <p>Three starting points:
 * <ul>
 *   <li>{@link #of(String)}: any Dockerfile; the context holds only the files you add.
 *   <li>{@link #busybox(String)}: {@code FROM scratch} + {@code COPY busybox /bin/busybox} followed by
 *       your instructions; a static busybox is put in the context. Builds in about a second. Write RUN
 *       lines with {@link #busyboxRun(String)} (exec form, as there is no {@code /bin/sh}).
 *   <li>{@link #debian(String)}: {@code FROM scratch} + {@code ADD rootfs.tar /} (Debian bookworm
 *       minbase from {@link DebianRootfs}) followed by your instructions; {@code RUN apt-get update &&
 *       apt-get install -y …} works (the build uses the host network).
 * </ul>
 */
public final class ImageSpec {
    /** The first two lines of every {@link #debian(String)} Dockerfile. */
    public static final String DEBIAN_BASE = "FROM scratch\nADD rootfs.tar /\n";
    /** The first two lines of every {@link #busybox(String)} Dockerfile. */
    public static final String BUSYBOX_BASE = "FROM scratch\nCOPY busybox /bin/busybox\n";
    /** Where Debian's busybox-static puts the static binary. */
    public static final Path HOST_BUSYBOX = Path.of("/bin/busybox");

    private final String dockerfile;
    private final Map<String, byte[]> files;
    private final Map<String, String> buildArgs;
    private final OptionalLong timestamp;
    private final OptionalLong sourceDateEpoch;
    private final String target;
    private final boolean needsDebianRootfs;
    private final boolean needsBusybox;

    private ImageSpec(String dockerfile, Map<String, byte[]> files, Map<String, String> buildArgs,
            OptionalLong timestamp, OptionalLong sourceDateEpoch, String target, boolean needsDebianRootfs,
            boolean needsBusybox) {
        this.dockerfile = dockerfile;
        this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        this.buildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
        this.timestamp = timestamp;
        this.sourceDateEpoch = sourceDateEpoch;
        this.target = target;
        this.needsDebianRootfs = needsDebianRootfs;
        this.needsBusybox = needsBusybox;
    }

    /** A spec for exactly this Dockerfile text. */
    public static ImageSpec of(String dockerfile) {
        return new ImageSpec(dockerfile, Map.of(), Map.of(), OptionalLong.empty(), OptionalLong.empty(), null,
                false, false);
    }

    /** {@link #BUSYBOX_BASE} + {@code rest}; the static busybox is copied into the context. */
    public static ImageSpec busybox(String rest) {
        return new ImageSpec(BUSYBOX_BASE + rest, Map.of(), Map.of(), OptionalLong.empty(), OptionalLong.empty(),
                null, false, true);
    }

    /** {@link #DEBIAN_BASE} + {@code rest}; the cached Debian rootfs tarball is put in the context. */
    public static ImageSpec debian(String rest) {
        return new ImageSpec(DEBIAN_BASE + rest, Map.of(), Map.of(), OptionalLong.empty(), OptionalLong.empty(),
                null, true, false);
    }

    /**
     * A {@code RUN} line (with newline) that runs {@code script} with busybox's sh, in exec form:
     * {@code RUN ["/bin/busybox","sh","-c","<script>"]}. Inside the script call applets as
     * {@code busybox mkdir …}, or run {@code /bin/busybox --install -s /bin} first.
     */
    public static String busyboxRun(String script) {
        return "RUN [\"/bin/busybox\",\"sh\",\"-c\"," + jsonString(script) + "]\n";
    }

    /** Adds a context file (relative path, '/'-separated) with this UTF-8 text. */
    public ImageSpec withFile(String relativePath, String content) {
        return withFile(relativePath, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a context file (relative path, '/'-separated) with these bytes. */
    public ImageSpec withFile(String relativePath, byte[] content) {
        if (relativePath.startsWith("/") || relativePath.contains("..")) {
            throw new IllegalArgumentException("context paths are relative and stay inside: " + relativePath);
        }
        Map<String, byte[]> f = new LinkedHashMap<>(files);
        f.put(relativePath, content.clone());
        return new ImageSpec(dockerfile, f, buildArgs, timestamp, sourceDateEpoch, target, needsDebianRootfs,
                needsBusybox);
    }

    /** {@code --build-arg name=value}. */
    public ImageSpec withBuildArg(String name, String value) {
        Map<String, String> a = new LinkedHashMap<>(buildArgs);
        a.put(name, value);
        return new ImageSpec(dockerfile, files, a, timestamp, sourceDateEpoch, target, needsDebianRootfs,
                needsBusybox);
    }

    /**
     * {@code buildah bud --timestamp seconds}: the created times in config and history, and the
     * mtimes of every file in the new layers, are set to this instant. Two builds of the same
     * deterministic Dockerfile with the same timestamp give the same image id.
     */
    public ImageSpec withTimestamp(long epochSeconds) {
        return new ImageSpec(dockerfile, files, buildArgs, OptionalLong.of(epochSeconds), sourceDateEpoch, target,
                needsDebianRootfs, needsBusybox);
    }

    /**
     * SOURCE_DATE_EPOCH: set in buildah's environment and passed as {@code --build-arg
     * SOURCE_DATE_EPOCH=seconds} (so {@code ARG SOURCE_DATE_EPOCH} makes it visible to RUN).
     */
    public ImageSpec withSourceDateEpoch(long epochSeconds) {
        return new ImageSpec(dockerfile, files, buildArgs, timestamp, OptionalLong.of(epochSeconds), target,
                needsDebianRootfs, needsBusybox);
    }

    /** {@code --target stage}. */
    public ImageSpec withTarget(String stage) {
        return new ImageSpec(dockerfile, files, buildArgs, timestamp, sourceDateEpoch, stage, needsDebianRootfs,
                needsBusybox);
    }

    public String dockerfile() {
        return dockerfile;
    }

    public Map<String, String> buildArgs() {
        return buildArgs;
    }

    public OptionalLong timestamp() {
        return timestamp;
    }

    public OptionalLong sourceDateEpoch() {
        return sourceDateEpoch;
    }

    /** The {@code --target} stage, or null. */
    public String target() {
        return target;
    }

    public boolean needsDebianRootfs() {
        return needsDebianRootfs;
    }

    public boolean needsBusybox() {
        return needsBusybox;
    }

    /**
     * Writes {@code Dockerfile} and every context file into {@code dir} (created if needed), plus
     * {@code rootfs.tar} (a hard link to the cached tarball where possible, else a copy) and/or
     * {@code busybox} when the spec uses them. Usable on its own to make a project directory, e.g.
     * for {@code strata rebuild DIR}. Skips (JUnit assumption) when the rootfs or busybox is unavailable.
     */
    public Path writeContext(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("Dockerfile"), dockerfile, StandardCharsets.UTF_8);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, e.getValue());
            }
            if (needsBusybox) {
                Buildah.assumeStaticBusybox();
                Files.copy(HOST_BUSYBOX, dir.resolve("busybox"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            if (needsDebianRootfs) {
                Buildah.assumeAvailable(DebianRootfs.unusableReason());
                linkOrCopy(DebianRootfs.tarball(), dir.resolve("rootfs.tar"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write build context " + dir, e);
        }
    }

    private static void linkOrCopy(Path source, Path target) throws IOException {
        Files.deleteIfExists(target);
        try {
            Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target);
        }
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
