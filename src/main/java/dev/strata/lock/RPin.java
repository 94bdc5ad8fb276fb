package dev.strata.lock;

import java.util.List;
import java.util.Optional;

/**
 * Pins R installs from the lock: CRAN installs get the dated snapshot repository
 * ({@code repos='…'}, {@code install2.r -r …}), {@code BiocManager::install} also the Bioconductor
 * release of the image's BiocVersion package ({@code version='3.18'}), and GitHub installs the
 * locked commit ({@code owner/repo@COMMIT}).
 */
final class RPin {
    private RPin() {}

    static void edit(LockTarget t, LockFile lock, List<TextEdit> edits, List<String> notes) {
        if (t instanceof LockTarget.RPackages r) {
            packages(r, lock, edits, notes);
        } else if (t instanceof LockTarget.RGithub g) {
            github(g, lock, edits, notes);
        }
    }

    private static void packages(LockTarget.RPackages r, LockFile lock, List<TextEdit> edits, List<String> notes) {
        if (r.alreadyPinned() || r.edits().isEmpty()) {
            return;
        }
        for (LockTarget.RRepoEdit e : r.edits()) {
            Optional<String> value = switch (e.value()) {
                case CRAN_URL -> Optional.ofNullable(lock.cranSnapshot()).map(CranSnapshot::url);
                case BIOC_RELEASE -> biocRelease(lock);
            };
            if (value.isEmpty()) {
                notes.add("line " + r.line() + ": " + r.installer() + ": " + (e.value() == LockTarget.RValue.CRAN_URL
                        ? "the lock has no CRAN snapshot (run strata lock again); not pinned"
                        : "the Bioconductor release is not locked (no BiocVersion package in the image); version= not pinned"));
                continue;
            }
            edits.add(new TextEdit(e.start(), e.end(), e.prefix() + value.get() + e.suffix(), r.installer() + " " + String.join(",", r.packages())));
        }
    }

    /** {@code 3.18} for a locked BiocVersion {@code 3.18.1}: BiocVersion's major.minor is the release. */
    static Optional<String> biocRelease(LockFile lock) {
        return lock.packages().stream()
                .filter(p -> p.ecosystem().equals("r") && p.name().equals("BiocVersion"))
                .map(p -> p.version().split("[.-]"))
                .filter(parts -> parts.length >= 2)
                .map(parts -> parts[0] + "." + parts[1])
                .findFirst();
    }

    private static void github(LockTarget.RGithub g, LockFile lock, List<TextEdit> edits, List<String> notes) {
        if (g.alreadyPinned() || g.replaceStart() < 0) {
            return;
        }
        Optional<GitLock> entry = lock.git().stream().filter(e -> e.url().equals(g.url()) && e.ref().equals(g.ref())).findFirst();
        if (entry.isEmpty()) {
            notes.add("line " + g.line() + ": GitHub " + g.repo() + " is not in the lock");
            return;
        }
        edits.add(new TextEdit(g.replaceStart(), g.replaceEnd(), g.prefix() + entry.get().commit(), "install_github " + g.repo()));
    }
}
