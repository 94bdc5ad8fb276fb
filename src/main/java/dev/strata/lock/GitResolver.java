package dev.strata.lock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Resolves git refs with the {@code git} program ({@code ls-remote}), and checks whether a commit
 * can still be fetched (a shallow fetch of that commit into a throw-away repository).
 */
public final class GitResolver {
    private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    private final Duration timeout;

    public GitResolver(Duration timeout) {
        this.timeout = timeout;
    }

    /** Whether {@code ref} is a full object id (40 or 64 hex digits). */
    public static boolean isFullCommit(String ref) {
        return FULL_ID.matcher(ref).matches();
    }

    /** Locks {@code ref} ({@code HEAD} for the default branch) of {@code url} to a commit. */
    public GitLock resolve(String url, String ref, Instant now) throws ResolutionException {
        if (FULL_ID.matcher(ref).matches()) {
            return new GitLock(url, ref, ref, LockClock.format(now));
        }
        Optional<String> commit = currentCommit(url, ref);
        if (commit.isEmpty()) {
            throw new ResolutionException(url + ": no branch or tag named '" + ref + "'");
        }
        return new GitLock(url, ref, commit.get(), LockClock.format(now));
    }

    /** Where {@code ref} points now, empty when no such ref exists. */
    public Optional<String> currentCommit(String url, String ref) throws ResolutionException {
        Map<String, String> refs = lsRemote(url);
        List<String> candidates = ref.equals("HEAD")
                ? List.of("HEAD")
                : List.of("refs/tags/" + ref + "^{}", "refs/tags/" + ref, "refs/heads/" + ref, ref);
        for (String c : candidates) {
            if (refs.containsKey(c)) {
                return Optional.of(refs.get(c));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code commit} can still be fetched from {@code url}. */
    public boolean commitFetchable(String url, String commit) throws ResolutionException {
        if (lsRemote(url).containsValue(commit)) {
            return true;
        }
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("strata-git-");
            run(tmp, List.of("git", "init", "-q", "--bare", "."), url);
            Result r = run(tmp, List.of("git", "fetch", "-q", "--depth=1", "--no-tags", url, commit), url);
            if (r.exit() != 0) {
                return false;
            }
            return run(tmp, List.of("git", "cat-file", "-e", commit + "^{commit}"), url).exit() == 0;
        } catch (IOException e) {
            throw new ResolutionException(url + ": cannot check commit (" + e.getMessage() + ")", e);
        } finally {
            deleteTree(tmp);
        }
    }

    private Map<String, String> lsRemote(String url) throws ResolutionException {
        Result r;
        try {
            r = run(null, List.of("git", "ls-remote", "--", url), url);
        } catch (IOException e) {
            throw new ResolutionException(url + ": cannot run git (" + e.getMessage() + ")", e);
        }
        if (r.exit() != 0) {
            String err = r.stderr().strip();
            int nl = err.indexOf('\n');
            throw new ResolutionException(url + ": git ls-remote failed: " + (nl < 0 ? err : err.substring(0, nl)));
        }
        Map<String, String> refs = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                refs.put(line.substring(tab + 1).trim(), line.substring(0, tab).trim());
            }
        }
        return refs;
    }

    private record Result(int exit, String stdout, String stderr) {}

    private Result run(Path dir, List<String> cmd, String url) throws IOException, ResolutionException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd));
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().put("GIT_ASKPASS", "/bin/false");
        pb.environment().put("LC_ALL", "C");
        Path err = Files.createTempFile("strata-git-err", ".txt");
        try {
            pb.redirectError(err.toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new ResolutionException(url + ": git timed out after " + timeout.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new ResolutionException(url + ": interrupted", e);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
