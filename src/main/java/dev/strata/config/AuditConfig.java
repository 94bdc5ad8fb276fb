package dev.strata.config;

import dev.strata.rules.Severity;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the audit checks, as set by {@code .strata.yaml} (see docs/configuration.md).
 *
 * @param disabledRules rule ids that never report
 * @param severities per-rule severity overrides
 * @param digestPinning whether {@code base-image-not-digest-pinned} applies (off for projects that
 *     follow the official-images convention of tags without digests)
 * @param skip glob patterns, relative to the audited root, of paths not searched for Dockerfiles
 */
public record AuditConfig(
        Set<String> disabledRules, Map<String, Severity> severities, boolean digestPinning, List<String> skip) {

    public AuditConfig {
        disabledRules = Set.copyOf(disabledRules);
        severities = Map.copyOf(severities);
        skip = List.copyOf(skip);
    }

    /** Every rule on, default severities, digest pinning required, nothing skipped. */
    public static AuditConfig defaults() {
        return new AuditConfig(Set.of(), Map.of(), true, List.of());
    }

    /** Whether a rule reports at all under this configuration. */
    public boolean enabled(String ruleId) {
        if (disabledRules.contains(ruleId)) {
            return false;
        }
        return digestPinning || !ruleId.equals("base-image-not-digest-pinned");
    }

    /** The configured severity for a rule, if overridden. */
    public Optional<Severity> severityOf(String ruleId) {
        return Optional.ofNullable(severities.get(ruleId));
    }

    /**
     * Whether a path relative to the audited root ("/" separated) is excluded. A pattern matches the
     * path itself or any directory above it, so {@code vendor} and {@code vendor/**} both skip
     * everything under vendor/.
     */
    public boolean skipped(String relativePath) {
        if (skip.isEmpty() || relativePath.isEmpty()) {
            return false;
        }
        for (String pattern : skip) {
            String p = pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + p);
            Path path = Path.of(relativePath);
            for (Path prefix = path; prefix != null; prefix = prefix.getParent()) {
                if (m.matches(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }
}
