package dev.strata.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApkParserTest {
    /** Two entries as apk-tools 2 writes them on Alpine 3.20. */
    static final String INSTALLED = """
            C:Q1/Bv3H5gtqi4c2dVYM7w6gqyqKY=
            P:musl
            V:1.2.5-r0
            A:x86_64
            S:411308
            I:655360
            T:the musl c library (libc) implementation
            U:https://musl.libc.org/
            L:MIT
            o:musl
            m:Natanael Copa <ncopa@alpinelinux.org>
            t:1711569233
            c:3fea2a8a2ec3a8d3e1ef0d8a1dbd2b8d4ae5e8c9
            p:so:libc.musl-x86_64.so.1=1
            F:lib
            R:ld-musl-x86_64.so.1
            a:0:0:755
            Z:Q1rz7Z0g2XwXFhWQRp9iCmQ9GoXgk=
            R:libc.musl-x86_64.so.1
            a:0:0:777
            Z:Q17yJ3JFNypA4mxhJJr0ou6CzsJVI=

            C:Q1zvKv+4BWubEdGNfNEcAWmxQsE0Q=
            P:libcrypto3
            V:3.3.2-r0
            A:x86_64
            S:1749016
            I:4734976
            T:Crypto library from openssl
            o:openssl
            D:so:libc.musl-x86_64.so.1
            F:etc
            F:etc/ssl
            R:openssl.cnf
            F:usr/lib
            R:libcrypto.so.3
            """;

    static final OsRelease ALPINE = OsRelease.parse("NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\n".getBytes(StandardCharsets.UTF_8));

    @Test
    void readsPackagesWithTheirFiles() {
        List<Package> p = ApkParser.parse("/lib/apk/db/installed", INSTALLED.getBytes(StandardCharsets.UTF_8), ALPINE);
        assertThat(p).extracting(Package::name, Package::version, Package::arch)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("musl", "1.2.5-r0", "x86_64"),
                        org.assertj.core.groups.Tuple.tuple("libcrypto3", "3.3.2-r0", "x86_64"));
        assertThat(p.get(0).files()).containsExactly("/lib", "/lib/ld-musl-x86_64.so.1", "/lib/libc.musl-x86_64.so.1");
        assertThat(p.get(1).files()).contains("/etc/ssl/openssl.cnf", "/usr/lib/libcrypto.so.3");
        assertThat(p.get(0).purl()).isEqualTo("pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20.3");
        assertThat(p.get(1).purl()).isEqualTo("pkg:apk/alpine/libcrypto3@3.3.2-r0?arch=x86_64&distro=alpine-3.20.3&upstream=openssl");
    }

    @Test
    void anEntryWithoutNameOrVersionIsSkipped() {
        assertThat(ApkParser.parse("/x", "P:orphan\nF:lib\n\nV:1.0\n".getBytes(StandardCharsets.UTF_8), ALPINE)).isEmpty();
    }
}
