package dev.strata.lock;

import dev.strata.dockerfile.Dockerfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Rewrites a Dockerfile from its lock, changing only the tokens it pins: every other byte
 * (comments, continuations, spacing, heredocs, line endings, a byte-order mark) is kept.
 */
public final class Pinner {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Pinner() {}

    /**
     * Computes the pinned Dockerfile.
     *
     * @throws LockInputException when the Dockerfile changed since it was locked, or can not be read
     *     or parsed
     */
    public static PinResult plan(Path dockerfile, LockFile lock) throws LockInputException {
        return plan(dockerfile, lock, AddChecksum.FLAG);
    }

    /** How pin verifies ADD URL downloads. */
    public enum AddChecksum {
        /** {@code ADD --checksum=sha256:…} (BuildKit, Dockerfile syntax 1.6 and later). */
        FLAG,
        /**
         * A {@code RUN echo '<hex>  <file>' | sha256sum -c -} line after the ADD, for builders
         * without {@code --checksum} (buildah and podman before 1.34 / 4.9); needs sha256sum in
         * the image and an absolute ADD destination.
         */
        RUN
    }

    /** As {@link #plan(Path, LockFile)}, choosing how ADD downloads are verified. */
    public static PinResult plan(Path dockerfile, LockFile lock, AddChecksum addChecksum) throws LockInputException {
        byte[] before = Locker.readDockerfile(dockerfile);
        String actual = Hashes.sha256Hex(before);
        if (!actual.equals(lock.dockerfile().sha256())) {
            throw new LockInputException(dockerfile + ": changed since it was locked (sha256 " + actual.substring(0, 12)
                    + "…, lock says " + lock.dockerfile().sha256().substring(0, 12) + "…); run strata lock again before pinning");
        }
        Dockerfile df = Locker.parse(dockerfile, before);
        DockerfileInputs inputs = DockerfileInputs.of(df);
        AptStages aptStages = AptStages.of(df);
        List<TextEdit> edits = new ArrayList<>();
        List<String> notes = new ArrayList<>(inputs.notes()); // what lock could not take, pin can not pin either
        Path context = dockerfile.toAbsolutePath().getParent();
        java.util.Map<Path, byte[]> generated = new java.util.TreeMap<>();
        for (LockTarget t : inputs.targets()) {
            if (t instanceof LockTarget.Requirements r) {
                RequirementsPin.edit(r, df, context, lock, edits, notes, generated);
            } else if (t instanceof LockTarget.RPackages || t instanceof LockTarget.RGithub) {
                RPin.edit(t, lock, edits, notes);
            } else if (t instanceof LockTarget.AptUpdate u) {
                AptPin.edit(u, aptStages, lock, edits, notes);
            } else {
                edit(t, lock, addChecksum, edits, notes);
            }
        }
        generated.entrySet().removeIf(e -> sameContent(e.getKey(), e.getValue()));
        edits.sort(Comparator.comparingInt(TextEdit::start));
        String pinned = TextEdits.apply(df.source(), edits);
        boolean bom = before.length >= 3 && before[0] == BOM[0] && before[1] == BOM[1] && before[2] == BOM[2];
        byte[] body = pinned.getBytes(StandardCharsets.UTF_8);
        byte[] after = bom ? concat(BOM, body) : body;
        if (edits.isEmpty()) {
            after = before;
        }
        return new PinResult(dockerfile, before, after, edits, notes, generated);
    }

    /**
     * Writes a planned pin: the old file is kept as {@code Dockerfile.orig}, the new one replaces
     * it atomically, and the lock's recorded Dockerfile hash is updated (atomically too) so a
     * second pin sees the pinned file as the locked one and changes nothing.
     */
    public static void write(PinResult plan, LockFile lock, Path lockPath) throws IOException {
        if (!plan.changes()) {
            return;
        }
        Path target = plan.dockerfile();
        Path backup = target.resolveSibling(target.getFileName() + ".orig");
        if (AtomicFiles.isReadOnly(target)) {
            throw new java.nio.file.AccessDeniedException(target.toString(), null, "file is read-only");
        }
        if (AtomicFiles.isReadOnly(lockPath)) {
            throw new java.nio.file.AccessDeniedException(lockPath.toString(), null, "lock file is read-only");
        }
        for (java.util.Map.Entry<Path, byte[]> g : plan.generated().entrySet()) {
            if (Files.exists(g.getKey()) && AtomicFiles.isReadOnly(g.getKey())) {
                throw new java.nio.file.AccessDeniedException(g.getKey().toString(), null, "file is read-only");
            }
        }
        for (java.util.Map.Entry<Path, byte[]> g : plan.generated().entrySet()) {
            AtomicFiles.write(g.getKey(), g.getValue(), null);
        }
        if (Arrays.equals(plan.before(), plan.after())) {
            return;
        }
        AtomicFiles.write(target, plan.after(), backup);
        LockFile updated = lock.withDockerfile(new LockedDockerfile(lock.dockerfile().path(), Hashes.sha256Hex(plan.after())));
        AtomicFiles.write(lockPath, LockFileIO.write(updated).getBytes(StandardCharsets.UTF_8), null);
    }

    private static void edit(LockTarget t, LockFile lock, AddChecksum addChecksum, List<TextEdit> edits, List<String> notes) {
        if (t instanceof LockTarget.Embedded e) {
            editEmbedded(e, lock, addChecksum, edits, notes);
        } else if (t instanceof LockTarget.PipedScript p) {
            editPipedScript(p, lock, edits, notes);
        } else if (t instanceof LockTarget.Image i) {
            if (i.alreadyPinned()) {
                return;
            }
            Optional<ImageLock> entry = lock.images().stream().filter(e -> e.reference().equals(i.written())).findFirst();
            if (entry.isEmpty()) {
                notes.add("line " + i.line() + ": FROM " + i.written() + " is not in the lock");
            } else if (i.digestInsertAt().isPresent()) {
                edits.add(TextEdit.insert(i.digestInsertAt().get(), "@" + entry.get().digest(), "FROM " + i.written()));
            }
        } else if (t instanceof LockTarget.Download d) {
            if (d.alreadyPinned() || d.pin().isEmpty()) {
                return;
            }
            Optional<DownloadLock> entry = lock.downloads().stream().filter(e -> e.url().equals(d.url())).findFirst();
            if (entry.isEmpty()) {
                notes.add("line " + d.line() + ": download " + d.url() + " is not in the lock");
                return;
            }
            LockTarget.DownloadPin pin = d.pin().get();
            if (pin.addFlag() && addChecksum == AddChecksum.RUN) {
                if (pin.runLineAt() < 0) {
                    notes.add("line " + d.line() + ": ADD " + d.url() + ": destination is not an absolute file path; not pinned (use --add-checksum flag)");
                    return;
                }
                edits.add(TextEdit.insert(pin.runLineAt(), "\nRUN echo '" + entry.get().sha256() + "  " + pin.runLineFile() + "' | sha256sum -c -", d.url()));
                return;
            }
            String text = pin.addFlag()
                    ? "--checksum=sha256:" + entry.get().sha256() + " "
                    : " && echo '" + entry.get().sha256() + "  " + pin.file() + "' | sha256sum -c -";
            edits.add(TextEdit.insert(pin.insertAt(), text, d.url()));
        } else if (t instanceof LockTarget.Git g) {
            if (g.alreadyPinned() || g.checkoutInsertAt().isEmpty()) {
                return;
            }
            Optional<GitLock> entry = lock.git().stream().filter(e -> e.url().equals(g.url()) && e.ref().equals(g.ref())).findFirst();
            if (entry.isEmpty()) {
                notes.add("line " + g.line() + ": git " + g.url() + " is not in the lock");
                return;
            }
            String c = entry.get().commit();
            String dir = ShellQuoting.quote(g.directory());
            String text = g.shallow()
                    ? " && git -C " + dir + " fetch -q --depth 1 origin " + c + " && git -C " + dir + " checkout -q " + c
                    : " && git -C " + dir + " checkout -q " + c;
            edits.add(TextEdit.insert(g.checkoutInsertAt().get(), text, g.url()));
        } else if (t instanceof LockTarget.Pkg p) {
            if (p.alreadyPinned()) {
                return;
            }
            Optional<PackageLock> entry = lock.packages().stream()
                    .filter(e -> e.ecosystem().equals(p.ecosystem()) && samePackage(e.ecosystem(), e.name(), p.name())).findFirst();
            if (entry.isEmpty()) {
                notes.add("line " + p.line() + ": " + p.ecosystem() + " package " + p.name() + " is not in the lock"
                        + " (run strata lock --image IMAGE to record the installed version)");
                return;
            }
            Optional<String> spec = PackageSpecs.pinned(p.ecosystem(), p.keepPrefix(), entry.get());
            if (spec.isEmpty()) {
                notes.add("line " + p.line() + ": " + p.ecosystem() + " package " + p.name() + ": no way to pin a version in place");
                return;
            }
            edits.add(new TextEdit(p.replaceStart(), p.replaceEnd(), spec.get(), p.ecosystem() + " " + p.name()));
        }
    }

    /** The edits of the wrapped target, each requoted for the string it sits in; none (and a note) when one can not be. */
    private static void editEmbedded(LockTarget.Embedded e, LockFile lock, AddChecksum addChecksum, List<TextEdit> edits, List<String> notes) {
        List<TextEdit> inner = new ArrayList<>();
        edit(e.target(), lock, addChecksum, inner, notes);
        List<TextEdit> requoted = new ArrayList<>();
        for (TextEdit x : inner) {
            Optional<String> text = ShellQuoting.embed(x.replacement(), e.quoting());
            if (text.isEmpty()) {
                notes.add("line " + e.line() + ": " + x.why() + ": locked, but the pinned text can not be written inside the sh -c string");
                return;
            }
            requoted.add(new TextEdit(x.start(), x.end(), text.get(), x.why()));
        }
        edits.addAll(requoted);
    }

    private static void editPipedScript(LockTarget.PipedScript p, LockFile lock, List<TextEdit> edits, List<String> notes) {
        String url = p.download().url();
        Optional<DownloadLock> entry = lock.downloads().stream().filter(e -> e.url().equals(url)).findFirst();
        if (entry.isEmpty()) {
            notes.add("line " + p.line() + ": download " + url + " is not in the lock");
            return;
        }
        edits.add(TextEdit.insert(p.optionAt(), " " + p.outputOption(), url));
        edits.add(new TextEdit(p.replaceStart(), p.replaceEnd(), "&& echo '" + entry.get().sha256() + "  "
                + p.file() + "' | sha256sum -c - && " + p.runCommand(), url));
    }

    private static boolean sameContent(Path file, byte[] content) {
        try {
            return Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean samePackage(String ecosystem, String a, String b) {
        return ecosystem.equals("pip") ? PythonIndex.normalise(a).equals(PythonIndex.normalise(b)) : a.equals(b);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
