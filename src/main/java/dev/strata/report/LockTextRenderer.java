package dev.strata.report;

import dev.strata.lock.LockFile;
import dev.strata.lock.LockResult;

/** {@code strata lock} for people: what was locked, and what could not be. */
public final class LockTextRenderer {
    private LockTextRenderer() {}

    public static String render(LockResult result, String lockPath) {
        LockFile l = result.lock();
        StringBuilder s = new StringBuilder();
        l.images().forEach(i -> s.append("image     ").append(i.reference()).append(" -> ").append(i.digest())
                .append(i.platforms().size() > 1 ? " (" + i.platforms().size() + " platforms)" : "").append(System.lineSeparator()));
        l.downloads().forEach(d -> s.append("download  ").append(d.url()).append(" -> sha256:").append(d.sha256()).append(System.lineSeparator()));
        l.git().forEach(g -> s.append("git       ").append(g.url()).append(" ").append(g.ref()).append(" -> ").append(g.commit()).append(System.lineSeparator()));
        l.packages().forEach(p -> s.append(String.format("%-9s %s %s%s%s%n", p.ecosystem(), p.name(), p.version(),
                p.build() == null ? "" : " " + p.build(), p.hashes().isEmpty() ? "" : " (" + p.hashes().size() + (p.hashes().size() == 1 ? " hash)" : " hashes)"))));
        l.aptSnapshots().forEach(a -> s.append("snapshot  ").append(a.url()).append(System.lineSeparator()));
        if (l.cranSnapshot() != null) {
            s.append("snapshot  ").append(l.cranSnapshot().url()).append(System.lineSeparator());
        }
        result.notes().forEach(n -> s.append("note: ").append(n).append(System.lineSeparator()));
        s.append(lockPath).append(result.changed() ? ": written (" : ": unchanged (")
                .append(l.images().size()).append(" images, ").append(l.downloads().size()).append(" downloads, ")
                .append(l.git().size()).append(" git, ").append(l.packages().size()).append(" packages)").append(System.lineSeparator());
        return s.toString();
    }
}
