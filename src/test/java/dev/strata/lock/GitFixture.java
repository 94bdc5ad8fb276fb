package dev.strata.lock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** A bare repository on disk (reached by file:// URL) that tests commit to, move and prune. */
final class GitFixture {
    final Path bare;
    final Path work;

    GitFixture(Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")), "git not installed");
        bare = dir.resolve("repo.git");
        work = dir.resolve("work");
        git(dir, "init", "-q", "--bare", "-b", "main", bare.toString());
        git(dir, "init", "-q", "-b", "main", work.toString());
        git(work, "remote", "add", "origin", bare.toString());
    }

    String url() {
        return bare.toUri().toString();
    }

    /** Commits a file and pushes main; returns the commit id. */
    String commit(String message) throws Exception {
        Files.writeString(work.resolve("file.txt"), message);
        git(work, "add", "file.txt");
        git(work, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-q", "-m", message);
        git(work, "push", "-q", "-f", "origin", "HEAD:main");
        return git(work, "rev-parse", "HEAD").strip();
    }

    /** Rewrites main to a fresh root commit and prunes everything else from the bare repository. */
    String rewriteHistory(String message) throws Exception {
        git(work, "checkout", "-q", "--orphan", "fresh");
        String id = commit(message);
        git(bare, "reflog", "expire", "--expire=now", "--all");
        git(bare, "gc", "-q", "--prune=now");
        return id;
    }

    static String git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + ": " + out);
        }
        return out;
    }
}
