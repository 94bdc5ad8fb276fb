package dev.strata.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** {@link CommandRunner} that starts real processes. */
public final class ProcessCommandRunner implements CommandRunner {
    private static final int TAIL_CHARS = 256 * 1024;

    @Override
    public CommandResult run(Command command) {
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command.argv()).redirectErrorStream(true);
        pb.environment().putAll(command.environment());
        Process p;
        try {
            p = pb.start();
            p.getOutputStream().close(); // nothing is fed on stdin; no program may wait for input
        } catch (IOException e) {
            String why = "cannot run " + command.argv().get(0) + ": " + e.getMessage();
            return new CommandResult(CommandResult.NOT_STARTED, why, elapsed(start));
        }
        StringBuilder tail = new StringBuilder();
        Thread reader = new Thread(() -> pump(p, command, tail), "output-" + command.argv().get(0));
        reader.setDaemon(true);
        reader.start();
        boolean finished;
        try {
            finished = p.waitFor(command.limit().toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BuilderException("interrupted while running " + command.argv().get(0), e);
        }
        String out;
        synchronized (tail) {
            out = tail.toString();
        }
        if (!finished) {
            String note = "strata: " + command.argv().get(0) + " killed after " + command.limit().toMinutes()
                    + " min (time limit)";
            appendToLog(command, note);
            return new CommandResult(CommandResult.TIMED_OUT, out + note + "\n", elapsed(start));
        }
        return new CommandResult(p.exitValue(), out, elapsed(start));
    }

    private static void pump(Process p, Command command, StringBuilder tail) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                Writer log = command.log() == null ? Writer.nullWriter()
                        : Files.newBufferedWriter(command.log(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                                StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.write(line);
                log.write('\n');
                log.flush();
                synchronized (tail) {
                    tail.append(line).append('\n');
                    if (tail.length() > 2 * TAIL_CHARS) {
                        tail.delete(0, tail.length() - TAIL_CHARS);
                    }
                }
                command.onLine().accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void appendToLog(Command command, String line) {
        if (command.log() == null) {
            return;
        }
        try {
            Files.writeString(command.log(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + command.log(), e);
        }
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
