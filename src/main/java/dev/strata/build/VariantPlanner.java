package dev.strata.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides what each build of a rebuild gets, reprotest-style: odd and even builds differ in every
 * switched-on variation; with a variation off, every build gets the same (unset) value.
 */
public final class VariantPlanner {
    /** How far apart the SOURCE_DATE_EPOCH of consecutive builds lie: 397 days, 1 hour and 1 second. */
    public static final long TIME_STEP_SECONDS = 397L * 86_400 + 3_600 + 1;
    static final String[] TIMEZONES = {"Etc/GMT+12", "Etc/GMT-14"};
    static final String[] LOCALES = {"C.UTF-8", "fr_CH.UTF-8"};
    static final int[] UMASKS = {0022, 0002};

    private VariantPlanner() {}

    /**
     * Plans {@code builds} builds under {@code workDir}.
     *
     * @param vary the variations switched on
     * @param now the current time in epoch seconds (first build's SOURCE_DATE_EPOCH when time varies)
     * @param fixedSourceDateEpoch the user's {@code --source-date-epoch}, which wins over time
     *     variation (every build gets it), or null
     */
    public static List<BuildVariant> plan(Set<Variation> vary, int builds, long now, Long fixedSourceDateEpoch,
            Path workDir) {
        if (builds < 1) {
            throw new IllegalArgumentException("at least one build is needed");
        }
        List<BuildVariant> plan = new ArrayList<>();
        for (int i = 1; i <= builds; i++) {
            int parity = (i - 1) % 2;
            List<String> applied = new ArrayList<>();
            Path dir = vary.contains(Variation.BUILD_PATH)
                    ? workDir.resolve("build-" + i).resolve(parity == 0 ? "src" : "checkouts/deeper/path-" + i)
                            .resolve("context")
                    : workDir.resolve("context");
            if (vary.contains(Variation.BUILD_PATH)) {
                applied.add("build-path=" + dir);
            }
            Long sde = null;
            if (fixedSourceDateEpoch != null) {
                sde = fixedSourceDateEpoch;
            } else if (vary.contains(Variation.TIME)) {
                sde = now + (i - 1) * TIME_STEP_SECONDS;
                applied.add("SOURCE_DATE_EPOCH=" + sde);
            }
            String tz = null;
            if (vary.contains(Variation.TIMEZONE)) {
                tz = TIMEZONES[parity];
                applied.add("TZ=" + tz);
            }
            String locale = null;
            if (vary.contains(Variation.LOCALE)) {
                locale = LOCALES[parity];
                applied.add("LANG=" + locale);
                applied.add("LC_ALL=" + locale);
            }
            Integer umask = null;
            if (vary.contains(Variation.UMASK)) {
                umask = UMASKS[parity];
                applied.add(String.format("umask=%04o", umask));
            }
            plan.add(new BuildVariant(i, dir, sde, tz, locale, umask, applied));
        }
        return plan;
    }
}
