package dev.strata.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ShellParserProperties {
    private static final Map<String, String> VARS = Map.of("V", "1.2", "W", "a b");

    /** Shell-ish text: mostly the characters that matter to the lexer. */
    @Provide
    Arbitrary<String> shellish() {
        Arbitrary<String> tokens = Arbitraries.of("apt-get", "install", "pip", "x==1", " ", " ", "\n", "\\\n", "&&",
                "||", ";", "|", "&", "(", ")", "{", "}", "'", "\"", "`", "$", "${V}", "$(", "${W:-x}", "$((1+2))",
                "<<EOF\n", "EOF", "<<-E\n", "\tE\n", "#", "# c\n", "if", "then", "fi", "for", "in", "do", "done",
                "case", "esac", ";;", "sh -c", "bash -c", "sudo", "env A=1", "xargs", "=", "\\", "\t", ">", "2>&1",
                "<(", "[[", "]]", "!", "~", "*", "é", "x");
        return tokens.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 1500)
    void strictThrowsOnlySyntaxErrors(@ForAll("shellish") String text) {
        try {
            ShellParser.parseRun(text, 7, '\\', VARS);
        } catch (ShellSyntaxException e) {
            assertThat(e.offset()).isBetween(7, 7 + text.length());
        }
    }

    @Property(tries = 1500)
    void lenientNeverThrowsAndSpansAreExact(@ForAll("shellish") String text) {
        String source = "RUN  " + text;
        Script s = ShellParser.parseRunLenient(text, 5, '\\', VARS);
        for (SimpleCommand c : s.commands()) {
            List<ShellWord> words = new ArrayList<>(c.words());
            words.addAll(c.wrappers());
            c.assignments().forEach(a -> words.add(a.value()));
            c.redirections().forEach(r -> words.add(r.target()));
            for (ShellWord w : words) {
                assertThat(w.start()).isBetween(5, source.length());
                assertThat(w.end()).isBetween(w.start(), source.length());
                assertThat(source.substring(w.start(), w.end())).isEqualTo(w.raw());
            }
        }
    }

    @Property(tries = 1500)
    void lenientScriptTextNeverThrows(@ForAll String text) {
        Script s = ShellParser.parseScriptLenient(text, 0, VARS);
        for (SimpleCommand c : s.commands()) {
            for (ShellWord w : c.words()) {
                assertThat(text.substring(w.start(), w.end())).isEqualTo(w.raw());
            }
        }
    }

    @Provide
    Arbitrary<String> simpleCommand() {
        Arbitrary<String> word = Arbitraries.strings().withChars("abcxyz019._-=/").ofMinLength(1).ofMaxLength(8)
                .filter(w -> !w.contains("=") || !Character.isLetter(w.charAt(0)));
        Arbitrary<String> quoted = word.map(w -> "'" + w + " " + w + "'");
        return Combinators.combine(word, Arbitraries.oneOf(word, quoted).list().ofMaxSize(4))
                .as((name, args) -> "c" + name + (args.isEmpty() ? "" : " " + String.join(" ", args)));
    }

    @Property(tries = 500)
    void andSplitsIntoBothSides(@ForAll("simpleCommand") String a, @ForAll("simpleCommand") String b)
            throws ShellSyntaxException {
        Script left = ShellParser.parseRun(a, 0, '\\', Map.of());
        Script right = ShellParser.parseRun(b, 0, '\\', Map.of());
        Script both = ShellParser.parseRun(a + " && " + b, 0, '\\', Map.of());
        List<List<String>> expected = new ArrayList<>();
        left.commands().forEach(c -> expected.add(c.words().stream().map(ShellWord::value).toList()));
        right.commands().forEach(c -> expected.add(c.words().stream().map(ShellWord::value).toList()));
        List<List<String>> actual = both.commands().stream()
                .map(c -> c.words().stream().map(ShellWord::value).toList()).toList();
        assertThat(actual).isEqualTo(expected);
        assertThat(both.commands().get(left.commands().size() - 1).connector()).isEqualTo(Connector.AND);
    }

    @Property(tries = 1000)
    void wordExpanderThrowsOnlyExpansionErrors(@ForAll("shellish") String text) {
        try {
            WordExpander.forEscape('\\').expand(text, VARS);
            WordExpander.forEscape('`').withRawQuotes(true).withRawEscapes(true).expand(text, VARS);
        } catch (WordExpansionException e) {
            assertThat(e.getMessage()).isNotEmpty();
        }
    }
}
