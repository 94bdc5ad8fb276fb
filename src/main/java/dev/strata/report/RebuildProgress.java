package dev.strata.report;

import dev.strata.build.BuildVariant;
import dev.strata.build.BuilderChoice;
import dev.strata.rebuild.BuildRecord;
import dev.strata.rebuild.RebuildListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live progress of a rebuild on a terminal: one status line rewritten in place (which build, which
 * step, elapsed time), plus a line per finished build. Only for a TTY; when output is piped the CLI
 * uses no listener and prints nothing but the result.
 */
public final class RebuildProgress implements RebuildListener, AutoCloseable {
    private static final Pattern STEP = Pattern.compile("^STEP (\\d+/\\d+): (.*)$");
    private static final Pattern KIT_STEP = Pattern.compile("^#\\d+ \\[[^\\]]*?(\\d+/\\d+)\\] (.*)$");
    private static final int WIDTH = 100;

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private volatile String status = "";
    private volatile int build;
    private volatile int total;
    private volatile long buildStart;

    public RebuildProgress(PrintWriter err) {
        this.err = err;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rebuild-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
    }

    /** The step a builder output line announces ("3/5: RUN apt-get …"), or null. */
    static String step(String line) {
        Matcher m = STEP.matcher(line);
        if (m.matches()) {
            return m.group(1) + ": " + m.group(2);
        }
        Matcher k = KIT_STEP.matcher(line);
        return k.matches() ? k.group(1) + ": " + k.group(2) : null;
    }

    @Override
    public void builderChosen(BuilderChoice choice) {
        println("using " + choice.builder().name() + " (" + choice.probes().get(choice.probes().size() - 1).detail()
                + ")");
    }

    @Override
    public void buildStarted(int index, int totalBuilds, BuildVariant variant) {
        build = index;
        total = totalBuilds;
        buildStart = System.nanoTime();
        status = "copying the build context";
        redraw();
    }

    @Override
    public void buildLine(int index, String line) {
        String s = step(line);
        if (s != null) {
            status = "step " + s;
            redraw();
        }
    }

    @Override
    public void buildFinished(BuildRecord b) {
        println(String.format(Locale.ROOT, "build %d/%d %s in %.1f s", b.index(), total,
                b.succeeded() ? "done" : "FAILED", (System.nanoTime() - buildStart) / 1e9));
        status = "";
    }

    @Override
    public void comparing(int a, int b) {
        build = 0;
        status = "comparing the images of builds " + a + " and " + b;
        redraw();
    }

    private synchronized void redraw() {
        if (status.isEmpty()) {
            return;
        }
        String prefix = build > 0 ? "[build " + build + "/" + total + "] " : "";
        String line = String.format(Locale.ROOT, "%s%s (%s)", prefix, status, elapsed());
        if (line.length() > WIDTH) {
            line = line.substring(0, WIDTH - 1) + "…";
        }
        err.print("\r\u001b[2K" + line);
        err.flush();
    }

    private synchronized void println(String line) {
        err.print("\r\u001b[2K" + line + "\n");
        err.flush();
    }

    private String elapsed() {
        long s = (System.nanoTime() - start) / 1_000_000_000L;
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Stops the ticker and clears the status line. */
    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        err.print("\r\u001b[2K");
        err.flush();
    }
}
