package dev.strata.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

  static Dockerfile parse(String text) throws DockerfileParseException {
    return DockerfileParser.parse("Dockerfile", text);
  }

  static DockerfileParseException failure(String text) {
    try {
      DockerfileParser.parse("Dockerfile", text);
    } catch (DockerfileParseException e) {
      return e;
    }
    throw new AssertionError("expected a parse error for: " + text);
  }

  @Test
  void fromWordsAndFlagsCarryExactSpans() throws Exception {
    String src = "ARG V=3.19\nFROM --platform=$BUILDPLATFORM alpine:${V} AS build\n";
    Dockerfile df = parse(src);
    Instruction from = df.instructions().get(1);
    assertThat(from.keyword()).isEqualTo("FROM");
    assertThat(from.span()).isEqualTo(new SourceSpan(11, 62, 2, 1, 2, 52));
    Flag platform = from.flag("platform").orElseThrow();
    assertThat(platform.text()).isEqualTo("--platform=$BUILDPLATFORM");
    assertThat(platform.span().textOf(src)).isEqualTo("--platform=$BUILDPLATFORM");
    assertThat(platform.nameSpan().textOf(src)).isEqualTo("platform");
    assertThat(platform.valueSpan().textOf(src)).isEqualTo("$BUILDPLATFORM");
    assertThat(platform.valueSpan().startColumn()).isEqualTo(17);

    FromInstruction view = FromInstruction.of(from);
    assertThat(view.image().orElseThrow().value()).isEqualTo("alpine:${V}");
    assertThat(view.image().orElseThrow().span().textOf(src)).isEqualTo("alpine:${V}");
    assertThat(view.image().orElseThrow().span().startColumn()).isEqualTo(32);
    assertThat(view.stageName().orElseThrow().value()).isEqualTo("build");
    assertThat(view.platform()).contains(platform);
  }

  @Test
  void shellFormKeepsRawTextAndMapsProcessedOffsetsBackToTheSource() throws Exception {
    String src = "FROM x\nRUN apt-get update \\\n  # a comment\n\n    && apt-get install -y \\\n"
        + "      curl=7.88 \\\n  && echo done\n";
    Dockerfile df = parse(src);
    Instruction run = df.instructions().get(1);
    assertThat(run.isShellForm()).isTrue();
    assertThat(run.argumentText()).isEqualTo(
        "apt-get update     && apt-get install -y       curl=7.88   && echo done");
    assertThat(run.rawArguments()).isEqualTo("apt-get update \\\n  # a comment\n\n"
        + "    && apt-get install -y \\\n      curl=7.88 \\\n  && echo done");
    assertThat(run.rawArgumentsSpan().textOf(src)).isEqualTo(run.rawArguments());
    assertThat(run.span().startLine()).isEqualTo(2);
    assertThat(run.span().endLine()).isEqualTo(7);
    assertThat(run.span().endColumn()).isEqualTo(15);

    int curl = run.argumentText().indexOf("curl=7.88");
    SourceSpan curlSpan = run.argumentSpan(curl, curl + "curl=7.88".length());
    assertThat(curlSpan.textOf(src)).isEqualTo("curl=7.88");
    assertThat(curlSpan.startLine()).isEqualTo(6);
    assertThat(curlSpan.startColumn()).isEqualTo(7);
    assertThat(run.argumentIndex(curlSpan.startOffset())).isEqualTo(curl);
    // A span across a continuation covers the escape and the line break in the source.
    int echo = run.argumentText().indexOf("echo");
    SourceSpan across = run.argumentSpan(curl, echo + 4);
    assertThat(across.textOf(src)).isEqualTo("curl=7.88 \\\n  && echo");
    assertThat(df.comments()).extracting(Comment::text).containsExactly("a comment");

    RunInstruction view = RunInstruction.of(run);
    assertThat(view.shellText()).isEqualTo(run.argumentText());
    assertThat(view.execArgs()).isEmpty();
  }

  @Test
  void execFormWordsSpanTheirJsonLiterals() throws Exception {
    String src = "FROM x\nCMD [\"python\", \"-m\", \"http.server\", \"a\\u00e9\\\"\"]\n";
    Instruction cmd = parse(src).instructions().get(1);
    assertThat(cmd.json()).isTrue();
    assertThat(cmd.isShellForm()).isFalse();
    assertThat(cmd.argumentValues()).containsExactly("python", "-m", "http.server", "a\u00e9\"");
    assertThat(cmd.arguments().get(1).span().textOf(src)).isEqualTo("\"-m\"");
    assertThat(cmd.arguments().get(3).span().textOf(src)).isEqualTo("\"a\\u00e9\\\"\"");
    CommandInstruction view = CommandInstruction.of(cmd);
    assertThat(view.json()).isTrue();
    assertThat(view.execArgs()).hasSize(4);
  }

  @Test
  void invalidJsonFallsBackToShellFormAndIsFlagged() throws Exception {
    Dockerfile df = parse("FROM x\nCMD ['echo', 'hi']\nENTRYPOINT [\"a\",]\nRUN [\"ok\"]\n"
        + "COPY [\"a b\" /x\nVOLUME [\"/data\"]\n");
    List<Instruction> is = df.instructions();
    assertThat(is.get(1).looksLikeJsonButIsNot()).isTrue();
    assertThat(is.get(1).argumentValues()).containsExactly("['echo', 'hi']");
    assertThat(is.get(2).looksLikeJsonButIsNot()).isTrue();
    assertThat(is.get(3).looksLikeJsonButIsNot()).isFalse();
    assertThat(is.get(3).json()).isTrue();
    assertThat(is.get(4).looksLikeJsonButIsNot()).isTrue();
    assertThat(is.get(4).argumentValues()).containsExactly("[\"a", "b\"", "/x");
    assertThat(is.get(5).json()).isTrue();
  }

  @Test
  void jsonArrayOfNonStringsIsAnError() {
    DockerfileParseException e = failure("FROM x\nCMD [\"a\", 1]\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(5);
    assertThat(e.reason())
        .isEqualTo("when using JSON array syntax, arrays must be comprised of strings only");
  }

  @Test
  void heredocsAreReadWithBuildKitRules() throws Exception {
    String src = "FROM x\nCOPY <<EOF1 <<-'EOF2' /dest/\nline $HOME\nEOF1\n\tline2\n\tEOF2\n"
        + "RUN <<\"SCRIPT\" bash\nset -e\necho ${X}\nSCRIPT\nRUN [\"cat\", \"<<EOF\"]\n";
    Dockerfile df = parse(src);
    Instruction copy = df.instructions().get(1);
    assertThat(copy.heredocs()).hasSize(2);
    Heredoc first = copy.heredocs().get(0);
    assertThat(first.name()).isEqualTo("EOF1");
    assertThat(first.expand()).isTrue();
    assertThat(first.chomp()).isFalse();
    assertThat(first.content()).isEqualTo("line $HOME\n");
    assertThat(first.bodySpan().textOf(src)).isEqualTo("line $HOME\n");
    assertThat(first.delimiterSpan().textOf(src)).isEqualTo("EOF1");
    assertThat(first.delimiterSpan().startLine()).isEqualTo(4);
    Heredoc second = copy.heredocs().get(1);
    assertThat(second.name()).isEqualTo("EOF2");
    assertThat(second.expand()).isFalse();
    assertThat(second.chomp()).isTrue();
    assertThat(second.content()).isEqualTo("\tline2\n");
    assertThat(second.effectiveContent()).isEqualTo("line2\n");
    assertThat(second.delimiterSpan().startColumn()).isEqualTo(2);
    CopyInstruction view = CopyInstruction.of(copy);
    assertThat(view.destination().orElseThrow().value()).isEqualTo("/dest/");
    assertThat(view.heredocs()).hasSize(2);

    Instruction run = df.instructions().get(2);
    assertThat(run.heredocs()).singleElement().satisfies(h -> {
      assertThat(h.name()).isEqualTo("SCRIPT");
      assertThat(h.expand()).isFalse();
      assertThat(h.content()).isEqualTo("set -e\necho ${X}\n");
    });
    assertThat(run.span().endLine()).isEqualTo(7);
    // exec form never has heredocs
    assertThat(df.instructions().get(3).heredocs()).isEmpty();
    assertThat(df.instructions()).hasSize(4);
  }

  @Test
  void onbuildTriggerIsParsedAndGetsItsHeredocs() throws Exception {
    Dockerfile df = parse("FROM x\nONBUILD RUN <<EOF\necho hi\nEOF\nONBUILD COPY --from=a . /\n");
    Instruction onbuild = df.instructions().get(1);
    assertThat(onbuild.arguments()).isEmpty();
    Instruction trigger = onbuild.onbuildTrigger().orElseThrow();
    assertThat(trigger.name()).isEqualTo("run");
    assertThat(trigger.heredocs()).hasSize(1);
    assertThat(onbuild.heredocs()).isEqualTo(trigger.heredocs());
    Instruction copy = df.instructions().get(2).trigger();
    assertThat(copy.flag("from").orElseThrow().value()).isEqualTo("a");
    assertThat(BuildKitDump.dump(df.instructions().get(2)))
        .isEqualTo("onbuild (copy [\"--from=a\"] \".\" \"/\")");
  }

  @Test
  void unterminatedHeredocIsLocated() {
    DockerfileParseException e = failure("FROM x\n  RUN <<EOF\necho hi\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(3);
    assertThat(e.reason()).startsWith("unterminated heredoc");
    assertThat(e.getMessage()).startsWith("Dockerfile:2:3: unterminated heredoc");
  }

  @Test
  void directivesAreCaseInsensitiveAndOnlyAtTheTop() throws Exception {
    String src = "# SYNTAX = docker/dockerfile:1.7 \n#Escape=`\n# check=skip=all\n"
        + "FROM x\nRUN echo a `\n  b\n";
    Dockerfile df = parse(src);
    assertThat(df.escapeChar()).isEqualTo('`');
    assertThat(df.syntax().orElseThrow().value()).isEqualTo("docker/dockerfile:1.7");
    assertThat(df.syntax().orElseThrow().valueSpan().textOf(src))
        .isEqualTo("docker/dockerfile:1.7");
    assertThat(df.check().orElseThrow().value()).isEqualTo("skip=all");
    assertThat(df.instructions().get(1).argumentText()).isEqualTo("echo a   b");
    assertThat(df.comments()).allMatch(Comment::directive);

    Dockerfile late = parse("# hello\n# escape=`\nFROM x\nRUN a \\\n b\n");
    assertThat(late.escapeChar()).isEqualTo('\\');
    assertThat(late.directives()).isEmpty();
    assertThat(late.instructions().get(1).argumentText()).isEqualTo("a  b");

    Dockerfile afterBlank = parse("\n# escape=`\nFROM x\n");
    assertThat(afterBlank.directives()).isEmpty();
  }

  @Test
  void badDirectivesAreErrors() {
    assertThat(failure("# escape=x\nFROM a\n").reason())
        .isEqualTo("invalid escape token 'x' does not match ` or \\");
    DockerfileParseException dup = failure("# syntax=a\n# syntax=b\nFROM a\n");
    assertThat(dup.line()).isEqualTo(2);
    assertThat(dup.reason()).isEqualTo("only one syntax parser directive can be used");
  }

  @Test
  void bomAndCrlfAreHandled() throws Exception {
    byte[] bytes = "\uFEFFFROM alpine\r\nRUN echo a \\\r\n  b\r\n".getBytes(StandardCharsets.UTF_8);
    Dockerfile df = DockerfileParser.parse("Dockerfile", bytes);
    assertThat(df.source()).startsWith("FROM alpine\r\n");
    assertThat(df.instructions().get(0).arguments().get(0).value()).isEqualTo("alpine");
    assertThat(df.instructions().get(0).span().endColumn()).isEqualTo(12);
    assertThat(df.instructions().get(1).argumentText()).isEqualTo("echo a   b");
    assertThat(BuildKitDump.dump(df)).isEqualTo("(from \"alpine\")\n(run \"echo a   b\")");
  }

  @Test
  void nonUtf8IsRejectedAtTheFirstBadByte() {
    byte[] bytes = {'F', 'R', 'O', 'M', ' ', 'a', '\n', 'R', 'U', 'N', ' ', (byte) 0xC3, '(', '\n'};
    assertThatThrownBy(() -> DockerfileParser.parse("x/Dockerfile", bytes))
        .isInstanceOfSatisfying(DockerfileParseException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo(5);
          assertThat(e.getMessage())
              .isEqualTo("x/Dockerfile:2:5: not valid UTF-8: byte 0xc3 at byte offset 11");
        });
  }

  @Test
  void binaryContentIsRejected() {
    DockerfileParseException e = failure("FROM a\nRUN \0x\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(5);
    assertThat(e.reason()).contains("NUL");
  }

  @Test
  void unknownInstructionIsLocatedButParseErrorsComeFirst() {
    DockerfileParseException e = failure("FROM a\n  FORM b\n");
    assertThat(e.getMessage()).isEqualTo("Dockerfile:2:3: unknown instruction: FORM");
    // BuildKit parses the whole file before it looks at instruction names
    DockerfileParseException first = failure("FROM a\nFORM b\nENV X\n");
    assertThat(first.reason()).isEqualTo("ENV must have two arguments");
    assertThat(first.line()).isEqualTo(3);
    assertThat(failure("FROM a\nONBUILD FROM b\n").reason())
        .isEqualTo("FROM isn't allowed as an ONBUILD trigger");
    assertThat(failure("\\\n").reason()).startsWith("empty instruction");
  }

  @Test
  void filesWithoutInstructionsAreErrors() {
    assertThat(failure("").getMessage()).isEqualTo("Dockerfile:1:1: file with no instructions");
    assertThat(failure("# a\n\n# b\n").reason()).isEqualTo("file with no instructions");
  }

  @Test
  void envAndLabelPairsInBothForms() throws Exception {
    String src = "FROM a\nENV PATH /usr/local/bin:$PATH\nLABEL a=1 \"b c\"=\"d e\" f=\nENV X\n";
    DockerfileParseException e = failure(src);
    assertThat(e.reason()).isEqualTo("ENV must have two arguments");
    String ok = src.replace("ENV X\n", "ENV Y=1 Z\n");
    assertThat(failure(ok).reason())
        .isEqualTo("Syntax error - can't find = in \"Z\". Must be of the form: name=value");
    String good = "FROM a\nENV PATH /usr/local/bin:$PATH\nLABEL a=1 \"b c\"=\"d e\" f=\n";
    Dockerfile df = parse(good);
    KeyValueInstruction env = KeyValueInstruction.of(df.instructions().get(1));
    assertThat(env.pairs()).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo("PATH");
      assertThat(p.value()).isEqualTo("/usr/local/bin:$PATH");
      assertThat(p.legacyForm()).isTrue();
      assertThat(p.valueSpan().textOf(good)).isEqualTo("/usr/local/bin:$PATH");
    });
    KeyValueInstruction label = KeyValueInstruction.of(df.instructions().get(2));
    assertThat(label.pairs()).extracting(KeyValueInstruction.Pair::key)
        .containsExactly("a", "\"b c\"", "f");
    assertThat(label.pairs()).extracting(KeyValueInstruction.Pair::value)
        .containsExactly("1", "\"d e\"", "");
    assertThat(label.pairs().get(1).keySpan().textOf(good)).isEqualTo("\"b c\"");
    assertThat(label.pairs().get(1).valueSpan().textOf(good)).isEqualTo("\"d e\"");
    assertThat(label.pairs().get(2).legacyForm()).isFalse();
  }

  @Test
  void argDeclarationsWithDefaults() throws Exception {
    String src = "ARG BASE=python:3.11 VERSION\nFROM ${BASE}\nARG X=\"a b\"\n";
    Dockerfile df = parse(src);
    ArgInstruction arg = ArgInstruction.of(df.instructions().get(0));
    assertThat(arg.declarations()).hasSize(2);
    assertThat(arg.declarations().get(0).name()).isEqualTo("BASE");
    assertThat(arg.declarations().get(0).defaultValue()).contains("python:3.11");
    assertThat(arg.declarations().get(0).valueSpan().textOf(src)).isEqualTo("python:3.11");
    assertThat(arg.declarations().get(1).defaultValue()).isEmpty();
    assertThat(arg.declarations().get(1).nameSpan().textOf(src)).isEqualTo("VERSION");
    ArgInstruction quoted = ArgInstruction.of(df.instructions().get(2));
    assertThat(quoted.declarations().get(0).defaultValue()).contains("\"a b\"");
  }

  @Test
  void copyAndRunViewsExposeTheirFlags() throws Exception {
    Dockerfile df = parse("FROM a\nCOPY --from=build --chmod=755 --link --exclude=*.md "
        + "--exclude=x a b /dst/\nADD --checksum=sha256:abc --keep-git-dir=true https://x/y /z\n"
        + "RUN --mount=type=cache,target=/c --mount=type=secret,id=s --network=none "
        + "--security=insecure make\n");
    CopyInstruction copy = CopyInstruction.of(df.instructions().get(1));
    assertThat(copy.add()).isFalse();
    assertThat(copy.from().orElseThrow().value()).isEqualTo("build");
    assertThat(copy.chmod().orElseThrow().value()).isEqualTo("755");
    assertThat(copy.link().orElseThrow().isTrue()).isTrue();
    assertThat(copy.excludes()).extracting(Flag::value).containsExactly("*.md", "x");
    assertThat(copy.sources()).extracting(Word::value).containsExactly("a", "b");
    assertThat(copy.destination().orElseThrow().value()).isEqualTo("/dst/");
    CopyInstruction add = CopyInstruction.of(df.instructions().get(2));
    assertThat(add.add()).isTrue();
    assertThat(add.checksum().orElseThrow().value()).isEqualTo("sha256:abc");
    assertThat(add.keepGitDir()).isPresent();
    RunInstruction run = RunInstruction.of(df.instructions().get(3));
    assertThat(run.mounts()).hasSize(2);
    assertThat(run.network().orElseThrow().value()).isEqualTo("none");
    assertThat(run.security().orElseThrow().value()).isEqualTo("insecure");
    assertThat(run.shellText()).isEqualTo("make");
  }

  @Test
  void healthcheckAndSimpleViews() throws Exception {
    Dockerfile df = parse("FROM a\nHEALTHCHECK --interval=5s CMD curl -f http://x/ || exit 1\n"
        + "HEALTHCHECK NONE\nHEALTHCHECK CMD [\"/bin/check\"]\nUSER app:app\nWORKDIR /srv/my app\n"
        + "EXPOSE 80/tcp 443\nSTOPSIGNAL SIGTERM\nMAINTAINER Jane <j@x>\nSHELL [\"/bin/bash\", \"-c\"]\n");
    HealthcheckInstruction hc = HealthcheckInstruction.of(df.instructions().get(1));
    assertThat(hc.type().orElseThrow().value()).isEqualTo("CMD");
    assertThat(hc.shellCommand().orElseThrow().value()).isEqualTo("curl -f http://x/ || exit 1");
    assertThat(hc.interval().orElseThrow().value()).isEqualTo("5s");
    assertThat(HealthcheckInstruction.of(df.instructions().get(2)).isNone()).isTrue();
    HealthcheckInstruction exec = HealthcheckInstruction.of(df.instructions().get(3));
    assertThat(exec.json()).isTrue();
    assertThat(exec.execArgs()).extracting(Word::value).containsExactly("/bin/check");
    assertThat(StringInstruction.of(df.instructions().get(4)).value().orElseThrow().value())
        .isEqualTo("app:app");
    assertThat(StringInstruction.of(df.instructions().get(5)).value().orElseThrow().value())
        .isEqualTo("/srv/my app");
    assertThat(ValuesInstruction.of(df.instructions().get(6)).values()).extracting(Word::value)
        .containsExactly("80/tcp", "443");
    assertThat(StringInstruction.of(df.instructions().get(8)).value().orElseThrow().value())
        .isEqualTo("Jane <j@x>");
    assertThat(CommandInstruction.of(df.instructions().get(9)).execArgs()).hasSize(2);
    assertThatThrownBy(() -> RunInstruction.of(df.instructions().get(4)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commentsDirectlyAboveAnInstructionAreFound() throws Exception {
    String src = "# syntax=docker/dockerfile:1\nFROM a\n# unrelated\n\n# first\n"
        + "# strata ignore=apt-unpinned\nRUN apt-get install -y curl\nRUN true\n";
    Dockerfile df = parse(src);
    assertThat(df.commentsAbove(df.instructions().get(0))).isEmpty();
    assertThat(df.commentsAbove(df.instructions().get(1))).extracting(Comment::text)
        .containsExactly("first", "strata ignore=apt-unpinned");
    assertThat(df.commentsAbove(df.instructions().get(2))).isEmpty();
    assertThat(df.commentsAbove(df.instructions().get(1)).get(1).span().startLine()).isEqualTo(6);
  }

  @Test
  void emptyContinuationLinesAreReported() throws Exception {
    Dockerfile df = parse("FROM a\n\nRUN a \\\n\n  # c\n \t\r\n  b\nRUN c\n\n");
    assertThat(df.instructions().get(1).argumentText()).isEqualTo("a   b");
    assertThat(df.emptyContinuationLines()).extracting(SourceSpan::startLine)
        .containsExactly(4, 6);
  }

  @Test
  void lineIndexConvertsOffsets() throws Exception {
    Dockerfile df = parse("FROM a\r\n\nRUN b");
    assertThat(df.line(0)).isEqualTo(1);
    assertThat(df.line(8)).isEqualTo(2);
    assertThat(df.line(9)).isEqualTo(3);
    assertThat(df.column(13)).isEqualTo(5);
    assertThat(df.lineIndex().lineCount()).isEqualTo(3);
    assertThat(df.span(9, 14)).isEqualTo(new SourceSpan(9, 14, 3, 1, 3, 6));
  }

  @Test
  void overlongPhysicalLinesAreRejectedLikeBuildKit() {
    String ok = "FROM a\nRUN " + "x".repeat(65536 - 5) + "\n";
    org.assertj.core.api.Assertions.assertThatCode(() -> parse(ok)).doesNotThrowAnyException();
    DockerfileParseException e = failure("FROM a\nRUN " + "x".repeat(65536 - 4) + "\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.reason()).isEqualTo("dockerfile line greater than max allowed size of 65535");
  }

  @Test
  void tenMegabyteFileParsesInOnePass() throws Exception {
    StringBuilder sb = new StringBuilder(10_600_000).append("FROM debian:12\n");
    int i = 0;
    while (sb.length() < 10_000_000) {
      sb.append("RUN apt-get install -y pkg").append(i).append("=1.0 \\\n")
          .append("    # note ").append(i).append("\n    && echo \"").append(i).append("\"\n")
          .append("COPY <<EOF /f").append(i).append("\nline\nEOF\n")
          .append("ENV K").append(i).append("=v L=\"a b\"\n");
      i++;
    }
    Dockerfile df = parse(sb.toString());
    assertThat(df.instructions()).hasSize(1 + 3 * i);
    assertThat(df.comments()).hasSize(i);
  }
}
