package dev.strata.lock;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The dated CRAN repository that serves the R package versions locked: Posit Package Manager's
 * copy of CRAN as it was on {@code date} (UTC).
 *
 * <p>The source-package URL ({@code https://packagemanager.posit.co/cran/DATE}) is used, not the
 * Linux binary variant ({@code .../cran/__linux__/CODENAME/DATE}): the source URL serves the same
 * versions to every distribution and CPU architecture, while the binary variant exists only for
 * the distributions and architectures Posit builds for (and needs R's User-Agent header to serve
 * binaries at all). A user who wants faster binary installs can swap the URL by hand; the
 * versions are the same.
 *
 * @param date {@code YYYY-MM-DD}, UTC
 * @param url the dated repository URL, without a trailing slash
 */
@JsonPropertyOrder({"date", "url"})
public record CranSnapshot(String date, String url) {
    /** Posit Package Manager's CRAN repository; a date appended gives that day's snapshot. */
    public static final String POSIT_CRAN = "https://packagemanager.posit.co/cran/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** The snapshot of the UTC day of {@code time}. */
    public static CranSnapshot at(Instant time) {
        String date = DAY.format(time);
        return new CranSnapshot(date, POSIT_CRAN + date);
    }

    /** Whether {@code url} is a Posit Package Manager dated CRAN URL ending in {@code date}. */
    static boolean validUrl(String url, String date) {
        return url != null && date != null && (url.equals(POSIT_CRAN + date)
                || url.matches("https://packagemanager\\.posit\\.co/cran/__linux__/[a-z0-9]+/" + java.util.regex.Pattern.quote(date)));
    }
}
