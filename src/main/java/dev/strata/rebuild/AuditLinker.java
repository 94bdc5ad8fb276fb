package dev.strata.rebuild;

import dev.strata.compare.BaseImageChange;
import dev.strata.compare.Cause;
import dev.strata.compare.FileChange;
import dev.strata.compare.PackageChange;
import dev.strata.compare.PackageDatabaseChange;
import dev.strata.dockerfile.Dockerfile;
import dev.strata.dockerfile.Instruction;
import dev.strata.packages.Ecosystem;
import dev.strata.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Links each difference between rebuilt images to the audit findings that explain it: a package
 * whose version floated to the unpinned-install finding that names it (or, for a dependency, to the
 * unpinned installs of its ecosystem and the live-mirror finding), a changed base to the base-image
 * findings, a changed file to the findings on the Dockerfile instruction that wrote it.
 *
 * <p>A pure function of the causes, the findings and the parsed Dockerfile. The instruction that
 * wrote a layer is known from the image history ({@code created_by}); it is matched to the
 * Dockerfile by its command text (RUN) or by keyword and destination (COPY/ADD), as buildah
 * ({@code /bin/sh -c …}, {@code /bin/sh -c #(nop) COPY file:… in /dest}) and BuildKit ({@code RUN
 * /bin/sh -c … # buildkit}, {@code COPY . /src # buildkit}) write it.
 */
public final class AuditLinker {
    private static final Map<Ecosystem, Set<String>> RULES_BY_ECOSYSTEM = Map.of(
            Ecosystem.DPKG, Set.of("apt-unpinned", "apt-live-mirror"),
            Ecosystem.APK, Set.of("apk-unpinned"),
            Ecosystem.RPM, Set.of("yum-unpinned", "dnf-unpinned", "zypper-unpinned"),
            Ecosystem.PYTHON, Set.of("pip-unpinned", "pip-requirements-unlocked", "pip-self-upgrade"),
            Ecosystem.CONDA, Set.of("conda-unpinned", "installer-latest"),
            Ecosystem.NPM, Set.of("npm-unpinned", "npm-install-without-lockfile"),
            Ecosystem.R, Set.of("r-package-unpinned"));
    /** Rules that explain every package of their ecosystem, not only the ones they name. */
    private static final Set<String> ECOSYSTEM_WIDE = Set.of("apt-live-mirror", "pip-requirements-unlocked",
            "npm-install-without-lockfile", "installer-latest");

    private AuditLinker() {}

    /**
     * @param causes the rebuild's causes, in order (explanations refer to them by index)
     * @param findings the audit's findings for the Dockerfile that was built
     * @param dockerfile that Dockerfile, parsed (for matching history to instructions), or null
     */
    public static List<CauseExplanation> link(List<Cause> causes, List<Finding> findings, Dockerfile dockerfile) {
        List<CauseExplanation> out = new ArrayList<>();
        for (int i = 0; i < causes.size(); i++) {
            Cause c = causes.get(i);
            List<Finding> hits = explain(c, findings, dockerfile);
            if (!hits.isEmpty()) {
                out.add(new CauseExplanation(i, subject(c), hits.stream()
                        .map(f -> new CauseExplanation.LinkedFinding(f.rule(), f.file(), f.line(), f.message()))
                        .toList()));
            }
        }
        return out;
    }

    static List<Finding> explain(Cause c, List<Finding> findings, Dockerfile dockerfile) {
        if (c instanceof PackageChange p) {
            return forPackages(p.ecosystem(), p.name(), p.introducedBy(), findings, dockerfile);
        }
        if (c instanceof PackageDatabaseChange d) {
            return forPackages(d.ecosystem(), null, null, findings, dockerfile);
        }
        if (c instanceof BaseImageChange) {
            return findings.stream().filter(f -> f.rule().startsWith("base-image-")).toList();
        }
        if (c instanceof FileChange f && f.introducedBy() != null && dockerfile != null) {
            int[] lines = lines(f.introducedBy(), dockerfile);
            if (lines != null) {
                return findings.stream().filter(x -> x.line() >= lines[0] && x.line() <= lines[1]).toList();
            }
        }
        return List.of();
    }

    private static List<Finding> forPackages(Ecosystem eco, String name, String introducedBy, List<Finding> findings,
            Dockerfile dockerfile) {
        Set<String> rules = RULES_BY_ECOSYSTEM.getOrDefault(eco, Set.of());
        List<Finding> candidates = findings.stream().filter(f -> rules.contains(f.rule())).toList();
        int[] lines = introducedBy == null || dockerfile == null ? null : lines(introducedBy, dockerfile);
        if (lines != null) {
            List<Finding> onLine = candidates.stream().filter(f -> f.line() >= lines[0] && f.line() <= lines[1])
                    .toList();
            if (!onLine.isEmpty()) {
                candidates = onLine;
            }
        }
        if (name == null) {
            return candidates;
        }
        String quoted = "`" + name + "`";
        List<Finding> naming = candidates.stream()
                .filter(f -> f.message().contains(quoted) || ECOSYSTEM_WIDE.contains(f.rule())).toList();
        boolean named = naming.stream().anyMatch(f -> !ECOSYSTEM_WIDE.contains(f.rule()));
        return named ? naming : candidates;
    }

    /**
     * The first and last line of the Dockerfile instruction that a history {@code created_by} names, or
     * null when none matches.
     */
    static int[] lines(String createdBy, Dockerfile dockerfile) {
        String cb = createdBy.strip();
        if (cb.endsWith("# buildkit")) {
            cb = cb.substring(0, cb.length() - "# buildkit".length()).strip();
        }
        // buildah prefixes RUNs that see build args with "|<count> NAME=value … " (as docker's builder did)
        cb = cb.replaceFirst("^\\|\\d+( [A-Za-z_][A-Za-z0-9_]*=\\S*)* (?=/bin/sh -c )", "");
        String keyword = null;
        if (cb.startsWith("/bin/sh -c #(nop) ")) {
            cb = cb.substring("/bin/sh -c #(nop) ".length()).strip();
        } else if (cb.startsWith("/bin/sh -c ")) {
            keyword = "run";
            cb = cb.substring("/bin/sh -c ".length());
        }
        if (keyword == null) {
            int sp = cb.indexOf(' ');
            String first = (sp < 0 ? cb : cb.substring(0, sp)).toLowerCase(Locale.ROOT);
            if (first.matches("[a-z]+")) {
                keyword = first;
                cb = sp < 0 ? "" : cb.substring(sp + 1);
            }
            if ("run".equals(keyword)) {
                cb = cb.replaceFirst("^\\|\\d+( \\S+=\\S*)* ", "");
                cb = cb.replaceFirst("^/bin/sh -c ", "");
            }
        }
        if (keyword == null) {
            return null;
        }
        String command = squash(cb);
        for (Instruction in : dockerfile.instructions()) {
            if (!in.name().equals(keyword)) {
                continue;
            }
            boolean match;
            if (keyword.equals("copy") || keyword.equals("add")) {
                match = destination(in).equals(lastWord(command));
            } else {
                match = squash(in.argumentText()).equals(command);
            }
            if (match) {
                return new int[] {in.span().startLine(), in.span().endLine()};
            }
        }
        return null;
    }

    private static String destination(Instruction in) {
        return in.arguments().isEmpty() ? "" : squash(in.arguments().get(in.arguments().size() - 1).value());
    }

    private static String lastWord(String s) {
        String t = s.strip();
        int sp = t.lastIndexOf(' ');
        return sp < 0 ? t : t.substring(sp + 1);
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    static String subject(Cause c) {
        if (c instanceof PackageChange p) {
            String v = p.from() == null ? p.to() : p.to() == null ? p.from() : p.from() + " → " + p.to();
            return p.name() + " " + v + " (" + p.ecosystem().id() + ")";
        }
        if (c instanceof FileChange f) {
            return f.path();
        }
        if (c instanceof PackageDatabaseChange d) {
            return d.ecosystem().id() + " database";
        }
        if (c instanceof BaseImageChange) {
            return "base image";
        }
        return c.kind();
    }
}
