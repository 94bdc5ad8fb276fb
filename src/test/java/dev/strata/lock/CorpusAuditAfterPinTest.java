package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.audit.AuditInputException;
import dev.strata.audit.Auditor;
import dev.strata.config.AuditConfig;
import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.DockerfileParseException;
import dev.strata.dockerfile.DockerfileParser;
import dev.strata.dockerfile.Instruction;
import dev.strata.rules.Finding;
import dev.strata.rules.model.BuildContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of issue #6 over the 618 real Dockerfiles of the shared corpus: for every target
 * {@link DockerfileInputs} finds, a synthetic lock (fake but well-formed digests, versions,
 * checksums and commits) is built and pinned; then {@link Auditor} on the pinned text must report
 * no pinning finding for any target the lock covers and pin wrote (or that was already pinned),
 * a second pin must change nothing, and the pinned text must differ from the original only inside
 * the edits pin reports. Conversely, every package pin rewrites must be one the audit reported as
 * floating before pin. Lock and audit each read RUN commands through the shell package's
 * recognizers; this test is where they are held to agree.
 */
class CorpusAuditAfterPinTest {
    private static final String T = "2026-01-02T03:04:05Z";

    /** The audit rules that speak about each kind of lock target. */
    private static final Map<String, Set<String>> PACKAGE_RULES = Map.of(
            "apt", Set.of("apt-unpinned"), "apk", Set.of("apk-unpinned"), "rpm", Set.of("yum-unpinned", "dnf-unpinned"),
            "pip", Set.of("pip-unpinned"), "conda", Set.of("conda-unpinned"), "npm", Set.of("npm-unpinned"));
    private static final Set<String> IMAGE_RULES = Set.of("base-image-latest", "base-image-untagged", "base-image-not-digest-pinned",
            "base-image-from-unpinned-arg");
    private static final Set<String> DOWNLOAD_RULES = Set.of("download-unverified", "pipe-to-shell");
    private static final Set<String> GIT_RULES = Set.of("git-unpinned");
    private static final Set<String> APT_UPDATE_RULES = Set.of("apt-live-mirror");

    private static final Set<String> ALL_PINNING = Set.of("apt-unpinned", "apk-unpinned", "yum-unpinned", "dnf-unpinned",
            "zypper-unpinned", "pip-unpinned", "conda-unpinned", "npm-unpinned", "gem-unpinned", "go-install-unpinned",
            "cargo-install-unpinned", "download-unverified", "pipe-to-shell", "git-unpinned", "apt-live-mirror",
            "base-image-latest", "base-image-untagged", "base-image-not-digest-pinned", "base-image-from-unpinned-arg");

    @TempDir Path tmp;

    @Test
    void auditAfterPinHasNoPinningFindingForWhatTheLockCovers() throws Exception {
        Path corpus = Path.of(System.getProperty("strata.shared", "../shared"), "corpus", "dockerfiles");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "shared corpus not found at " + corpus);
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Counts counts = new Counts();
        List<String> disagreements = new ArrayList<>();
        for (Path p : files) {
            check(corpus.relativize(p).toString(), Files.readAllBytes(p), counts, disagreements);
        }
        String summary = "files " + counts.files + " (unparsable " + counts.unparsable + "), targets " + counts.targets + " (covered "
                + counts.covered + ", already pinned " + counts.alreadyPinned + ", not pinnable in place " + counts.notPinnable
                + ", requirements files " + counts.requirements + "), edits " + counts.edits + ", pinning findings left on inputs pin"
                + " does not cover " + counts.residue + ", disagreements " + disagreements.size();
        System.out.println("[corpus audit-after-pin] " + summary);
        assertThat(counts.files).isEqualTo(files.size());
        assertThat(counts.targets).as("the corpus has floating inputs").isGreaterThan(1000);
        assertThat(disagreements).as(summary).isEmpty();
    }

    private static final class Counts {
        int files;
        int unparsable;
        int targets;
        int covered;
        int alreadyPinned;
        int notPinnable;
        int requirements;
        int edits;
        int residue;
    }

    private void check(String name, byte[] original, Counts counts, List<String> disagreements) throws Exception {
        counts.files++;
        Dockerfile df;
        try {
            df = DockerfileParser.parse(name, original);
        } catch (DockerfileParseException e) {
            counts.unparsable++;
            return;
        }
        DockerfileInputs inputs = DockerfileInputs.of(df);
        Path dir = Files.createDirectories(tmp.resolve("f" + counts.files));
        Path dockerfile = dir.resolve("Dockerfile");
        Files.write(dockerfile, original);
        LockFile lock = syntheticLock(inputs, Hashes.sha256Hex(original));
        PinResult plan = Pinner.plan(dockerfile, lock);
        counts.edits += plan.edits().size();
        String before = df.source();
        Dockerfile pinnedDf = plan.changes() ? DockerfileParser.parse(name, plan.after()) : df;
        String after = pinnedDf.source();

        // only the pinned tokens changed: outside the edits, the text is byte-identical
        unchangedOutsideEdits(name, before, after, plan.edits(), disagreements);

        // pin is idempotent: pinning the pinned file with the same lock changes nothing
        if (plan.changes()) {
            Files.write(dockerfile, plan.after());
            LockFile relocked = new LockFile(lock.lockVersion(), new LockedDockerfile("Dockerfile", Hashes.sha256Hex(plan.after())),
                    lock.images(), lock.downloads(), lock.git(), lock.packages(), lock.aptSnapshots());
            PinResult again = Pinner.plan(dockerfile, relocked);
            if (!again.edits().isEmpty()) {
                disagreements.add(name + ": second pin edits again: " + again.edits());
            }
        }

        List<Finding> findings;
        try {
            findings = Auditor.check(Auditor.model(name, name, after, BuildContext.empty()), AuditConfig.defaults());
        } catch (AuditInputException e) {
            disagreements.add(name + ": pinned text does not audit: " + e.getMessage());
            return;
        }
        for (Finding f : findings) {
            if (ALL_PINNING.contains(f.rule())) {
                // left for inputs the lock does not pin in place (package lists in variables, gem, go...)
                counts.residue++;
                if (Boolean.getBoolean("strata.corpusPinResidue")) {
                    System.out.println("RESIDUE " + name + ":" + f.line() + " " + f.rule() + " " + f.message());
                }
            }
        }
        List<Finding> beforeFindings = Auditor.check(Auditor.model(name, name, before, BuildContext.empty()), AuditConfig.defaults());
        List<Instruction> was = df.instructions();
        List<Instruction> now = pinnedDf.instructions();
        if (was.size() != now.size()) {
            disagreements.add(name + ": pin changed the number of instructions");
            return;
        }
        for (LockTarget t : inputs.targets()) {
            counts.targets++;
            if (t instanceof LockTarget.Requirements) {
                counts.requirements++;
                continue; // needs the build context's requirements file, which the corpus does not ship
            }
            TextEdit edit = editFor(t, plan.edits());
            boolean already = alreadyPinned(t);
            if (already) {
                counts.alreadyPinned++;
            } else if (edit == null) {
                counts.notPinnable++;
                continue;
            } else {
                counts.covered++;
            }
            int k = instructionIndex(was, t.line());
            if (t instanceof LockTarget.Pkg p && edit != null) {
                // the converse: a package pin rewrites is one the audit called floating before pin
                String token = before.substring(p.replaceStart(), p.replaceEnd());
                Instruction old = was.get(k);
                Set<String> rules = new java.util.HashSet<>(rulesFor(t));
                rules.add("pip-self-upgrade");
                boolean reported = beforeFindings.stream().anyMatch(f -> f.line() >= old.span().startLine() && f.line() <= old.span().endLine()
                        && rules.contains(f.rule()) && (f.message().contains("`" + token + "`")
                        || f.rule().equals("pip-self-upgrade") && f.message().contains(token))); // it quotes the whole command
                if (!reported) {
                    disagreements.add(name + ":" + t.line() + ": pin rewrites " + describe(t) + " (`" + token + "`) that audit did not report");
                }
            }
            Instruction ins = now.get(k);
            int fromLine = ins.span().startLine();
            int toLine = ins.span().endLine();
            for (Finding f : findings) {
                if (f.line() < fromLine || f.line() > toLine || !rulesFor(t).contains(f.rule()) || !concerns(t, f, edit, plan.edits(), after)) {
                    continue;
                }
                disagreements.add(name + ":" + f.line() + ": " + f.rule() + " after pin for " + describe(t) + (already ? " (already pinned)" : "")
                        + " -- " + f.message());
            }
        }
    }

    private static void unchangedOutsideEdits(String name, String before, String after, List<TextEdit> edits, List<String> disagreements) {
        int pos = 0;
        int outPos = 0;
        List<TextEdit> sorted = edits.stream().sorted(Comparator.comparingInt(TextEdit::start)).toList();
        for (TextEdit e : sorted) {
            if (e.start() < pos) {
                disagreements.add(name + ": overlapping edits " + e);
                return;
            }
            int keep = e.start() - pos;
            if (outPos + keep > after.length() || !after.regionMatches(outPos, before, pos, keep)) {
                disagreements.add(name + ": text outside the edits changed before offset " + e.start());
                return;
            }
            outPos += keep;
            if (!after.startsWith(e.replacement(), outPos)) {
                disagreements.add(name + ": edit " + e + " not found in the pinned text");
                return;
            }
            outPos += e.replacement().length();
            pos = e.end();
        }
        if (!after.substring(outPos).equals(before.substring(pos))) {
            disagreements.add(name + ": text after the last edit changed");
        }
    }

    /** The edit pin made for a target, matched by position (inputs and edits come from the same parse). */
    private static TextEdit editFor(LockTarget t, List<TextEdit> edits) {
        for (TextEdit e : edits) {
            boolean match = false;
            if (t instanceof LockTarget.Pkg p) {
                match = e.start() == p.replaceStart() && e.end() == p.replaceEnd();
            } else if (t instanceof LockTarget.Image i) {
                match = i.digestInsertAt().isPresent() && e.start() == i.digestInsertAt().get() && e.end() == e.start();
            } else if (t instanceof LockTarget.Download d) {
                match = d.pin().isPresent() && e.start() == d.pin().get().insertAt() && e.why().equals(d.url());
            } else if (t instanceof LockTarget.Git g) {
                match = g.checkoutInsertAt().isPresent() && e.start() == g.checkoutInsertAt().get() && e.why().equals(g.url());
            } else if (t instanceof LockTarget.AptUpdate u) {
                match = e.start() == u.insertAt() && e.why().startsWith("apt sources");
            }
            if (match) {
                return e;
            }
        }
        return null;
    }

    private static boolean alreadyPinned(LockTarget t) {
        if (t instanceof LockTarget.Pkg p) {
            return p.alreadyPinned();
        } else if (t instanceof LockTarget.Image i) {
            return i.alreadyPinned();
        } else if (t instanceof LockTarget.Download d) {
            return d.alreadyPinned();
        } else if (t instanceof LockTarget.Git g) {
            return g.alreadyPinned();
        } else if (t instanceof LockTarget.AptUpdate u) {
            return u.alreadyPinned();
        }
        return ((LockTarget.Requirements) t).alreadyPinned();
    }

    private static Set<String> rulesFor(LockTarget t) {
        if (t instanceof LockTarget.Pkg p) {
            return PACKAGE_RULES.getOrDefault(p.ecosystem(), Set.of());
        } else if (t instanceof LockTarget.Image) {
            return IMAGE_RULES;
        } else if (t instanceof LockTarget.Download) {
            return DOWNLOAD_RULES;
        } else if (t instanceof LockTarget.Git) {
            return GIT_RULES;
        } else if (t instanceof LockTarget.AptUpdate) {
            return APT_UPDATE_RULES;
        }
        return Set.of();
    }

    /**
     * Whether a finding inside the target's instruction is about the target: package findings
     * name the words they flag, download findings the URL; a FROM, a clone and an update are one
     * per command.
     */
    private static boolean concerns(LockTarget t, Finding f, TextEdit edit, List<TextEdit> edits, String after) {
        if (t instanceof LockTarget.Pkg p) {
            String token = edit == null ? null : edit.replacement();
            if (token == null) {
                int start = shifted(p.replaceStart(), edits);
                token = after.substring(start, start + p.replaceEnd() - p.replaceStart());
            }
            return f.message().contains("`" + token + "`");
        } else if (t instanceof LockTarget.Download d) {
            return f.message().contains(d.url());
        } else if (t instanceof LockTarget.Git g) {
            return f.message().contains(g.url()) || !f.message().contains("://");
        }
        return true;
    }

    /** Where an original offset lands in the pinned text. */
    private static int shifted(int offset, List<TextEdit> edits) {
        int delta = 0;
        for (TextEdit e : edits) {
            if (e.end() <= offset) {
                delta += e.replacement().length() - (e.end() - e.start());
            }
        }
        return offset + delta;
    }

    private static int instructionIndex(List<Instruction> instructions, int line) {
        for (int k = 0; k < instructions.size(); k++) {
            if (instructions.get(k).span().startLine() == line) {
                return k;
            }
        }
        throw new AssertionError("no instruction starts at line " + line);
    }

    private static String describe(LockTarget t) {
        if (t instanceof LockTarget.Pkg p) {
            return p.ecosystem() + " " + p.name();
        } else if (t instanceof LockTarget.Image i) {
            return "image " + i.written();
        } else if (t instanceof LockTarget.Download d) {
            return "download " + d.url();
        } else if (t instanceof LockTarget.Git g) {
            return "git " + g.url() + " " + g.ref();
        } else if (t instanceof LockTarget.AptUpdate) {
            return "apt-get update";
        }
        return "requirements " + ((LockTarget.Requirements) t).path();
    }

    /** A lock that covers every target, with fake but well-formed resolutions derived from what is locked. */
    static LockFile syntheticLock(DockerfileInputs inputs, String dockerfileSha256) {
        Map<String, ImageLock> images = new LinkedHashMap<>();
        Map<String, DownloadLock> downloads = new LinkedHashMap<>();
        Map<String, GitLock> git = new LinkedHashMap<>();
        Map<String, PackageLock> packages = new LinkedHashMap<>();
        boolean apt = false;
        for (LockTarget t : inputs.targets()) {
            if (t instanceof LockTarget.Image i) {
                images.putIfAbsent(i.written(), new ImageLock(i.written(), "docker.io/library/" + i.written(),
                        "sha256:" + hex(i.written()), "application/vnd.oci.image.index.v1+json", List.of(), "registry", T));
            } else if (t instanceof LockTarget.Download d) {
                downloads.putIfAbsent(d.url(), new DownloadLock(d.url(), hex(d.url()), 1024, d.url(), T));
            } else if (t instanceof LockTarget.Git g) {
                git.putIfAbsent(g.url() + " " + g.ref(), new GitLock(g.url(), g.ref(), hex(g.url() + g.ref()).substring(0, 40), T));
            } else if (t instanceof LockTarget.Pkg p) {
                packages.putIfAbsent(p.ecosystem() + " " + p.name(), new PackageLock(p.ecosystem(), p.name(),
                        version(p.ecosystem()), p.ecosystem().equals("conda") ? "h1234567_0" : null, List.of(), "image", T));
            } else if (t instanceof LockTarget.AptUpdate) {
                apt = true;
            }
            // requirements files are pinned from the build context's file, not from the lock alone
        }
        return new LockFile(1, new LockedDockerfile("Dockerfile", dockerfileSha256), List.copyOf(images.values()),
                List.copyOf(downloads.values()), List.copyOf(git.values()), List.copyOf(packages.values()),
                apt ? List.of(new AptSnapshot("debian", "bookworm", "20260102T030405Z",
                        "https://snapshot.debian.org/archive/debian/20260102T030405Z/")) : List.of());
    }

    private static String version(String ecosystem) {
        return switch (ecosystem) {
            case "apt" -> "1.2.3-4+deb12u1";
            case "apk" -> "1.2.3-r4";
            case "rpm" -> "1.2.3-4.el9";
            case "conda" -> "1.2.3";
            default -> "1.2.3";
        };
    }

    private static String hex(String seed) {
        return Hashes.sha256Hex(seed.getBytes(StandardCharsets.UTF_8));
    }
}
