package dev.strata.lock;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The archive snapshot that still serves the apt versions locked: the time the image was built,
 * as a snapshot.debian.org / snapshot.ubuntu.com timestamp.
 *
 * @param distribution {@code debian} or {@code ubuntu}
 * @param suite the release codename ({@code bookworm}, {@code jammy}) from the image's os-release
 * @param timestamp {@code YYYYMMDDTHHMMSSZ}
 * @param url the snapshot archive URL to put in sources.list
 */
@JsonPropertyOrder({"distribution", "suite", "timestamp", "url"})
public record AptSnapshot(String distribution, String suite, String timestamp, String url) {

    /**
     * The shell text that points apt at the snapshot (written by pin before {@code apt-get update}):
     * a sources.list naming the snapshot for the release, its updates and security pockets, with
     * the Release files' expiry ignored (snapshots are old on purpose), and the image's default
     * deb822 sources removed.
     */
    public String sourcesCommand() {
        String opts = "[check-valid-until=no] ";
        String[] lines = distribution.equals("ubuntu")
                ? new String[] {url + " " + suite + " main restricted universe multiverse",
                        url + " " + suite + "-updates main restricted universe multiverse",
                        url + " " + suite + "-security main restricted universe multiverse"}
                : new String[] {url + " " + suite + " main",
                        url + " " + suite + "-updates main",
                        url.replace("/archive/debian/", "/archive/debian-security/") + " " + suite + "-security main"};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            s.append("echo 'deb ").append(opts).append(lines[i]).append(i == 0 ? "' > " : "' >> ").append("/etc/apt/sources.list && ");
        }
        s.append("rm -f /etc/apt/sources.list.d/").append(distribution.equals("ubuntu") ? "ubuntu" : "debian").append(".sources && ");
        return s.toString();
    }
}
