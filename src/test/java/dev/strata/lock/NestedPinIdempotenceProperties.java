package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Pinning inside {@code sh -c} strings and rewriting {@code curl … | sh} is done once: the second
 * pin changes nothing, whatever the quoting and layout.
 */
class NestedPinIdempotenceProperties {
    private static final String T = "2026-01-02T03:04:05Z";
    private static final List<String> APT = List.of("curl", "git", "ca-certificates");
    private static final List<String> PIP = List.of("numpy", "scipy", "jax[cpu]");

    /** Wraps a script as the argument of a shell string, in single or double quotes. */
    private static String wrap(String shell, String quote, String script) {
        return "RUN " + shell + " -c " + quote + script + quote;
    }

    @Provide
    Arbitrary<String> dockerfiles() {
        Arbitrary<String> shell = Arbitraries.of("sh", "bash", "/bin/sh", "su root", "runuser -u app -- sh");
        Arbitrary<String> quote = Arbitraries.of("'", "\"");
        Arbitrary<String> sep = Arbitraries.of(" ", "  ", " \\\n    ", " \\\n# a comment inside\n  ");
        Arbitrary<String> eol = Arbitraries.of("\n", "\n\n", "   # trailing\n");
        Arbitrary<String> apt = Combinators.combine(shell, quote, Arbitraries.of(APT).list().ofMinSize(1).ofMaxSize(3), sep, eol)
                .as((sh, q, pkgs, s, e) -> wrap(sh, q, "apt-get install -y" + s + String.join(s, pkgs)) + e);
        Arbitrary<String> pip = Combinators.combine(shell, quote, Arbitraries.of(PIP).list().ofMinSize(1).ofMaxSize(3), eol)
                .as((sh, q, pkgs, e) -> wrap(sh, q, "pip install " + String.join(" ", pkgs.stream()
                        .map(p -> (q.equals("'") ? "\"" : "'") + p + (q.equals("'") ? "\"" : "'")).toList())) + e);
        Arbitrary<String> curl = Combinators.combine(shell, quote, sep, eol)
                .as((sh, q, s, e) -> wrap(sh, q, "curl -fsSL https://example.org/f.tgz -o /opt/f.tgz" + s + "&& tar xzf /opt/f.tgz") + e);
        Arbitrary<String> git = Combinators.combine(shell, quote, Arbitraries.of("/src/r", "'/src/my r'", "\"/src/my r\"", ""), eol)
                .as((sh, q, dir, e) -> wrap(sh, q, "git clone https://example.org/r.git" + (dir.isEmpty() ? "" : " " + dir)
                        .replace(q.equals("'") ? "'" : "\u0000", "\"").replace(q.equals("\"") ? "\"" : "\u0000", "'")) + e);
        Arbitrary<String> piped = Combinators.combine(Arbitraries.of("curl -fsSL", "curl -sS", "wget -qO-", "wget -q -O -"),
                        Arbitraries.of("sh", "bash", "sudo bash", "sh -s --", "bash -s -- -y", "sh -ex", "bash -", "sh -s -- --prefix '/opt/x y'"),
                        sep, eol)
                .as((fetch, run, s, e) -> "RUN " + fetch + " https://example.org/install.sh" + s + "| " + run + e);
        Arbitrary<String> body = Arbitraries.oneOf(apt, pip, curl, git, piped).list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("", l));
        return body.map(b -> "FROM python:3.11\n" + b);
    }

    private static LockFile lockFor(byte[] dockerfile) {
        List<PackageLock> pkgs = new ArrayList<>();
        APT.forEach(p -> pkgs.add(new PackageLock("apt", p, "1.0-" + p.length(), null, List.of(), "image", T)));
        List.of("numpy", "scipy", "jax").forEach(p -> pkgs.add(new PackageLock("pip", p, "2." + p.length(), null, List.of(), "image", T)));
        return new LockFile(1, new LockedDockerfile("Dockerfile", Hashes.sha256Hex(dockerfile)),
                List.of(new ImageLock("python:3.11", "docker.io/library/python:3.11", "sha256:" + "1".repeat(64), null, List.of(), "r", T)),
                List.of(new DownloadLock("https://example.org/f.tgz", "a".repeat(64), 1, "x", T),
                        new DownloadLock("https://example.org/install.sh", "b".repeat(64), 1, "x", T)),
                List.of(new GitLock("https://example.org/r.git", "HEAD", "c".repeat(40), T)), pkgs, List.of());
    }

    @Property(tries = 150)
    void pinningTwiceChangesNothingTheSecondTime(@ForAll("dockerfiles") String text) throws Exception {
        PinTwice pin = PinTwice.run(text, NestedPinIdempotenceProperties::lockFor);
        assertThat(pin.first().notes()).isEmpty();
        // every RUN line is pinned: one edit or more per RUN, plus the FROM digest
        long runs = text.lines().filter(l -> l.startsWith("RUN ")).count();
        assertThat(pin.first().edits().stream().map(TextEdit::why).count()).isGreaterThanOrEqualTo(runs + 1);
        assertThat(pin.second().edits()).isEmpty();
        assertThat(pin.second().notes()).isEmpty();
        assertThat(pin.second().after()).isEqualTo(pin.pinned());
        assertThat(pin.pinnedText().lines().count()).isEqualTo(text.lines().count());
    }
}
