package dev.strata.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs external programs for the test fixtures: output captured, a hard time limit, no shell. */
final class Processes {
    private Processes() {}

    /** True when {@code program} is an executable file on the PATH. */
    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    static ProcessResult run(List<String> command, Map<String, String> env, Path dir, Duration limit) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new ProcessResult(command, 127, "cannot start " + command.get(0) + ": " + e.getMessage());
        }
        try { // nothing is fed on stdin; closing it means no program waits for input
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // closing an unused stdin cannot lose data
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Thread reader = new Thread(() -> drain(p.getInputStream(), out), "drain-" + command.get(0));
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                reader.join(5_000);
                synchronized (out) {
                    return new ProcessResult(command, 124,
                            out.toString(StandardCharsets.UTF_8) + "\n[timed out after " + limit + "]");
                }
            }
            reader.join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
        synchronized (out) {
            return new ProcessResult(command, p.exitValue(), out.toString(StandardCharsets.UTF_8));
        }
    }

    private static void drain(InputStream in, java.io.ByteArrayOutputStream sink) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (sink) {
                    sink.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
