package dev.strata.lock;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Repository indexes in the formats the real servers publish, for drift tests and fuzz seeds. */
final class RepositoryIndexes {
    private RepositoryIndexes() {}

    /** One conda record as repodata.json carries it. */
    record Conda(String file, String name, String version, String build) {}

    /** A channel subdir's repodata.json: {@code .tar.bz2} records under packages, {@code .conda} ones under packages.conda. */
    static byte[] repodata(String subdir, Conda... records) {
        StringBuilder bz2 = new StringBuilder();
        StringBuilder conda = new StringBuilder();
        for (Conda r : records) {
            StringBuilder into = r.file().endsWith(".conda") ? conda : bz2;
            if (into.length() > 0) {
                into.append(",\n");
            }
            into.append("    \"").append(r.file()).append("\": {\"build\": \"").append(r.build()).append("\", \"build_number\": 0,")
                    .append(" \"depends\": [\"libgcc-ng >=12\", \"python >=3.11,<3.12.0a0\"], \"license\": \"BSD-3-Clause\",")
                    .append(" \"md5\": \"").append("0".repeat(32)).append("\", \"name\": \"").append(r.name())
                    .append("\", \"sha256\": \"").append("a".repeat(64)).append("\", \"size\": 12345, \"subdir\": \"").append(subdir)
                    .append("\", \"timestamp\": 1700000000000, \"version\": \"").append(r.version()).append("\"}");
        }
        return ("{\n  \"info\": {\"subdir\": \"" + subdir + "\"},\n  \"packages\": {\n" + bz2 + "\n  },\n  \"packages.conda\": {\n" + conda
                + "\n  },\n  \"removed\": [],\n  \"repodata_version\": 1\n}\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The text of an APKINDEX: one record per {@code name=version}, fields as apk index writes them. */
    static String apkindex(String... nameVersions) {
        StringBuilder out = new StringBuilder();
        for (String nv : nameVersions) {
            String[] p = nv.split("=", 2);
            out.append("C:Q1").append("AbCdEfGhIjKlMnOpQrStUvWxYz0=".substring(0, 27)).append('\n')
                    .append("P:").append(p[0]).append('\n').append("V:").append(p[1]).append('\n')
                    .append("A:x86_64\nS:123456\nI:456789\nT:").append(p[0]).append(" for tests\nU:https://example.org\nL:MIT\n")
                    .append("o:").append(p[0]).append("\nm:Maintainer <m@example.org>\nt:1700000000\nc:0123456789abcdef\n")
                    .append("D:so:libc.musl-x86_64.so.1\np:so:lib").append(p[0]).append(".so.1=1\n\n");
        }
        return out.toString();
    }

    /**
     * An APKINDEX.tar.gz as abuild-sign leaves it: a gzip member holding the signature tar without
     * its end-of-archive blocks, then a gzip member holding DESCRIPTION and APKINDEX.
     */
    static byte[] apkindexTarGz(String apkindex) throws IOException {
        byte[] signatureTar = tar(Map.of(".SIGN.RSA.alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub", new byte[256]));
        signatureTar = Arrays.copyOf(signatureTar, signatureTar.length - 1024);
        Map<String, byte[]> index = new LinkedHashMap<>();
        index.put("DESCRIPTION", "v3.20.3-100-gabcdef\n".getBytes(StandardCharsets.UTF_8));
        index.put("APKINDEX", apkindex.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(gzip(signatureTar));
        out.write(gzip(tar(index)));
        return out.toByteArray();
    }

    private static byte[] tar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 512)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                e.setModTime(1_700_000_000_000L);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    /** A repomd.xml naming {@code primaryHref} (and filelists, as createrepo_c writes them). */
    static byte[] repomd(String primaryHref) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<repomd xmlns=\"http://linux.duke.edu/metadata/repo\" xmlns:rpm=\"http://linux.duke.edu/metadata/rpm\">\n"
                + "  <revision>1700000000</revision>\n"
                + "  <data type=\"filelists\">\n    <checksum type=\"sha256\">" + "b".repeat(64) + "</checksum>\n"
                + "    <location href=\"repodata/" + "b".repeat(64) + "-filelists.xml.gz\"/>\n    <size>1000</size>\n  </data>\n"
                + "  <data type=\"primary\">\n    <checksum type=\"sha256\">" + "c".repeat(64) + "</checksum>\n"
                + "    <open-checksum type=\"sha256\">" + "d".repeat(64) + "</open-checksum>\n"
                + "    <location href=\"" + primaryHref + "\"/>\n    <timestamp>1700000000</timestamp>\n    <size>2000</size>\n  </data>\n"
                + "</repomd>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A primary.xml with one package per {@code name epoch:version-release arch}. */
    static byte[] primary(String... packages) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<metadata xmlns=\"http://linux.duke.edu/metadata/common\" xmlns:rpm=\"http://linux.duke.edu/metadata/rpm\" packages=\""
                + packages.length + "\">\n");
        for (String p : packages) {
            String[] f = p.split(" ");
            String[] ev = f[1].split(":", 2);
            int dash = ev[1].lastIndexOf('-');
            String ver = ev[1].substring(0, dash);
            String rel = ev[1].substring(dash + 1);
            out.append("<package type=\"rpm\">\n  <name>").append(f[0]).append("</name>\n  <arch>").append(f[2]).append("</arch>\n")
                    .append("  <version epoch=\"").append(ev[0]).append("\" ver=\"").append(ver).append("\" rel=\"").append(rel).append("\"/>\n")
                    .append("  <checksum type=\"sha256\" pkgid=\"YES\">").append("e".repeat(64)).append("</checksum>\n")
                    .append("  <summary>").append(f[0]).append(" &amp; friends</summary>\n")
                    .append("  <location href=\"Packages/").append(f[0].charAt(0)).append('/').append(f[0]).append('-').append(ev[1])
                    .append('.').append(f[2]).append(".rpm\"/>\n")
                    .append("  <format>\n    <rpm:license>GPL-3.0-or-later</rpm:license>\n    <rpm:provides>\n")
                    .append("      <rpm:entry name=\"").append(f[0]).append("\" flags=\"EQ\" epoch=\"").append(ev[0]).append("\" ver=\"99\" rel=\"1\"/>\n")
                    .append("    </rpm:provides>\n  </format>\n</package>\n");
        }
        return out.append("</metadata>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    static byte[] xz(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream xz = new XZOutputStream(out, new LZMA2Options())) {
            xz.write(bytes);
        }
        return out.toByteArray();
    }

    static byte[] zstd(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new ZstdOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }
}
