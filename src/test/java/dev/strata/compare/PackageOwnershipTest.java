package dev.strata.compare;

import static dev.strata.packages.DebFixtures.deb;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.image.testing.TestEntry;
import dev.strata.image.testing.TestImageBuilder;
import dev.strata.image.testing.TestLayer;
import dev.strata.packages.DebFixtures;
import dev.strata.packages.DebFixtures.Deb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a package installed are folded under it even when dpkg's list names them through a
 * merged-/usr alias, or when a maintainer script (ldconfig) made them.
 */
class PackageOwnershipTest {
    @TempDir
    Path dir;

    static final Deb BASE = deb("base-files", "12.4+deb12u10", "/etc/debian_version");
    static final String LIB = "usr/lib/x86_64-linux-gnu/";

    /** A bookworm-like base; merged-/usr when {@code merged} (/bin, /lib, /lib64 are symlinks into /usr). */
    static TestLayer base(boolean merged) {
        List<TestEntry> e = new ArrayList<>(DebFixtures.base(List.of(BASE)));
        e.add(TestEntry.dir("usr/lib/x86_64-linux-gnu"));
        e.add(TestEntry.dir("usr/bin"));
        if (merged) {
            e.add(TestEntry.symlink("bin", "usr/bin"));
            e.add(TestEntry.symlink("lib", "usr/lib"));
            e.add(TestEntry.symlink("lib64", "usr/lib64"));
        } else {
            e.add(TestEntry.dir("lib/x86_64-linux-gnu"));
        }
        return TestLayer.of(e).createdBy("/bin/sh -c #(nop) ADD file:0123 in / ");
    }

    /**
     * libreadline8 as bookworm's .deb ships it: files and symlinks under /lib (so its .list says
     * /lib/...), and libfoo1 whose .list names only the real file: libfoo.so.1 is ldconfig's.
     */
    static List<TestEntry> install(String libDir) {
        String list = """
                /.
                /lib
                /lib/x86_64-linux-gnu
                /lib/x86_64-linux-gnu/libhistory.so.8.2
                /lib/x86_64-linux-gnu/libreadline.so.8.2
                /usr
                /usr/share
                /usr/share/doc
                /usr/share/doc/libreadline8
                /usr/share/doc/libreadline8/copyright
                /lib/x86_64-linux-gnu/libhistory.so.8
                /lib/x86_64-linux-gnu/libreadline.so.8
                """;
        String foo = "/.\n/usr\n/usr/lib\n/usr/lib/x86_64-linux-gnu\n/usr/lib/x86_64-linux-gnu/libfoo.so.1.0.0\n";
        Deb readline = new Deb("libreadline8", "8.2-1.3", "amd64", List.of());
        Deb libfoo = new Deb("libfoo1", "1.0.0-2", "amd64", List.of());
        List<TestEntry> e = new ArrayList<>();
        e.add(TestEntry.file("var/lib/dpkg/status", DebFixtures.status(List.of(BASE, readline, libfoo,
                new Deb("readline-common", "8.2-1.3", "all", List.of())))));
        e.add(TestEntry.file("var/lib/dpkg/info/libreadline8.list", list));
        e.add(TestEntry.file("var/lib/dpkg/info/libfoo1.list", foo));
        e.add(TestEntry.file(libDir + "libhistory.so.8.2", "ELF history"));
        e.add(TestEntry.file(libDir + "libreadline.so.8.2", "ELF readline"));
        e.add(TestEntry.symlink(libDir + "libhistory.so.8", "libhistory.so.8.2"));
        e.add(TestEntry.symlink(libDir + "libreadline.so.8", "libreadline.so.8.2"));
        e.add(TestEntry.file("usr/share/doc/libreadline8/copyright", "GPL-3+"));
        // readline-common's postinst copies its packaged inputrc to /etc when none is there
        Deb common = new Deb("readline-common", "8.2-1.3", "all", List.of("/usr/share/readline/inputrc"));
        e.add(TestEntry.file("var/lib/dpkg/info/readline-common.list", DebFixtures.list(common)));
        e.add(TestEntry.file("usr/share/readline/inputrc", "set input-meta on\n"));
        e.add(TestEntry.file("etc/inputrc", "set input-meta on\n"));
        // an empty unowned file is not claimed by content
        e.add(TestEntry.file("usr/share/readline/empty", ""));
        e.add(TestEntry.file("etc/empty", ""));
        e.add(TestEntry.file(LIB + "libfoo.so.1.0.0", "ELF foo"));
        e.add(TestEntry.symlink(LIB + "libfoo.so.1", "libfoo.so.1.0.0"));
        // an unowned link to a file of an unchanged package stays unexplained
        e.add(TestEntry.symlink(LIB + "stray.so", "/etc/debian_version"));
        return e;
    }

    static TestImageBuilder before(boolean merged) {
        return new TestImageBuilder().layer(base(merged))
                .layer(TestLayer.of(TestEntry.file("var/lib/dpkg/status", DebFixtures.status(List.of(BASE)))).createdBy("RUN apt-get update"));
    }

    static TestImageBuilder after(boolean merged, String libDir) {
        return new TestImageBuilder().layer(base(merged)).layer(TestLayer.of(install(libDir)).createdBy("RUN apt-get install -y libreadline8"));
    }

    @Test
    void mergedUsrAliasesAndLdconfigLinksAreFoldedUnderTheAddedPackages() throws Exception {
        Comparison c = TestImages.compare(before(true), after(true, LIB), dir, CompareOptions.defaults());
        PackageChange readline = pkg(c, "libreadline8");
        assertThat(readline.kind()).isEqualTo("package-added");
        assertThat(readline.files()).extracting(FileChange::path).contains(
                "/usr/lib/x86_64-linux-gnu/libreadline.so.8", "/usr/lib/x86_64-linux-gnu/libreadline.so.8.2",
                "/usr/lib/x86_64-linux-gnu/libhistory.so.8", "/usr/lib/x86_64-linux-gnu/libhistory.so.8.2",
                "/usr/share/doc/libreadline8/copyright", "/var/lib/dpkg/info/libreadline8.list");
        assertThat(pkg(c, "libfoo1").files()).extracting(FileChange::path)
                .contains("/usr/lib/x86_64-linux-gnu/libfoo.so.1", "/usr/lib/x86_64-linux-gnu/libfoo.so.1.0.0");
        assertThat(pkg(c, "readline-common").files()).extracting(FileChange::path)
                .contains("/etc/inputrc", "/usr/share/readline/inputrc").doesNotContain("/etc/empty");
        assertThat(unexplained(c)).containsExactly("/etc/empty", "/usr/lib/x86_64-linux-gnu/stray.so", "/usr/share/readline/empty");
    }

    @Test
    void withoutMergedUsrSlashLibAndUsrLibAreDifferentFiles() throws Exception {
        // split /usr: the .list says /lib/..., the files really are in /lib, so they match as is
        Comparison split = TestImages.compare(before(false), after(false, "lib/x86_64-linux-gnu/"), dir, CompareOptions.defaults());
        assertThat(unexplained(split)).containsExactly("/etc/empty", "/usr/lib/x86_64-linux-gnu/stray.so", "/usr/share/readline/empty");
        // split /usr with files put under /usr/lib: the /lib/... list entries must not claim them
        Comparison wrong = TestImages.compare(before(false), after(false, LIB), dir, CompareOptions.defaults());
        assertThat(unexplained(wrong)).contains("/usr/lib/x86_64-linux-gnu/libreadline.so.8.2", "/usr/lib/x86_64-linux-gnu/libreadline.so.8");
    }

    private static PackageChange pkg(Comparison c, String name) {
        return c.causes().stream().filter(x -> x instanceof PackageChange p && p.name().equals(name))
                .map(PackageChange.class::cast).findFirst().orElseThrow(() -> new AssertionError(name + " not in " + c.causes()));
    }

    private static List<String> unexplained(Comparison c) {
        return c.causes().stream().filter(x -> x instanceof FileChange).map(x -> ((FileChange) x).path()).toList();
    }
}
