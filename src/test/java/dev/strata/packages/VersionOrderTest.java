package dev.strata.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class VersionOrderTest {

    /** Each list is in strictly increasing order by the ecosystem's own rules. */
    static void assertAscending(Comparator<String> c, String... versions) {
        for (int i = 0; i < versions.length; i++) {
            for (int j = 0; j < versions.length; j++) {
                assertThat(Integer.signum(c.compare(versions[i], versions[j])))
                        .as("%s vs %s", versions[i], versions[j]).isEqualTo(Integer.compare(i, j));
            }
        }
    }

    @Test
    void debianPolicyOrdering() {
        assertAscending(DebianVersionComparator.INSTANCE,
                "1.0~rc1-1", "1.0-1", "1.0-1+b1", "1.0-2", "1.0a-1", "1.0.1-1", "1.2-1", "1.10-1", "2.0~~-1", "2.0~-1", "2.0-1",
                "1:0.1-1", "1:1.24.2-1", "1:2.2.4-1", "2:0.1");
        assertThat(DebianVersionComparator.INSTANCE.compare("1.0", "1.00")).isZero();
        assertThat(DebianVersionComparator.INSTANCE.compare("0:1.0-1", "1.0-1")).isZero();
    }

    @Test
    void pep440Ordering() {
        assertAscending(Pep440Comparator.INSTANCE,
                "1.0.dev1", "1.0a1", "1.0a2.dev1", "1.0a2", "1.0b1", "1.0rc1", "1.0", "1.0+local.1", "1.0+local.2", "1.0.post1.dev1",
                "1.0.post1", "1.1", "1.10", "2.2.4", "1!0.5");
        assertThat(Pep440Comparator.INSTANCE.compare("1.0", "1.0.0")).isZero();
        assertThat(Pep440Comparator.INSTANCE.compare("1.0-1", "1.0.post1")).isZero();
        assertThat(Pep440Comparator.INSTANCE.compare("1.0RC1", "1.0rc1")).isZero();
    }

    @Test
    void semverOrdering() {
        assertAscending(SemverComparator.INSTANCE,
                "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0",
                "1.0.1", "1.2.0", "1.10.0", "2.0.0");
        assertThat(SemverComparator.INSTANCE.compare("1.0.0+build.1", "1.0.0+build.2")).isZero();
    }

    @Test
    void rpmOrdering() {
        assertAscending(RpmVersionComparator.INSTANCE,
                "1.0~rc1-1", "1.0-1", "1.0^git1-1", "1.0a-1", "1.0.1-1", "1.2-1.fc40", "1.10-1", "1:0.1-1");
        assertThat(RpmVersionComparator.INSTANCE.compare("1.0-1.fc40", "1.0-1.fc40")).isZero();
        assertThat(RpmVersionComparator.INSTANCE.compare("1.0_1", "1.0.1")).isZero();
    }

    @Test
    void apkOrdering() {
        assertAscending(ApkVersionComparator.INSTANCE,
                "1.2.3_alpha1-r0", "1.2.3_beta-r0", "1.2.3_rc2-r0", "1.2.3-r0", "1.2.3-r1", "1.2.3_p1-r0", "1.2.3a-r0", "1.2.4-r0",
                "1.10-r0", "3.3.2-r0");
    }

    @Test
    void genericOrderingForRAndConda() {
        assertAscending(GenericVersionComparator.INSTANCE, "1.0rc1", "1.0", "1.0.post1", "1.0-3", "1.8.8", "1.26.4", "2.0");
    }

    // --- properties: antisymmetry and transitivity on generated versions ---

    @Provide
    Arbitrary<String> debianVersions() {
        Arbitrary<String> epoch = Arbitraries.of("", "1:", "2:", "10:");
        Arbitrary<String> upstream = Arbitraries.strings().withChars("0123456789.~+abz").ofMinLength(1).ofMaxLength(8)
                .map(s -> Character.isDigit(s.charAt(0)) ? s : "0" + s);
        Arbitrary<String> revision = Arbitraries.strings().withChars("0123456789.~+b").ofMaxLength(4).map(s -> s.isEmpty() ? "" : "-" + s);
        return Combinators.combine(epoch, upstream, revision).as((e, u, r) -> e + u + r);
    }

    @Provide
    Arbitrary<String> pep440Versions() {
        Arbitrary<String> release = Arbitraries.integers().between(0, 12).list().ofMinSize(1).ofMaxSize(4)
                .map(l -> String.join(".", l.stream().map(String::valueOf).toList()));
        Arbitrary<String> epoch = Arbitraries.of("", "1!", "2!");
        Arbitrary<String> pre = Arbitraries.of("", "a1", "a2", "b1", "rc1", "rc2");
        Arbitrary<String> post = Arbitraries.of("", ".post1", ".post2");
        Arbitrary<String> dev = Arbitraries.of("", ".dev0", ".dev3");
        Arbitrary<String> local = Arbitraries.of("", "+ubuntu1", "+1", "+1.abc");
        return Combinators.combine(epoch, release, pre, post, dev, local).as((e, r, p, po, d, l) -> e + r + p + po + d + l);
    }

    @Property(tries = 300)
    void debianIsAntisymmetric(@ForAll("debianVersions") String a, @ForAll("debianVersions") String b) {
        Comparator<String> c = DebianVersionComparator.INSTANCE;
        assertThat(Integer.signum(c.compare(a, b))).isEqualTo(-Integer.signum(c.compare(b, a)));
    }

    @Property(tries = 300)
    void debianIsTransitive(@ForAll("debianVersions") String a, @ForAll("debianVersions") String b, @ForAll("debianVersions") String c) {
        assertTransitive(DebianVersionComparator.INSTANCE, a, b, c);
    }

    @Property(tries = 300)
    void pep440IsAntisymmetric(@ForAll("pep440Versions") String a, @ForAll("pep440Versions") String b) {
        Comparator<String> c = Pep440Comparator.INSTANCE;
        assertThat(Integer.signum(c.compare(a, b))).isEqualTo(-Integer.signum(c.compare(b, a)));
    }

    @Property(tries = 300)
    void pep440IsTransitive(@ForAll("pep440Versions") String a, @ForAll("pep440Versions") String b, @ForAll("pep440Versions") String c) {
        assertTransitive(Pep440Comparator.INSTANCE, a, b, c);
    }

    @Property(tries = 200)
    void sortingIsStableUnderEveryComparator(@ForAll("debianVersions") String a, @ForAll("debianVersions") String b,
            @ForAll("debianVersions") String c) {
        for (Ecosystem e : Ecosystem.values()) {
            List<String> once = new java.util.ArrayList<>(List.of(a, b, c));
            once.sort(VersionOrder.of(e));
            List<String> twice = new java.util.ArrayList<>(once);
            twice.sort(VersionOrder.of(e));
            assertThat(twice).isEqualTo(once);
        }
    }

    static void assertTransitive(Comparator<String> c, String a, String b, String d) {
        List<String> l = new java.util.ArrayList<>(List.of(a, b, d));
        l.sort(c);
        assertThat(c.compare(l.get(0), l.get(1))).isLessThanOrEqualTo(0);
        assertThat(c.compare(l.get(1), l.get(2))).isLessThanOrEqualTo(0);
        assertThat(c.compare(l.get(0), l.get(2))).as("%s <= %s <= %s", l.get(0), l.get(1), l.get(2)).isLessThanOrEqualTo(0);
    }
}
