package dev.strata.packages;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Arbitrary bytes into every package-database parser (the bytes come from untrusted images): a
 * parser may return packages, return nothing, or throw {@link PackageDatabaseException}; nothing
 * else. The first byte picks the parser. Seeds (real and realistic databases) live in
 * src/test/resources/dev/strata/packages/PackageParsersFuzzTestInputs/fuzzParsers and run as a
 * regression test under plain {@code mvn test}; fuzz for real with {@code JAZZER_FUZZ=1}.
 */
class PackageParsersFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fuzzParsers(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] in = Arrays.copyOfRange(data, 1, data.length);
        try {
            switch (Math.floorMod(data[0], 9)) {
                case 0 -> touch(DpkgParser.parseStatus("/var/lib/dpkg/status", in, OsRelease.parse(in)));
                case 1 -> {
                    DpkgParser.parseList(in);
                    DpkgParser.parseMd5sums(in);
                }
                case 2 -> touch(ApkParser.parse("/lib/apk/db/installed", in, OsRelease.UNKNOWN));
                case 3 -> {
                    RpmHeader h = RpmHeader.parse(in);
                    h.files();
                    RpmParser.fromHeader("/var/lib/rpm/rpmdb.sqlite", h, OsRelease.UNKNOWN);
                }
                case 4 -> {
                    PythonParser.parseMetadata("/s/x.dist-info/METADATA", in);
                    PythonParser.parseRecord("/s/x.dist-info", in);
                    PythonParser.parseInstalledFiles("/s/x.egg-info", in);
                }
                case 5 -> CondaParser.parse("/opt/conda/conda-meta/x.json", in);
                case 6 -> NpmParser.parse("/app/node_modules/x/package.json", in);
                case 7 -> RParser.parse("/usr/lib/R/site-library/x/DESCRIPTION", in);
                default -> {
                    String v = new String(in, java.nio.charset.StandardCharsets.UTF_8);
                    int half = v.length() / 2;
                    for (Ecosystem e : Ecosystem.values()) {
                        VersionOrder.of(e).compare(v.substring(0, half), v.substring(half));
                    }
                }
            }
        } catch (PackageDatabaseException expected) {
            // the one failure a parser may report
        }
    }

    private static void touch(java.util.List<Package> packages) {
        for (Package p : packages) {
            p.key();
            p.purl();
        }
    }
}
