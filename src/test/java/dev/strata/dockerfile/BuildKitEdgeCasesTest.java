package dev.strata.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Corner cases of BuildKit's parser, each with the dump (or error) that BuildKit's code yields
 * for it, derived from reading that code.
 */
class BuildKitEdgeCasesTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        // an escaped escape at the end of a line is not a continuation
        Arguments.of("FROM a\nRUN echo a\\\\\nRUN b\n",
            "(from \"a\")\n(run \"echo a\\\\\\\\\")\n(run \"b\")"),
        // spaces and tabs after the continuation escape are allowed
        Arguments.of("FROM a\nRUN echo a \\  \t\n b\n", "(from \"a\")\n(run \"echo a  b\")"),
        // a lone escape on the first line starts an empty continuation
        Arguments.of("\\\nFROM a\n", "(from \"a\")"),
        // heredoc terminators are matched without their CRLF
        Arguments.of("FROM a\r\nRUN <<EOF\r\nx\r\nEOF\r\n", "(from \"a\")\n(run \"<<EOF\")"),
        // "#escape=" without a value is a plain comment
        Arguments.of("#escape=\nFROM a\n", "(from \"a\")"),
        // a comment that is not a directive ends the directives
        Arguments.of("# foo=bar\n# escape=`\nFROM a\nRUN b `\n", "(from \"a\")\n(run \"b `\")"),
        // argument-less instructions parse (the build, not the parser, rejects some)
        Arguments.of("FROM a\nENV\nARG\nCMD\nONBUILD\n",
            "(from \"a\")\n(env)\n(arg)\n(cmd)\n(onbuild)"),
        // quotes stay in ENV/LABEL keys and values
        Arguments.of("FROM a\nLABEL \"a b\"=c d=\"e f\"\n",
            "(from \"a\")\n(label \"\\\"a b\\\"\" \"c\" \"=\" \"d\" \"\\\"e f\\\"\" \"=\")"),
        // "--" ends the flags
        Arguments.of("FROM a\nCOPY --from=a -- --x /y\n",
            "(from \"a\")\n(copy [\"--from=a\"] \"--x\" \"/y\")"),
        // vertical tab separates words
        Arguments.of("FROM a\nEXPOSE 80\t\u000b443\n", "(from \"a\")\n(expose \"80\" \"443\")"),
        // JSON followed by text is shell form; trailing blanks are fine
        Arguments.of("FROM a\nRUN [\"a\"] x\nRUN [\"a\"]  \n",
            "(from \"a\")\n(run \"[\\\"a\\\"] x\")\n(run \"a\")"),
        // JSON surrogate pairs combine; a lone surrogate becomes U+FFFD
        Arguments.of("FROM a\nRUN [\"\\ud83d\\ude00\", \"\\ud800x\"]\n",
            "(from \"a\")\n(run \"\uD83D\uDE00\" \"\uFFFDx\")"),
        // '#' after the start of a line is not a comment
        Arguments.of("FROM a # c\n", "(from \"a\" \"#\" \"c\")"),
        // leading white space before comments and instructions is ignored
        Arguments.of("  # c\n\tFROM a\n", "(from \"a\")"),
        // a quoted heredoc-looking word is not a heredoc; unbalanced quotes disable heredocs
        Arguments.of("FROM a\nRUN echo '<<EOF'\nRUN 'x <<EOF\n",
            "(from \"a\")\n(run \"echo '<<EOF'\")\n(run \"'x <<EOF\")"),
        // heredocs only in RUN/COPY/ADD shell form
        Arguments.of("FROM a\nENV A=<<EOF\nRUN [\"<<EOF\"]\n",
            "(from \"a\")\n(env \"A\" \"<<EOF\" \"=\")\n(run \"<<EOF\")"),
        // a blank line inside a continuation is skipped
        Arguments.of("FROM a\nRUN a \\\n\n  b\n", "(from \"a\")\n(run \"a   b\")"),
        // keywords are case-insensitive, printed in lower case
        Arguments.of("fRoM a\nRuN b\n", "(from \"a\")\n(run \"b\")"),
        // a non-ASCII space does not separate the keyword
        Arguments.of("FROM\u00a0a\n", "error 1:1: unknown instruction: FROM\u00a0a"),
        Arguments.of("# escape=  \nFROM a\n",
            "error 1:11: invalid escape token ' ' does not match ` or \\"),
        Arguments.of("FROM a\nCMD [\"a\", {\"b\": 1}]\n",
            "error 2:5: when using JSON array syntax, arrays must be comprised of strings only"),
        Arguments.of("FROM a\nLABEL a=b c\n",
            "error 2:11: Syntax error - can't find = in \"c\". Must be of the form: name=value"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void behavesLikeBuildKit(String dockerfile, String expected) {
    String actual;
    try {
      Dockerfile df = DockerfileParser.parse("Dockerfile", dockerfile);
      AstInvariants.check(df);
      actual = BuildKitDump.dump(df);
    } catch (DockerfileParseException e) {
      actual = "error " + e.line() + ":" + e.column() + ": " + e.reason();
    }
    assertThat(actual).isEqualTo(expected);
  }
}
