package dev.strata.packages;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The distribution an image is built on, from {@code /etc/os-release} (or
 * {@code /usr/lib/os-release}); used for purl namespaces and the {@code distro} qualifier.
 *
 * @param id the ID field (debian, ubuntu, alpine, fedora, …), or null when unknown
 * @param versionId the VERSION_ID field, or null
 */
public record OsRelease(String id, String versionId) {

    public static final OsRelease UNKNOWN = new OsRelease(null, null);

    /** Parses os-release shell-style KEY=value lines, quotes removed. */
    public static OsRelease parse(byte[] bytes) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0 || line.startsWith("#")) {
                continue;
            }
            String value = line.substring(eq + 1).trim();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            fields.put(line.substring(0, eq).trim(), value);
        }
        String id = fields.get("ID");
        return new OsRelease(id == null || id.isEmpty() ? null : id.toLowerCase(java.util.Locale.ROOT), fields.get("VERSION_ID"));
    }

    /** purl namespace for OS packages: the distribution ID, or the given fallback. */
    public String namespaceOr(String fallback) {
        return id != null ? id : fallback;
    }

    /** purl {@code distro} qualifier value, e.g. "debian-12"; null when unknown. */
    public String distro() {
        if (id == null) {
            return null;
        }
        return versionId == null || versionId.isEmpty() ? id : id + "-" + versionId;
    }
}
