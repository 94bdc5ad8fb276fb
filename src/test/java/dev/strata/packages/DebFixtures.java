package dev.strata.packages;

import dev.strata.image.testing.TestEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Realistic dpkg databases for in-code images: a status file in dpkg's own field order, info/*.list
 * files (with the "/." root and parent directories, as dpkg writes them) and the packaged files.
 */
public final class DebFixtures {
    private DebFixtures() {}

    /** One package as dpkg records it. */
    public record Deb(String name, String version, String arch, List<String> files) {
        /** Content of one of its files: differs whenever the version does. */
        public String content(String path) {
            return name + " " + version + " " + path + "\n";
        }
    }

    public static Deb deb(String name, String version, String... files) {
        return new Deb(name, version, "amd64", List.of(files));
    }

    public static final String OS_RELEASE = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
            + "VERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n"
            + "HOME_URL=\"https://www.debian.org/\"\n";

    /** A status paragraph like dpkg writes it. */
    public static String paragraph(Deb d) {
        return "Package: " + d.name() + "\n"
                + "Status: install ok installed\n"
                + "Priority: optional\n"
                + "Section: python\n"
                + "Installed-Size: 31337\n"
                + "Maintainer: Debian Python Team <team+python@tracker.debian.org>\n"
                + "Architecture: " + d.arch() + "\n"
                + "Source: " + d.name() + "-src\n"
                + "Version: " + d.version() + "\n"
                + "Depends: libc6 (>= 2.34)\n"
                + "Description: " + d.name() + " for tests\n"
                + " A longer description that continues\n .\n on several lines.\n";
    }

    public static String status(List<Deb> all) {
        StringBuilder b = new StringBuilder();
        for (Deb d : all) {
            b.append(paragraph(d)).append('\n');
        }
        return b.toString();
    }

    /** The .list file dpkg writes: "/." then every directory and file, parents first. */
    public static String list(Deb d) {
        Set<String> lines = new LinkedHashSet<>();
        lines.add("/.");
        for (String f : d.files()) {
            String[] parts = f.substring(1).split("/");
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                p.append('/').append(parts[i]);
                lines.add(p.toString());
            }
            lines.add(f);
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * Entries of a layer that installs {@code installed} (their files, lists and md5sums) and
     * writes the status file listing {@code status}.
     */
    public static List<TestEntry> layer(List<Deb> status, List<Deb> installed) {
        List<TestEntry> out = new ArrayList<>();
        out.add(TestEntry.dir("var/lib/dpkg/info"));
        out.add(TestEntry.file("var/lib/dpkg/status", status(status)));
        for (Deb d : installed) {
            out.add(TestEntry.file("var/lib/dpkg/info/" + d.name() + ".list", list(d)));
            StringBuilder md5 = new StringBuilder();
            for (String f : d.files()) {
                md5.append("0123456789abcdef0123456789abcdef  ").append(f.substring(1)).append('\n');
            }
            out.add(TestEntry.file("var/lib/dpkg/info/" + d.name() + ".md5sums", md5.toString()));
            Set<String> dirs = new LinkedHashSet<>();
            for (String f : d.files()) {
                String parent = f.substring(1, f.lastIndexOf('/'));
                if (!parent.isEmpty() && dirs.add(parent)) {
                    out.add(TestEntry.dir(parent));
                }
                out.add(TestEntry.file(f.substring(1), d.content(f)));
            }
        }
        return out;
    }

    /** A base layer: os-release, a dpkg database and the packages' files. */
    public static List<TestEntry> base(List<Deb> packages) {
        List<TestEntry> out = new ArrayList<>();
        out.add(TestEntry.dir("etc"));
        out.add(TestEntry.file("etc/os-release", OS_RELEASE));
        out.add(TestEntry.dir("var/log"));
        out.add(TestEntry.file("var/log/dpkg.log", "2024-01-01 00:00:00 startup archives unpack\n"));
        out.addAll(layer(packages, packages));
        return out;
    }
}
