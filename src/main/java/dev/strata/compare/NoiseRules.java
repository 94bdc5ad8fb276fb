package dev.strata.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every noise rule in force, in one place. The built-in list names, for each rule, the reason a
 * difference there does not change what the image does; docs/noise-rules.md mirrors it. Each
 * built-in rule was checked against what two real builds of the same Dockerfile differ in.
 */
public final class NoiseRules {

    /** The one content normaliser: compiled Python files compared without their source-mtime field. */
    public static final NoiseRule PYC = new NoiseRule(NoiseRule.Target.CONTENT, "*.pyc",
            "compiled Python: the header stores the source file's modification time; compared with that field zeroed", "built-in");

    private static final List<NoiseRule> BUILT_IN = List.of(
            NoiseRule.path("/var/log/dpkg.log", "dpkg's install log: every line starts with the date and time of the action"),
            NoiseRule.path("/var/log/apt/*.log", "apt's history and terminal logs: record the start and end time of each apt-get run"),
            NoiseRule.path("/var/log/apt/eipp.log.xz", "apt's solver log (compressed): records the time of each planning run"),
            NoiseRule.path("/var/log/alternatives.log", "update-alternatives log: every line carries the time of the change"),
            NoiseRule.path("/var/cache/ldconfig/aux-cache", "ldconfig's auxiliary cache of inode numbers and change times of the libraries it scanned"),
            NoiseRule.path("/var/cache/debconf/*-old", "debconf's backup copy of its previous database, taken at each package configuration"),
            NoiseRule.path("/var/lib/dpkg/*-old", "dpkg's backup of the previous status/available/diversions file; the current file is still compared"),
            NoiseRule.path("/var/cache/apt/*.bin", "apt's binary package cache: embeds modification times of the index files it was built from"),
            NoiseRule.path("/var/lib/apt/lists/**",
                    "apt package indexes as downloaded by apt-get update: a snapshot of the mirror at build time; the installed"
                            + " packages are still compared, file by file and through the dpkg database"),
            NoiseRule.path("/etc/machine-id", "machine identity generated at first boot or install (systemd), random by design"),
            NoiseRule.path("/var/lib/dbus/machine-id", "D-Bus machine identity, random by design"),
            NoiseRule.path("/root/.cache/pip/**", "pip's download and wheel cache: HTTP cache entries carry fetch times"),
            NoiseRule.path("/var/cache/man/**", "man-db's index caches: record the time of the last update"),
            NoiseRules.PYC,
            new NoiseRule(NoiseRule.Target.LABEL, "org.opencontainers.image.created", "build date label", "built-in"),
            new NoiseRule(NoiseRule.Target.LABEL, "org.label-schema.build-date", "build date label", "built-in"));

    private final List<NoiseRule> rules;
    private final List<PathGlob> globs;

    private NoiseRules(List<NoiseRule> rules) {
        this.rules = List.copyOf(rules);
        this.globs = this.rules.stream().map(r -> r.target() == NoiseRule.Target.LABEL ? null : new PathGlob(r.pattern())).toList();
    }

    /** The built-in rules. */
    public static NoiseRules builtIn() {
        return new NoiseRules(BUILT_IN);
    }

    /** No rules at all ({@code --strict}): only timestamps are still set aside. */
    public static NoiseRules none() {
        return new NoiseRules(List.of());
    }

    /** These rules plus the given ones (user rules from .strata.yaml). */
    public NoiseRules plus(List<NoiseRule> more) {
        List<NoiseRule> all = new ArrayList<>(rules);
        all.addAll(more);
        return new NoiseRules(all);
    }

    public List<NoiseRule> rules() {
        return rules;
    }

    /** The path rule that sets this path aside, if any. */
    public Optional<NoiseRule> pathRule(String path) {
        return find(NoiseRule.Target.PATH, path);
    }

    /** The content rule whose normaliser applies to this path, if any. */
    public Optional<NoiseRule> contentRule(String path) {
        return find(NoiseRule.Target.CONTENT, path);
    }

    /** True when a label's value is noise. */
    public Optional<NoiseRule> labelRule(String label) {
        return rules.stream().filter(r -> r.target() == NoiseRule.Target.LABEL && r.pattern().equals(label)).findFirst();
    }

    /** True for paths whose content a normaliser needs, so the image reader should capture them. */
    public boolean needsContent(String path) {
        return contentRule(path).isPresent();
    }

    /** The content with the rule's volatile field removed. */
    static byte[] normalise(NoiseRule rule, byte[] content) {
        return rule.equals(PYC) ? PycNormaliser.normalise(content) : content;
    }

    private Optional<NoiseRule> find(NoiseRule.Target target, String path) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).target() == target && globs.get(i).matches(path)) {
                return Optional.of(rules.get(i));
            }
        }
        return Optional.empty();
    }
}
