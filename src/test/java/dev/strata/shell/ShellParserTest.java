package dev.strata.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ShellParserTest {
    private static final Map<String, String> VARS = Map.of("V", "1.2", "PKGS", "a b  c");

    static Script parse(String text) throws ShellSyntaxException {
        return ShellParser.parseRun(text, 0, '\\', VARS);
    }

    static List<String> values(SimpleCommand c) {
        return c.words().stream().map(ShellWord::value).toList();
    }

    @Test
    void splitsAndOrAndKeepsConnectors() throws Exception {
        Script s = parse("apt-get update && apt-get install -y foo || echo failed; echo done");
        assertThat(s.commands()).extracting(SimpleCommand::name).containsExactly("apt-get", "apt-get", "echo", "echo");
        assertThat(s.commands()).extracting(SimpleCommand::connector)
                .containsExactly(Connector.AND, Connector.OR, Connector.SEQUENCE, Connector.END);
    }

    @Test
    void continuationsAndCommentLinesKeepExactSpans() throws Exception {
        String src = "PREFIX RUN apt-get install -y \\\n  # a comment\n    foo=1.2-3 \\\n    bar";
        int offset = src.indexOf("apt-get");
        Script s = ShellParser.parseRun(src.substring(offset), offset, '\\', Map.of());
        SimpleCommand c = s.commands().get(0);
        assertThat(values(c)).containsExactly("apt-get", "install", "-y", "foo=1.2-3", "bar");
        for (ShellWord w : c.words()) {
            assertThat(src.substring(w.start(), w.end())).isEqualTo(w.raw()).isEqualTo(w.value());
        }
    }

    @Test
    void wordBrokenByContinuationSpansBothLines() throws Exception {
        String src = "echo ab\\\ncd";
        ShellWord w = parse(src).commands().get(0).words().get(1);
        assertThat(w.value()).isEqualTo("abcd");
        assertThat(w.raw()).isEqualTo("ab\\\ncd");
        assertThat(src.substring(w.start(), w.end())).isEqualTo(w.raw());
    }

    @Test
    void backtickEscapeContinuation() throws Exception {
        Script s = ShellParser.parseRun("echo a `\n b", 0, '`', Map.of());
        assertThat(values(s.commands().get(0))).containsExactly("echo", "a", "b");
    }

    @Test
    void knownAndUnknownVariables() throws Exception {
        SimpleCommand c = parse("apt-get install foo=$V bar=${UNSET} baz=${W:-2}").commands().get(0);
        assertThat(c.words().get(2).value()).isEqualTo("foo=1.2");
        assertThat(c.words().get(2).known()).isTrue();
        assertThat(c.words().get(3).known()).isFalse();
        assertThat(c.words().get(3).unknownVariables()).containsExactly("UNSET");
        assertThat(c.words().get(4).value()).isEqualTo("baz=2");
        assertThat(c.words().get(4).known()).isFalse();
    }

    @Test
    void assignmentsUpdateLaterCommands() throws Exception {
        Script s = parse("X=2.0 && pip install x==$X; export Y=3; pip install y==$Y");
        assertThat(s.commands().get(1).words().get(2).value()).isEqualTo("x==2.0");
        assertThat(s.commands().get(1).words().get(2).known()).isTrue();
        assertThat(s.commands().get(3).words().get(2).value()).isEqualTo("y==3");
    }

    @Test
    void subshellAssignmentsDoNotLeak() throws Exception {
        Script s = parse("(Z=1); echo $Z");
        assertThat(s.commands().get(1).words().get(1).known()).isFalse();
    }

    @Test
    void conditionalAssignmentsBecomeUnknown() throws Exception {
        Script s = parse("if test -f x; then V=9; fi; echo $V");
        assertThat(s.commands().get(2).words().get(1).known()).isFalse();
    }

    @Test
    void unquotedExpansionIsFieldSplit() throws Exception {
        SimpleCommand c = parse("apt-get install $PKGS \"$PKGS\"").commands().get(0);
        assertThat(values(c)).containsExactly("apt-get", "install", "a", "b", "c", "a b  c");
    }

    @Test
    void leadingAssignmentsAndWrappers() throws Exception {
        SimpleCommand c = parse("DEBIAN_FRONTEND=noninteractive sudo -E env A=1 nice -n 5 apt-get install -y x")
                .commands().get(0);
        assertThat(c.name()).isEqualTo("apt-get");
        assertThat(c.assignments()).extracting(Assignment::name).containsExactly("DEBIAN_FRONTEND", "A");
        assertThat(c.wrappers()).extracting(ShellWord::value).containsExactly("sudo", "-E", "env", "A=1", "nice", "-n", "5");
    }

    @Test
    void xargsMarksArgumentsFromInput() throws Exception {
        Script s = parse("cat pkgs.txt | xargs -r apt-get install -y");
        SimpleCommand c = s.commands().get(1);
        assertThat(c.name()).isEqualTo("apt-get");
        assertThat(c.argumentsFromInput()).isTrue();
        assertThat(s.nextInPipeline(s.commands().get(0))).contains(c);
    }

    @Test
    void pipelinesAreLinked() throws Exception {
        Script s = parse("curl -fsSL https://x/install.sh | sudo bash");
        SimpleCommand curl = s.commands().get(0);
        assertThat(curl.connector()).isEqualTo(Connector.PIPE);
        assertThat(s.nextInPipeline(curl)).map(SimpleCommand::name).contains("bash");
    }

    @Test
    void shDashCIsParsedWithSourceOffsets() throws Exception {
        String src = "sh -c 'pip install x==1' && bash -ec \"apt-get install y=$V\"";
        Script s = parse(src);
        assertThat(s.commands()).extracting(SimpleCommand::name).containsExactly("sh", "pip", "bash", "apt-get");
        SimpleCommand pip = s.commands().get(1);
        assertThat(pip.nesting()).containsExactly(new Nesting(NestingKind.SHELL_STRING, 0));
        ShellWord spec = pip.words().get(2);
        assertThat(spec.value()).isEqualTo("x==1");
        assertThat(src.substring(spec.start(), spec.end())).isEqualTo("x==1");
        assertThat(spec.embedded()).isTrue();
        assertThat(s.commands().get(3).words().get(2).value()).isEqualTo("y=1.2");
    }

    @Test
    void commandSubstitutionRunsBeforeItsOwner() throws Exception {
        Script s = parse("echo \"$(curl -s https://x)\" `id -u`");
        assertThat(s.commands()).extracting(SimpleCommand::name).containsExactly("curl", "id", "echo");
        assertThat(s.commands().get(0).nesting()).containsExactly(new Nesting(NestingKind.COMMAND_SUBSTITUTION, 2));
        assertThat(s.commands().get(2).words().get(1).known()).isFalse();
    }

    @Test
    void compoundCommandsAreEntered() throws Exception {
        Script s = parse("for p in a b; do pip install $p; done; while read l; do echo $l; done < f; "
                + "case \"$V\" in 1.*) apt-get install one;; *) apt-get install other;; esac; { make; }; f() { gem install x; }");
        assertThat(s.commands()).extracting(SimpleCommand::name)
                .containsExactly("pip", "read", "echo", "apt-get", "apt-get", "make", "gem");
        assertThat(s.commands().get(0).isInside(NestingKind.LOOP_BODY)).isTrue();
        assertThat(s.commands().get(3).isInside(NestingKind.CASE_BODY)).isTrue();
        assertThat(s.commands().get(6).isInside(NestingKind.FUNCTION_BODY)).isTrue();
    }

    @Test
    void heredocRedirectionBodyIsKept() throws Exception {
        String src = "cat <<EOF > /etc/apt/sources.list\ndeb http://snapshot.debian.org/x bookworm main\nEOF\napt-get update";
        Script s = parse(src);
        SimpleCommand cat = s.commands().get(0);
        Redirection heredoc = cat.redirections().get(0);
        assertThat(heredoc.heredocBody()).isEqualTo("deb http://snapshot.debian.org/x bookworm main\n");
        assertThat(src.substring(heredoc.bodyStart(), heredoc.bodyEnd())).isEqualTo(heredoc.heredocBody());
        assertThat(cat.redirections().get(1).target().value()).isEqualTo("/etc/apt/sources.list");
        assertThat(s.commands().get(1).name()).isEqualTo("apt-get");
    }

    @Test
    void runHeredocBodyIsTheScript() throws Exception {
        Script s = parse("<<EOF\napt-get update\npip install x\nEOF\n");
        assertThat(s.commands()).extracting(SimpleCommand::name).containsExactly("apt-get", "pip");
        Script py = parse("<<EOF\n#!/usr/bin/env python3\nimport os\nEOF\n");
        assertThat(py.commands()).isEmpty();
        assertThat(py.nonShellInterpreter()).contains("python3");
    }

    @Test
    void shellFedFromHeredocIsParsed() throws Exception {
        Script s = parse("bash <<-EOF\n\tpip install q\n\tEOF\n");
        assertThat(s.commands()).extracting(SimpleCommand::name).containsExactly("bash", "pip");
        assertThat(s.commands().get(1).nesting()).containsExactly(new Nesting(NestingKind.SHELL_STDIN, 0));
    }

    @Test
    void strictModeRejectsMalformedTextWithOffset() {
        assertThatThrownBy(() -> ShellParser.parseRun("echo 'oops", 100, '\\', Map.of()))
                .isInstanceOfSatisfying(ShellSyntaxException.class, e -> assertThat(e.offset()).isEqualTo(105));
        assertThatThrownBy(() -> parse("(echo a")).isInstanceOf(ShellSyntaxException.class);
        assertThatThrownBy(() -> parse("if true; then echo")).isInstanceOf(ShellSyntaxException.class);
        assertThatThrownBy(() -> parse("echo a )")).isInstanceOf(ShellSyntaxException.class);
    }

    @Test
    void lenientModeRecovers() {
        Script s = ShellParser.parseRunLenient("apt-get install 'x && pip install y", 0, '\\', Map.of());
        assertThat(s.problems()).isNotEmpty();
        assertThat(s.commands()).isNotEmpty();
    }

    @Test
    void shellParameterOperations() throws Exception {
        Script s = ShellParser.parseRun("echo ${#V} ${F%.tar.gz} ${F##*/} ${F/x/y} ${U:=d} $U", 0, '\\',
                Map.of("V", "1.2", "F", "/a/x.tar.gz"));
        assertThat(values(s.commands().get(0))).containsExactly("echo", "3", "/a/x", "x.tar.gz", "/a/y.tar.gz", "d", "");
        assertThat(s.commands().get(0).words().get(5).known()).isFalse();
    }

    @Test
    void execFormUnwrapsAndParsesShellString() {
        String src = "RUN [\"bash\", \"-c\", \"pip install x==1 && apt-get update\"]";
        List<ShellWord> argv = List.of(word(src, "bash"), word(src, "-c"), word(src, "pip install x==1 && apt-get update"));
        Script s = ShellParser.parseExec(argv, src, 0, Map.of());
        assertThat(s.commands()).extracting(SimpleCommand::name).containsExactly("bash", "pip", "apt-get");
        ShellWord spec = s.commands().get(1).words().get(2);
        assertThat(src.substring(spec.start(), spec.end())).isEqualTo("x==1");
    }

    private static ShellWord word(String src, String value) {
        int at = src.indexOf("\"" + value + "\"") + 1;
        return new ShellWord(value, true, List.of(), value, at, at + value.length(), false);
    }

    @Test
    void deepNestingIsASyntaxErrorNotAStackOverflow() {
        String deep = "$(".repeat(20000) + ")".repeat(20000);
        assertThatThrownBy(() -> parse("echo " + deep)).isInstanceOf(ShellSyntaxException.class);
        assertThat(ShellParser.parseRunLenient("echo " + deep, 0, '\\', Map.of()).problems()).isNotEmpty();
        String sub = "{ ".repeat(5000) + "true" + "; }".repeat(5000);
        assertThat(ShellParser.parseRunLenient(sub, 0, '\\', Map.of()).problems()).isNotEmpty();
        StringBuilder nestedShells = new StringBuilder("pip install x");
        for (int i = 0; i < 60; i++) {
            nestedShells.insert(0, "sh -c '").append("'");
        }
        ShellParser.parseRunLenient(nestedShells.toString(), 0, '\\', Map.of());
        String ticks = "echo " + "`".repeat(3000);
        ShellParser.parseRunLenient(ticks, 0, '\\', Map.of());
    }

    @Test
    void commandEndIsItsLastTokenNotTheTrailingBlank() throws Exception {
        String src = "curl -fsSL https://example.org/x -o f && ls";
        Script s = parse(src);
        SimpleCommand curl = s.commands().get(0);
        assertThat(curl.end()).isEqualTo(curl.words().get(curl.words().size() - 1).end()).isEqualTo(src.indexOf(" &&"));
        assertThat(src.substring(curl.start(), curl.end())).isEqualTo("curl -fsSL https://example.org/x -o f");
        assertThat(s.commands().get(1).end()).isEqualTo(src.length());

        String redirected = "echo hi > out.txt   ; cat <<EOF  # note\nbody\nEOF\n";
        Script r = parse(redirected);
        SimpleCommand echo = r.commands().get(0);
        assertThat(redirected.substring(echo.start(), echo.end())).isEqualTo("echo hi > out.txt");
        SimpleCommand cat = r.commands().get(1);
        assertThat(redirected.substring(cat.start(), cat.end())).isEqualTo("cat <<EOF");

        String continued = "apt-get install -y \\\n    foo \\\n   && true";
        SimpleCommand apt = parse(continued).commands().get(0);
        assertThat(continued.substring(apt.start(), apt.end())).isEqualTo("apt-get install -y \\\n    foo");
    }
}
