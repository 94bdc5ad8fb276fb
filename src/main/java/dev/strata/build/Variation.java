package dev.strata.build;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * One thing that differs between the builds of a rebuild, as reprotest varies them. Each can be
 * switched on or off with {@code --vary}; {@link #describe()} says exactly what changes, because a
 * variation that is not really applied must not be claimed.
 */
public enum Variation {
    /** The copy of the build context sits at a different absolute path for every build. */
    BUILD_PATH("build-path", "the build context is copied to a different absolute path for each build"),
    /**
     * SOURCE_DATE_EPOCH differs: passed as {@code --build-arg SOURCE_DATE_EPOCH} (reaches RUN where
     * the Dockerfile declares {@code ARG SOURCE_DATE_EPOCH}) and set in the builder's environment. The
     * clock inside RUN is not faked; the builds run at different real times anyway.
     */
    TIME("time", "SOURCE_DATE_EPOCH differs between builds (build arg and builder environment; the clock"
            + " inside RUN is the real one, not faked)"),
    /** TZ differs: builder environment and {@code --build-arg TZ} (reaches RUN where {@code ARG TZ} is declared). */
    TIMEZONE("timezone", "TZ differs between builds (builder environment, and --build-arg TZ for Dockerfiles"
            + " that declare ARG TZ)"),
    /** LANG and LC_ALL differ, the same way as TZ. */
    LOCALE("locale", "LANG and LC_ALL differ between builds (builder environment, and --build-arg for"
            + " Dockerfiles that declare ARG LANG / ARG LC_ALL)"),
    /**
     * The context copy's file modes follow a different umask in each build (0022, then 0002), as two
     * checkouts made under those umasks would: COPY then carries them into the image.
     */
    UMASK("umask", "the build-context copy's file permissions follow umask 0022 in odd builds and 0002 in"
            + " even builds, as checkouts made under those umasks would"),
    /**
     * The hostname seen by RUN differs. buildah and podman run every RUN under a fresh container-id
     * hostname, so it always differs with them; BuildKit always uses the same one and cannot vary it.
     */
    HOSTNAME("hostname", "the hostname seen by RUN differs (buildah/podman: a fresh container id per build;"
            + " BuildKit cannot vary it)");

    private final String id;
    private final String description;

    Variation(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name used on the command line and in JSON, e.g. {@code build-path}. */
    public String id() {
        return id;
    }

    /** What exactly is varied, in one sentence. */
    public String describe() {
        return description;
    }

    /** The variation named {@code id}. */
    public static Variation byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (Variation v : values()) {
            if (v.id.equals(wanted)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variation '" + id + "' (known: " + known() + ")");
    }

    /**
     * Parses a {@code --vary} value: a comma-separated list of {@code all}, {@code none}, variation
     * names (add) and {@code -name} (remove), applied left to right starting from nothing; a list that
     * starts with {@code -name} starts from {@code all}, so {@code -time} means "everything but time".
     */
    public static Set<Variation> parse(String spec) {
        EnumSet<Variation> set = EnumSet.noneOf(Variation.class);
        String[] parts = spec.split(",");
        boolean first = true;
        for (String raw : parts) {
            String p = raw.trim();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("empty entry in --vary '" + spec + "'");
            }
            if (first && p.startsWith("-")) {
                set = EnumSet.allOf(Variation.class);
            }
            first = false;
            if (p.equals("all") || p.equals("+all")) {
                set = EnumSet.allOf(Variation.class);
            } else if (p.equals("none")) {
                set = EnumSet.noneOf(Variation.class);
            } else if (p.startsWith("-")) {
                set.remove(byId(p.substring(1)));
            } else {
                set.add(byId(p.startsWith("+") ? p.substring(1) : p));
            }
        }
        return set;
    }

    private static String known() {
        StringBuilder b = new StringBuilder("all, none");
        for (Variation v : values()) {
            b.append(", ").append(v.id);
        }
        return b.toString();
    }
}
