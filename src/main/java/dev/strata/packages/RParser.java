package dev.strata.packages;

import java.util.List;
import java.util.Map;

/** An installed R package: the DCF {@code DESCRIPTION} file in its library directory. */
public final class RParser {
    private RParser() {}

    /** The package, or null when Package or Version is missing. */
    public static Package parse(String sourcePath, byte[] bytes) {
        Map<String, String> d = Dcf.header(bytes);
        String name = Dcf.field(d, "Package");
        String version = Dcf.field(d, "Version");
        if (name == null || name.isBlank() || version == null || version.isBlank()) {
            return null;
        }
        return new Package(Ecosystem.R, name.trim(), version.trim(), null,
                Purl.of("cran", null, name.trim(), version.trim(), Map.of()), sourcePath, -1, List.of());
    }
}
