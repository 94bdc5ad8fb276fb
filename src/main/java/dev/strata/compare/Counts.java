package dev.strata.compare;

/**
 * Totals of a comparison.
 *
 * @param sharedLayers leading layers (diff_ids) both images share
 * @param filesCompared paths present in either image
 * @param filesAdded paths only in B (noise excluded)
 * @param filesRemoved paths only in A (noise excluded)
 * @param filesChanged paths in both that differ (noise excluded)
 * @param filesExplained of the above, how many a package change explains
 * @param packagesAdded packages only in B
 * @param packagesRemoved packages only in A
 * @param packagesChanged packages in both with different versions
 * @param configChanges differing config fields
 * @param noise differences set aside by noise rules
 */
public record Counts(
        int sharedLayers,
        int filesCompared,
        int filesAdded,
        int filesRemoved,
        int filesChanged,
        int filesExplained,
        int packagesAdded,
        int packagesRemoved,
        int packagesChanged,
        int configChanges,
        int noise) {}
