package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.lock.ShellQuoting.Quoting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Shell text written inside another shell's quotes (sh -c strings) means what it meant outside them. */
class ShellQuotingTest {

    @Test
    void quotingIsTrackedThroughTheWord() {
        String raw = "'a b'\"c $d\"e\\'f";
        assertThat(ShellQuoting.quotingAt(raw, 0)).contains(Quoting.UNQUOTED);
        assertThat(ShellQuoting.quotingAt(raw, 2)).contains(Quoting.SINGLE);
        assertThat(ShellQuoting.quotingAt(raw, 5)).contains(Quoting.UNQUOTED);
        assertThat(ShellQuoting.quotingAt(raw, 7)).contains(Quoting.DOUBLE);
        assertThat(ShellQuoting.quotingAt(raw, 12)).contains(Quoting.UNQUOTED);
        assertThat(ShellQuoting.quotingAt(raw, 14)).contains(Quoting.UNQUOTED); // \' is an escaped quote
        assertThat(ShellQuoting.quotingAt(raw, raw.length() + 1)).isEmpty();
        assertThat(ShellQuoting.quotingAt("\"$(x) y\"", 6)).isEmpty();
        assertThat(ShellQuoting.quotingAt("$'a' b", 5)).isEmpty();
    }

    @Test
    void embedsForEachQuoting() {
        String check = " && echo 'abc  /opt/f' | sha256sum -c -";
        assertThat(ShellQuoting.embed(check, Quoting.SINGLE)).contains(" && echo \"abc  /opt/f\" | sha256sum -c -");
        assertThat(ShellQuoting.embed(check, Quoting.DOUBLE)).contains(check);
        assertThat(ShellQuoting.embed(check, Quoting.UNQUOTED)).isEmpty();
        assertThat(ShellQuoting.embed("curl=7.88.1-10+deb12u5", Quoting.UNQUOTED)).contains("curl=7.88.1-10+deb12u5");
        assertThat(ShellQuoting.embed(" && git -C 'a \"b\"' checkout", Quoting.SINGLE)).contains(" && git -C '\\''a \"b\"'\\'' checkout");
        assertThat(ShellQuoting.embed("echo \"$x\" `y` \\z", Quoting.DOUBLE)).contains("echo \\\"\\$x\\\" \\`y\\` \\\\z");
        assertThat(ShellQuoting.embed("echo 'unterminated", Quoting.SINGLE)).isEmpty();
    }

    @Provide
    Arbitrary<String> shellWords() {
        Arbitrary<String> plain = Arbitraries.strings().withChars("abcXYZ019_./:@%+=,-").ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> quoted = Arbitraries.strings().withChars("ab \"$`\\!&|;*?~{}()<>#").ofMaxLength(6).map(s -> "'" + s + "'");
        return Arbitraries.oneOf(plain, quoted).list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
    }

    /** What {@code sh -c SCRIPT} prints. */
    private static String sh(String script) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Property(tries = 60)
    void nestedShellSeesWhatTheUnnestedShellSaw(@ForAll("shellWords") String word) throws Exception {
        Assume.that(Files.isExecutable(Path.of("/bin/sh")));
        String nested = "printf '[%s]' " + word;
        String expected = sh(nested);
        for (Quoting q : List.of(Quoting.SINGLE, Quoting.DOUBLE)) {
            Optional<String> text = ShellQuoting.embed(nested, q);
            assertThat(text).isPresent();
            String quote = q == Quoting.SINGLE ? "'" : "\"";
            assertThat(sh("sh -c " + quote + text.get() + quote)).as("%s inside %s", nested, q).isEqualTo(expected);
        }
    }
}
