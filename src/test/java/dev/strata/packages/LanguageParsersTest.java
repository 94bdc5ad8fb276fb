package dev.strata.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LanguageParsersTest {
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void realDistInfoMetadataAndRecord() throws Exception {
        String dir = "/usr/lib/python3/dist-packages/PyYAML-6.0.dist-info";
        Package p = PythonParser.parseMetadata(dir + "/METADATA", DpkgParserTest.resource("PyYAML-METADATA"));
        assertThat(p.name()).isEqualTo("PyYAML");
        assertThat(p.version()).isEqualTo("6.0");
        assertThat(p.purl()).isEqualTo("pkg:pypi/pyyaml@6.0");
        assertThat(PythonParser.parseRecord(dir, DpkgParserTest.resource("PyYAML-RECORD")))
                .contains("/usr/lib/python3/dist-packages/_yaml/__init__.py", dir + "/METADATA", dir + "/RECORD");
    }

    @Test
    void recordPathsMayBeQuotedAndClimbOutOfSitePackages() {
        String dir = "/usr/local/lib/python3.11/site-packages/black-24.1.0.dist-info";
        String record = "../../../bin/black,sha256=abc,300\n\"black/odd,name.py\",sha256=def,10\r\nblack/__init__.py,,\n";
        assertThat(PythonParser.parseRecord(dir, utf8(record))).containsExactly(
                "/usr/local/bin/black",
                "/usr/local/lib/python3.11/site-packages/black/__init__.py",
                "/usr/local/lib/python3.11/site-packages/black/odd,name.py");
    }

    @Test
    void realEggInfoAndInstalledFiles() throws Exception {
        Package p = PythonParser.parseMetadata("/x/argcomplete-2.0.0.egg-info/PKG-INFO", DpkgParserTest.resource("argcomplete-PKG-INFO"));
        assertThat(p.name()).isEqualTo("argcomplete");
        assertThat(p.version()).isEqualTo("2.0.0");
        assertThat(PythonParser.parseInstalledFiles("/x/site/foo.egg-info", utf8("../foo/__init__.py\nPKG-INFO\n")))
                .containsExactly("/x/site/foo.egg-info/PKG-INFO", "/x/site/foo/__init__.py");
    }

    @Test
    void pep503NamesInPurls() {
        assertThat(PythonParser.normaliseName("Foo.Bar__baz")).isEqualTo("foo-bar-baz");
        assertThat(PythonParser.parseMetadata("/m", utf8("Metadata-Version: 2.1\nName: zope.interface\nVersion: 6.1\n\nbody: x\n")).purl())
                .isEqualTo("pkg:pypi/zope-interface@6.1");
        assertThat(PythonParser.parseMetadata("/m", utf8("Metadata-Version: 2.1\nName: nover\n"))).isNull();
    }

    @Test
    void condaMetaRecord() throws Exception {
        String json = """
                {"build": "py311h64a7726_0", "build_number": 0, "channel": "https://conda.anaconda.org/conda-forge/linux-64",
                 "name": "numpy", "version": "1.26.4", "subdir": "linux-64",
                 "files": ["bin/f2py", "lib/python3.11/site-packages/numpy/__init__.py"]}
                """;
        Package p = CondaParser.parse("/opt/conda/conda-meta/numpy-1.26.4-py311h64a7726_0.json", utf8(json));
        assertThat(p.name()).isEqualTo("numpy");
        assertThat(p.version()).isEqualTo("1.26.4");
        assertThat(p.files()).containsExactly("/opt/conda/bin/f2py", "/opt/conda/lib/python3.11/site-packages/numpy/__init__.py");
        assertThat(p.purl()).isEqualTo("pkg:conda/numpy@1.26.4?build=py311h64a7726_0&channel=conda-forge&subdir=linux-64");
        assertThatThrownBy(() -> CondaParser.parse("/opt/conda/conda-meta/x.json", utf8("{oops")))
                .isInstanceOf(PackageDatabaseException.class).hasMessageStartingWith("/opt/conda/conda-meta/x.json: not valid JSON");
    }

    @Test
    void npmPackageJsonWithScope() throws Exception {
        Package p = NpmParser.parse("/app/node_modules/@babel/core/package.json", utf8("{\"name\":\"@babel/core\",\"version\":\"7.24.0\"}"));
        assertThat(p.name()).isEqualTo("@babel/core");
        assertThat(p.purl()).isEqualTo("pkg:npm/%40babel/core@7.24.0");
        assertThat(NpmParser.parse("/a/node_modules/x/package.json", utf8("{\"name\":\"x\"}"))).isNull();
    }

    @Test
    void rDescription() {
        String d = "Package: jsonlite\nVersion: 1.8.8\nTitle: A Simple and Robust JSON Parser\nAuthors@R: c(\n    person(\"Jeroen\", \"Ooms\"))\n"
                + "License: MIT + file LICENSE\nBuilt: R 4.2.2; x86_64-pc-linux-gnu; 2023-12-04 10:12:22 UTC; unix\n";
        Package p = RParser.parse("/usr/local/lib/R/site-library/jsonlite/DESCRIPTION", utf8(d));
        assertThat(p.name()).isEqualTo("jsonlite");
        assertThat(p.version()).isEqualTo("1.8.8");
        assertThat(p.purl()).isEqualTo("pkg:cran/jsonlite@1.8.8");
    }

    @Test
    void capturePredicateSelectsDatabasesOnly() {
        var c = PackageInventory.capturePaths();
        assertThat(c).accepts("/var/lib/dpkg/status", "/var/lib/dpkg/status.d/libssl3", "/var/lib/dpkg/info/libc6:amd64.list",
                "/var/lib/dpkg/info/bash.md5sums", "/lib/apk/db/installed", "/usr/lib/sysimage/rpm/rpmdb.sqlite",
                "/usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA", "/x/foo.egg-info/PKG-INFO", "/x/foo-1.0.egg-info",
                "/opt/conda/conda-meta/numpy-1.26.4-py311_0.json", "/app/node_modules/@babel/core/package.json",
                "/app/node_modules/a/node_modules/b/package.json", "/usr/lib/R/site-library/jsonlite/DESCRIPTION",
                "/etc/os-release");
        assertThat(c).rejects("/var/lib/dpkg/info/bash.postinst", "/var/lib/dpkg/status-old", "/app/package.json",
                "/app/node_modules/a/lib/package.json", "/app/node_modules/.package-lock.json", "/usr/share/doc/x/DESCRIPTION",
                "/var/lib/rpm/Packages", "/opt/conda/pkgs/x.json", "/usr/bin/python3");
    }
}
