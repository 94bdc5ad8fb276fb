package dev.strata.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerfilePrinterTest {
  @Test
  void printsCanonicalText() throws Exception {
    String src = "# syntax = docker/dockerfile:1\n\nfrom  --platform=linux/amd64   python:3.11 as base\n"
        + "# install\nrun   apt-get update \\\n   && apt-get install -y curl\n"
        + "CMD [ \"python\",\"-m\" , \"app\" ]\nENV A=1   B=\"two words\"\nENV LEGACY some value\n"
        + "COPY --chown=\"app user\" <<-EOF /etc/x\n\tbody\n\tEOF\nONBUILD  ADD . /src\n"
        + "HEALTHCHECK --interval=5s CMD [\"curl\", \"-f\", \"x\\ty\"]\n";
    Dockerfile df = DockerfileParser.parse("Dockerfile", src);
    assertThat(DockerfilePrinter.print(df)).isEqualTo(
        "# syntax=docker/dockerfile:1\n\n"
            + "FROM --platform=linux/amd64 python:3.11 as base\n"
            + "# install\n"
            + "RUN apt-get update    && apt-get install -y curl\n"
            + "CMD [\"python\", \"-m\", \"app\"]\n"
            + "ENV A=1 B=\"two words\"\n"
            + "ENV LEGACY some value\n"
            + "COPY --\"chown=app user\" <<-EOF /etc/x\n\tbody\nEOF\n"
            + "ONBUILD ADD . /src\n"
            + "HEALTHCHECK --interval=5s CMD [\"curl\", \"-f\", \"x\\u0009y\"]\n");
  }

  @Test
  void aCommentThatLooksLikeADirectiveStaysAComment() throws Exception {
    Dockerfile df = DockerfileParser.parse("Dockerfile", "\n# escape=`\nFROM a\nRUN b \\\n c\n");
    assertThat(df.directives()).isEmpty();
    String printed = DockerfilePrinter.print(df);
    assertThat(printed).isEqualTo("\n# escape=`\nFROM a\nRUN b  c\n");
    Dockerfile again = DockerfileParser.parse("Dockerfile", printed);
    assertThat(again.directives()).isEmpty();
    assertThat(again.escapeChar()).isEqualTo('\\');
  }

  @Test
  void aValueEndingInTheEscapeCharacterDoesNotBecomeAContinuation() throws Exception {
    Dockerfile df = DockerfileParser.parse("Dockerfile", "FROM a\\\u00a0\nRUN b\n");
    assertThat(BuildKitDump.dump(df)).isEqualTo("(from \"a\\\\\")\n(run \"b\")");
    String printed = DockerfilePrinter.print(df);
    assertThat(printed).isEqualTo("FROM a\\\f\nRUN b\n");
    assertThat(BuildKitDump.dump(DockerfileParser.parse("Dockerfile", printed)))
        .isEqualTo(BuildKitDump.dump(df));
  }

  @Test
  void backtickEscapeIsDeclared() throws Exception {
    Dockerfile df = DockerfileParser.parse("Dockerfile", "# escape=`\nFROM a\nRUN echo `\n  b\n");
    assertThat(DockerfilePrinter.print(df)).isEqualTo("# escape=`\n\nFROM a\nRUN echo   b\n");
  }
}
