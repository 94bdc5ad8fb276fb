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

/** Pinning twice changes nothing the second time, whatever the layout of the Dockerfile. */
class PinIdempotenceProperties {
    private static final String T = "2026-01-02T03:04:05Z";
    private static final List<String> APT = List.of("curl", "git", "ca-certificates", "libgomp1");
    private static final List<String> PIP = List.of("numpy", "scipy", "Pandas", "scikit_learn", "jax[cpu]");

    @Provide
    Arbitrary<String> dockerfiles() {
        Arbitrary<String> space = Arbitraries.of(" ", "  ", "\t");
        Arbitrary<String> sep = Arbitraries.of(" ", " \\\n    ", " \\\n# a comment inside\n  ", "  ");
        Arbitrary<String> eol = Arbitraries.of("\n", "\n\n", "\n# note\n", "   # trailing\n");
        Arbitrary<String> apt = Combinators.combine(Arbitraries.of(APT).list().ofMinSize(1).ofMaxSize(4), sep, space, eol)
                .as((pkgs, s, sp, e) -> "RUN" + sp + "apt-get update && apt-get install -y" + s + String.join(s, pkgs) + e);
        Arbitrary<String> pip = Combinators.combine(Arbitraries.of(PIP).list().ofMinSize(1).ofMaxSize(4), sep, eol,
                        Arbitraries.of("", "'", "\""))
                .as((pkgs, s, e, q) -> "RUN pip install --no-cache-dir" + s + String.join(s, pkgs.stream().map(p -> q + p + q).toList()) + e);
        Arbitrary<String> curl = Combinators.combine(sep, eol).as((s, e) -> "RUN curl -fsSL https://example.org/f.tgz -o /tmp/f.tgz" + s + "&& tar xzf /tmp/f.tgz" + e);
        Arbitrary<String> git = Combinators.combine(sep, eol).as((s, e) -> "RUN git clone https://example.org/r.git" + s + "&& ls r" + e);
        Arbitrary<String> add = eol.map(e -> "ADD https://example.org/a.bin /opt/a.bin" + e);
        Arbitrary<String> body = Arbitraries.oneOf(apt, pip, curl, git, add).list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
        Arbitrary<String> from = Arbitraries.of("FROM python:3.11\n", "ARG BASE=python:3.11\nFROM ${BASE} AS b\n", "FROM   python:3.11   AS x\n");
        return Combinators.combine(from, body).as((f, b) -> f + b);
    }

    private static LockFile lockFor(byte[] dockerfile) {
        List<PackageLock> pkgs = new ArrayList<>();
        APT.forEach(p -> pkgs.add(new PackageLock("apt", p, "1.0-" + p.length(), null, List.of(), "image", T)));
        List.of("numpy", "scipy", "Pandas", "scikit_learn", "jax").forEach(p -> pkgs.add(new PackageLock("pip", p, "2." + p.length(), null, List.of(), "image", T)));
        return new LockFile(1, new LockedDockerfile("Dockerfile", Hashes.sha256Hex(dockerfile)),
                List.of(new ImageLock("python:3.11", "docker.io/library/python:3.11", "sha256:" + "1".repeat(64), null, List.of(), "r", T)),
                List.of(new DownloadLock("https://example.org/f.tgz", "a".repeat(64), 1, "x", T),
                        new DownloadLock("https://example.org/a.bin", "b".repeat(64), 1, "x", T)),
                List.of(new GitLock("https://example.org/r.git", "HEAD", "c".repeat(40), T)), pkgs, List.of());
    }

    @Property(tries = 150)
    void pinningTwiceChangesNothingTheSecondTime(@ForAll("dockerfiles") String text) throws Exception {
        PinTwice pin = PinTwice.run(text, PinIdempotenceProperties::lockFor);
        assertThat(pin.first().changes()).isTrue();
        assertThat(pin.second().edits()).isEmpty();
        assertThat(pin.second().after()).isEqualTo(pin.pinned());
        // nothing but insertions and in-place replacements: the original lines' non-pinned text survives
        assertThat(pin.pinnedText().lines().count()).isEqualTo(text.lines().count());
    }
}
