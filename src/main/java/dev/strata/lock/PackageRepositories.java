package dev.strata.lock;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repositories an image's apk and dnf/yum are configured with, as the URLs of the directories
 * holding their indexes ({@code <repository>/<arch>} with {@code APKINDEX.tar.gz};
 * {@code <baseurl>} with {@code repodata/repomd.xml}).
 */
final class PackageRepositories {
    /** How the lock records a repository known only by its mirrorlist: this prefix, then the URL. */
    static final String MIRRORLIST = "mirrorlist:";
    /** How the lock records a repository known only by its metalink: this prefix, then the URL. */
    static final String METALINK = "metalink:";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z0-9_]+)}?");

    private PackageRepositories() {}

    /**
     * The APKINDEX directories of {@code /etc/apk/repositories}: each repository line (a tagged
     * {@code @tag URL} line without its tag) followed by {@code /<apkArch>}; comments, blank lines
     * and local paths (not http/https) left out.
     */
    static List<String> apk(byte[] repositoriesFile, String apkArch) {
        List<String> out = new ArrayList<>();
        for (String raw : new String(repositoriesFile, StandardCharsets.UTF_8).split("\n")) {
            String line = raw.strip();
            if (line.startsWith("@")) {
                int space = line.indexOf(' ');
                line = space < 0 ? "" : line.substring(space + 1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                continue;
            }
            String url = trimSlashes(line) + "/" + apkArch;
            if (!out.contains(url)) {
                out.add(url);
            }
        }
        return out;
    }

    /** One repository section of a {@code .repo} file. */
    record YumRepo(String id, List<String> baseUrls, boolean mirrorOnly, boolean enabled, String mirrorlist, String metalink) {}

    /**
     * The sections of a dnf/yum {@code .repo} file (INI: {@code [id]}, {@code key=value}, indented
     * continuation lines, {@code #}/{@code ;} comments).
     */
    static List<YumRepo> yumRepos(byte[] repoFile) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        String lastKey = null;
        for (String raw : new String(repoFile, StandardCharsets.UTF_8).split("\n")) {
            String line = raw.replace("\r", "");
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                current = sections.computeIfAbsent(stripped.substring(1, stripped.length() - 1).strip(), k -> new LinkedHashMap<>());
                lastKey = null;
            } else if (current != null && Character.isWhitespace(line.charAt(0)) && lastKey != null) {
                current.merge(lastKey, " " + stripped, String::concat);
            } else if (current != null && stripped.indexOf('=') > 0) {
                int eq = stripped.indexOf('=');
                lastKey = stripped.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                current.put(lastKey, stripped.substring(eq + 1).strip());
            }
        }
        List<YumRepo> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> s : sections.entrySet()) {
            if (s.getKey().equals("main")) {
                continue;
            }
            Map<String, String> kv = s.getValue();
            List<String> urls = new ArrayList<>();
            for (String u : kv.getOrDefault("baseurl", "").split("[\\s,]+")) {
                if (!u.isBlank()) {
                    urls.add(u);
                }
            }
            boolean mirrorOnly = urls.isEmpty() && (kv.containsKey("mirrorlist") || kv.containsKey("metalink"));
            String enabled = kv.getOrDefault("enabled", "1").toLowerCase(Locale.ROOT);
            out.add(new YumRepo(s.getKey(), urls, mirrorOnly, enabled.equals("1") || enabled.equals("true") || enabled.equals("yes"),
                    blankToNull(kv.get("mirrorlist")), blankToNull(kv.get("metalink"))));
        }
        return out;
    }

    /**
     * The first http(s) baseurl of each enabled repository with dnf's {@code $basearch},
     * {@code $arch} and {@code $releasever} replaced. A repository without such a baseurl is
     * recorded by its metalink ({@code metalink:<url>}, which dnf prefers) or else its mirrorlist
     * ({@code mirrorlist:<url>}), variables replaced the same way. A URL that keeps another variable
     * (e.g. {@code $contentdir}, {@code $awsregion}) is left out: drift can not know where it points.
     */
    static List<String> rpm(List<byte[]> repoFiles, String basearch, String releasever) {
        return rpm(repoFiles, basearch, releasever, Map.of());
    }

    /**
     * As {@link #rpm(List, String, String)}, with the image's dnf variables ({@code /etc/dnf/vars})
     * replaced too; as in dnf, a variable file overrides the built-in value of the same name.
     */
    static List<String> rpm(List<byte[]> repoFiles, String basearch, String releasever, Map<String, String> vars) {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("basearch", basearch);
        values.put("arch", basearch);
        if (releasever != null) {
            values.put("releasever", releasever);
        }
        values.putAll(vars);
        List<String> out = new ArrayList<>();
        for (byte[] file : repoFiles) {
            for (YumRepo repo : yumRepos(file)) {
                if (!repo.enabled()) {
                    continue;
                }
                String recorded = null;
                for (String u : repo.baseUrls()) {
                    String url = resolved(u, values);
                    if (url != null) {
                        recorded = trimSlashes(url);
                        break;
                    }
                }
                if (recorded == null && repo.metalink() != null && resolved(repo.metalink(), values) != null) {
                    recorded = METALINK + resolved(repo.metalink(), values);
                }
                if (recorded == null && repo.mirrorlist() != null && resolved(repo.mirrorlist(), values) != null) {
                    recorded = MIRRORLIST + resolved(repo.mirrorlist(), values);
                }
                if (recorded != null && !out.contains(recorded)) {
                    out.add(recorded);
                }
            }
        }
        return out;
    }

    /** {@code url} with dnf's variables replaced, or null when one is left or it is not http(s). */
    private static String resolved(String url, Map<String, String> values) {
        String u = substitute(url, values);
        String lower = u.toLowerCase(Locale.ROOT);
        boolean http = lower.startsWith("http://") || lower.startsWith("https://");
        return !http || u.contains("$") || u.chars().anyMatch(c -> c <= ' ') ? null : u;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * dnf's {@code $releasever} for an os-release: on RHEL and its rebuilds (Rocky, AlmaLinux,
     * CentOS, Oracle Linux) the release package provides only the major version, so
     * {@code VERSION_ID=9.3} gives {@code 9}; elsewhere (Fedora, Amazon Linux, ...) VERSION_ID as is.
     */
    static String rpmReleasever(String osId, String versionId) {
        if (versionId == null) {
            return null;
        }
        String id = osId == null ? "" : osId.toLowerCase(Locale.ROOT);
        boolean rhelLike = switch (id) {
            case "rhel", "rocky", "almalinux", "centos", "ol", "circle", "navylinux", "eurolinux" -> true;
            default -> false;
        };
        int dot = versionId.indexOf('.');
        return rhelLike && dot > 0 ? versionId.substring(0, dot) : versionId;
    }

    private static String substitute(String url, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(url);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** apk's name for an OCI architecture ({@code amd64} → {@code x86_64}). */
    static String apkArch(String ociArch, String variant) {
        return switch (ociArch == null ? "" : ociArch) {
            case "amd64" -> "x86_64";
            case "arm64" -> "aarch64";
            case "386" -> "x86";
            case "arm" -> "v6".equals(variant) ? "armhf" : "armv7";
            default -> ociArch == null || ociArch.isEmpty() ? "x86_64" : ociArch;
        };
    }

    /** dnf's {@code $basearch} for an OCI architecture ({@code amd64} → {@code x86_64}). */
    static String rpmBasearch(String ociArch) {
        return switch (ociArch == null ? "" : ociArch) {
            case "amd64" -> "x86_64";
            case "arm64" -> "aarch64";
            case "386" -> "i386";
            case "arm" -> "armhfp";
            default -> ociArch == null || ociArch.isEmpty() ? "x86_64" : ociArch;
        };
    }

    static String trimSlashes(String url) {
        String u = url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
