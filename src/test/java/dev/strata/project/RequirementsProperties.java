package dev.strata.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RequirementsProperties {

    @Provide
    Arbitrary<String> names() {
        Arbitrary<Character> alnum = Arbitraries.chars().range('a', 'z').range('A', 'Z').range('0', '9');
        Arbitrary<String> inner = Arbitraries.strings().withCharRange('a', 'z').withChars('-', '_', '.', '0', '9')
                .ofMinLength(0).ofMaxLength(12);
        return Combinators.combine(alnum, inner, alnum).as((a, m, b) -> a + m + b)
                .filter(n -> !n.matches("(?i)(git|hg|svn|bzr|https?|file)"));
    }

    @Provide
    Arbitrary<String> versions() {
        Arbitrary<String> part = Arbitraries.integers().between(0, 999).map(String::valueOf);
        return part.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join(".", parts));
    }

    @Property
    void pinnedLinesRoundTrip(@ForAll("names") String name, @ForAll("versions") String version) {
        RequirementsFile file = RequirementsFile.parse("r.txt", name + "==" + version + "\n");
        assertThat(file.problems()).isEmpty();
        Requirement r = file.requirements().get(0);
        assertThat(r.name()).isEqualTo(name);
        assertThat(r.version()).isEqualTo(version);
        assertThat(r.pinned()).isTrue();
        assertThat(r.specifier()).isEqualTo("==" + version);
        assertThat(r.name() + r.specifier()).isEqualTo(name + "==" + version);
    }

    @Property
    void rangesAreNeverPinned(@ForAll("names") String name, @ForAll("versions") String version,
            @ForAll("rangeOperators") String operator) {
        Requirement r = RequirementsFile.parse("r.txt", name + operator + version).requirements().get(0);
        assertThat(r.pinned()).isFalse();
        assertThat(r.version()).isNull();
    }

    @Provide
    Arbitrary<String> rangeOperators() {
        return Arbitraries.of(">=", "<=", "~=", "<", ">", "!=");
    }

    @Property
    void lineNumbersFollowPhysicalLines(@ForAll("names") String a, @ForAll("names") String b,
            @ForAll("blankOrComment") List<String> between) {
        StringBuilder text = new StringBuilder(a).append("==1\n");
        between.forEach(l -> text.append(l).append('\n'));
        text.append(b).append("==2\n");
        RequirementsFile file = RequirementsFile.parse("r.txt", text.toString());
        assertThat(file.requirements()).extracting(Requirement::line).containsExactly(1, between.size() + 2);
    }

    @Provide
    Arbitrary<List<String>> blankOrComment() {
        return Arbitraries.of("", "   ", "# comment", "  # indented comment").list().ofMaxSize(5);
    }

    @Property(tries = 800)
    void lenientParserNeverThrows(@ForAll String text) {
        RequirementsFile file = RequirementsFile.parse("r.txt", text);
        assertThat(file.file()).isEqualTo("r.txt");
    }

    @Property(tries = 800)
    void strictParserThrowsOnlyLocatedErrors(@ForAll("requirementsLike") String text) {
        try {
            RequirementsFile.parseStrict("r.txt", text);
        } catch (ProjectParseException e) {
            assertThat(e.file()).isEqualTo("r.txt");
            assertThat(e.line()).isBetween(0, text.split("\n", -1).length + 1);
        }
    }

    /** Text built from the grammar's own characters, so the parser goes deep instead of failing early. */
    @Provide
    Arbitrary<String> requirementsLike() {
        return Arbitraries.strings().withChars("abcXYZ019 -_.=<>~!*;[],@#:/\\\"'()\n+\t")
                .ofMaxLength(120);
    }

    @Property(tries = 300)
    void otherReadersNeverThrow(@ForAll("jsonOrYamlLike") String text) {
        NotebookCheck.check("n.ipynb", text);
        CondaEnvironment.parse("environment.yml", text);
        ChecksumManifest.parse("SHA256SUMS", text);
        LockFiles.uvLock("uv.lock", text);
        LockFiles.pipfileLock("Pipfile.lock", text);
        LockFiles.juliaManifest("Manifest.toml", text);
        Manifests.rDescription("DESCRIPTION", text);
    }

    @Provide
    Arbitrary<String> jsonOrYamlLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}[]\":,- \n0123456789abcnulltrue#=@&*!|>'").ofMaxLength(200),
                Arbitraries.strings().ofMaxLength(200));
    }
}
