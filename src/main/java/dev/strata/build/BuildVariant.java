package dev.strata.build;

import java.nio.file.Path;
import java.util.List;

/**
 * The concrete settings of build number {@code index} of a rebuild, after variations are applied.
 *
 * @param index 1-based build number
 * @param contextDir where this build's copy of the build context goes
 * @param sourceDateEpoch SOURCE_DATE_EPOCH for this build, or null to set none
 * @param timezone TZ for this build, or null to leave it alone
 * @param locale LANG and LC_ALL for this build, or null to leave them alone
 * @param umask the umask the context copy's permissions follow, or null to keep the source's permissions
 * @param applied what was set for this build, one "name=value" per variation, for the report
 */
public record BuildVariant(int index, Path contextDir, Long sourceDateEpoch, String timezone, String locale,
        Integer umask, List<String> applied) {

    public BuildVariant {
        applied = List.copyOf(applied);
    }
}
