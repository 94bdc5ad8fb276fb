package dev.strata.lock;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The archive snapshot that still serves the apt versions locked: the time the image was built,
 * as a snapshot.debian.org / snapshot.ubuntu.com timestamp (or the same path layout on another
 * snapshot service, {@code strata lock --apt-snapshot-url}).
 *
 * @param distribution {@code debian} or {@code ubuntu}
 * @param suite the release codename ({@code bookworm}, {@code jammy}): from the image's os-release,
 *     or for a stage on another base, from the codename its tag names
 * @param timestamp {@code YYYYMMDDTHHMMSSZ}
 * @param url the snapshot archive URL to put in sources.list
 * @param components the archive components the image's own apt sources use ({@code main contrib
 *     non-free non-free-firmware}); null in locks written before they were recorded, meaning the
 *     distribution's default ({@link #componentList()})
 * @param bases the base images (as the Dockerfile's FROM names them, after build arguments) of the
 *     stages whose {@code apt-get update} pin points at this snapshot; null in locks written before
 *     every stage was pinned, meaning the final stage only
 */
@JsonPropertyOrder({"distribution", "suite", "timestamp", "url", "components", "bases"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AptSnapshot(String distribution, String suite, String timestamp, String url, List<String> components, List<String> bases) {

    @JsonCreator
    public AptSnapshot {
        components = components == null || components.isEmpty() ? null : List.copyOf(components);
        bases = bases == null || bases.isEmpty() ? null : List.copyOf(bases);
    }

    /** A snapshot with the distribution's default components, for the final stage only (the form of older locks). */
    public AptSnapshot(String distribution, String suite, String timestamp, String url) {
        this(distribution, suite, timestamp, url, null, null);
    }

    /** The components apt gets from the sources of an official image of the distribution. */
    public static List<String> defaultComponents(String distribution) {
        return "ubuntu".equals(distribution) ? List.of("main", "restricted", "universe", "multiverse") : List.of("main");
    }

    /** The snapshot URL on {@code service} for a distribution and timestamp, in snapshot.debian.org / snapshot.ubuntu.com layout. */
    public static String archiveUrl(String service, String distribution, String timestamp) {
        String base = service.replaceAll("/+$", "");
        return "ubuntu".equals(distribution) ? base + "/ubuntu/" + timestamp + "/" : base + "/archive/debian/" + timestamp + "/";
    }

    /** The components written into sources.list: the recorded ones, else the distribution's default. */
    @JsonIgnore
    public List<String> componentList() {
        return components == null ? defaultComponents(distribution) : components;
    }

    /** The bases recorded, empty for a lock that pins the final stage only. */
    @JsonIgnore
    public List<String> baseList() {
        return bases == null ? List.of() : bases;
    }

    /** The same snapshot used by one more base image. */
    AptSnapshot withBase(String base) {
        java.util.List<String> more = new java.util.ArrayList<>(baseList());
        if (!more.contains(base)) {
            more.add(base);
        }
        java.util.Collections.sort(more);
        return new AptSnapshot(distribution, suite, timestamp, url, components, more);
    }

    /** The archive URL of the security pocket (Debian keeps it in a separate archive). */
    @JsonIgnore
    String securityUrl() {
        return distribution.equals("ubuntu") ? url : url.replace("/archive/debian/", "/archive/debian-security/");
    }

    /**
     * The shell text that points apt at the snapshot (written by pin before {@code apt-get update}):
     * a sources.list naming the snapshot for the release, its updates and security pockets with
     * the image's components, with the Release files' expiry ignored (snapshots are old on
     * purpose), and the image's default deb822 sources removed.
     */
    public String sourcesCommand() {
        String opts = "[check-valid-until=no] ";
        String comps = " " + String.join(" ", componentList());
        String[] lines = {url + " " + suite + comps, url + " " + suite + "-updates" + comps, securityUrl() + " " + suite + "-security" + comps};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            s.append("echo 'deb ").append(opts).append(lines[i]).append(i == 0 ? "' > " : "' >> ").append("/etc/apt/sources.list && ");
        }
        s.append("rm -f /etc/apt/sources.list.d/").append(distribution.equals("ubuntu") ? "ubuntu" : "debian").append(".sources && ");
        return s.toString();
    }
}
