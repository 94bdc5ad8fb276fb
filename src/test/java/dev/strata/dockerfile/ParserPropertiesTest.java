package dev.strata.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties: printing and re-parsing a generated AST gives the same AST; on any input the
 * parser returns an AST whose spans are consistent or throws its own located exception.
 */
class ParserPropertiesTest {
  private static final SourceSpan NOWHERE = new SourceSpan(0, 0, 1, 1, 1, 1);

  // ---------------------------------------------------------------- round trip

  @Property(tries = 300)
  void printThenParseGivesTheSameAst(@ForAll("dockerfiles") Dockerfile ast) throws Exception {
    String printed = DockerfilePrinter.print(ast);
    Dockerfile reparsed = DockerfileParser.parse("Dockerfile", printed);
    assertThat(Structure.of(reparsed)).isEqualTo(Structure.of(ast));
    AstInvariants.check(reparsed);
    // printing is canonical: a second round changes nothing
    assertThat(DockerfilePrinter.print(reparsed)).isEqualTo(printed);
  }

  @Provide
  Arbitrary<Dockerfile> dockerfiles() {
    Arbitrary<Character> escape = Arbitraries.of('\\', '`');
    return Combinators.combine(escape, instruction().list().ofMinSize(1).ofMaxSize(12))
        .as((esc, list) -> {
          List<Directive> directives = new ArrayList<>();
          directives.add(new Directive("syntax", "docker/dockerfile:1", NOWHERE, NOWHERE));
          if (esc == '`') {
            directives.add(new Directive("escape", "`", NOWHERE, NOWHERE));
          }
          return new Dockerfile("Dockerfile", "", directives, esc, list, List.of(),
              LineIndex.of(""));
        });
  }

  private static Word w(String v) {
    return new Word(v, NOWHERE);
  }

  private static List<Word> words(List<String> values) {
    List<Word> out = new ArrayList<>();
    for (String v : values) {
      out.add(w(v));
    }
    return out;
  }

  private static Flag flag(String text) {
    int eq = text.indexOf('=');
    String name = text.substring(2, eq < 0 ? text.length() : eq);
    return new Flag(text, name, eq < 0 ? null : text.substring(eq + 1), NOWHERE, NOWHERE,
        NOWHERE);
  }

  private static Instruction ins(String name, List<Flag> flags, List<Word> args, boolean json,
      List<Heredoc> heredocs, Instruction trigger) {
    return new Instruction(name.toUpperCase(java.util.Locale.ROOT), name, NOWHERE, NOWHERE,
        flags, args, json, false, "", List.of(), "", NOWHERE, heredocs, trigger);
  }

  /** A word with no white space, quote, escape, comment, heredoc or JSON meaning. */
  private static Arbitrary<String> token() {
    return Arbitraries.strings().withChars("abcxyzABZ019-_./:@%+,{}$éλ").ofMinLength(1)
        .ofMaxLength(8).filter(s -> !s.startsWith("-"));
  }

  private static Arbitrary<String> shellText() {
    Arbitrary<String> piece = Arbitraries.oneOf(token(),
        Arbitraries.of("&&", "||", "|", ";", "'a b'", "\"x  y\"", "$(id -u)", ">/dev/null",
            "-y", "--flag=1"));
    return Combinators.combine(token(), piece.list().ofMaxSize(6))
        .as((first, rest) -> rest.isEmpty() ? first : first + " " + String.join(" ", rest));
  }

  /** Any JSON-encodable string without lone surrogates. */
  private static Arbitrary<String> jsonString() {
    return Arbitraries.strings().ofMaxLength(10).filter(s -> {
      for (int k = 0; k < s.length(); k++) {
        if (Character.isSurrogate(s.charAt(k))) {
          return false;
        }
      }
      return true;
    });
  }

  private static Arbitrary<List<Flag>> flags(String... texts) {
    return Arbitraries.of(texts).map(ParserPropertiesTest::flag).list().ofMaxSize(3);
  }

  private Arbitrary<Instruction> instruction() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, simple()),
        net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> simple().filter(
            i -> !i.name().equals("from") && !i.name().equals("maintainer"))
            .map(t -> ins("onbuild", List.of(), List.of(), false, t.heredocs(), t)))));
  }

  private Arbitrary<Instruction> simple() {
    Arbitrary<Instruction> from = Combinators.combine(flags("--platform=linux/amd64"), token(),
        Arbitraries.of(true, false), token())
        .as((f, image, stage, name) -> ins("from", f,
            words(stage ? List.of(image, "AS", name) : List.of(image)), false, List.of(), null));
    Arbitrary<Instruction> shellRun = Combinators.combine(
        flags("--mount=type=cache,target=/c", "--network=none", "--security=insecure",
            "--mount=\"type=bind,source=a b\""),
        Arbitraries.of("run", "cmd", "entrypoint"), shellText())
        .as((f, name, text) -> ins(name, f, List.of(w(text)), false, List.of(), null));
    Arbitrary<Instruction> exec = Combinators.combine(
        Arbitraries.of("run", "cmd", "entrypoint", "shell", "volume", "copy", "add"),
        jsonString().list().ofMaxSize(4))
        .as((name, list) -> ins(name, List.of(), words(list), true, List.of(), null))
        .filter(i -> i.arguments().size() > 0 || !i.name().equals("volume"));
    Arbitrary<Instruction> copy = Combinators.combine(Arbitraries.of("copy", "add"),
        flags("--from=build", "--chown=1000:1000", "--chmod=755", "--link", "--link=false",
            "--checksum=sha256:0123", "--exclude=*.md", "--parents"),
        token().list().ofMinSize(1).ofMaxSize(3), token())
        .as((name, f, src, dst) -> {
          List<String> all = new ArrayList<>(src);
          all.add(dst);
          return ins(name, f, words(all), false, List.of(), null);
        });
    Arbitrary<Instruction> heredocRun = Combinators.combine(
        Arbitraries.of("EOF", "SCRIPT", "END_1"), Arbitraries.of(0, 1, 2), Arbitraries.of(true, false),
        shellText().list().ofMaxSize(4), Arbitraries.of("run", "copy"))
        .as((name, quoting, chomp, lines, kind) -> {
          String marker = "<<" + (chomp ? "-" : "")
              + (quoting == 0 ? name : quoting == 1 ? "'" + name + "'" : "\"" + name + "\"");
          StringBuilder body = new StringBuilder();
          for (String l : lines) {
            body.append(chomp ? "\t" : "").append(l).append('\n');
          }
          Heredoc h = new Heredoc(name, quoting == 0, chomp, body.toString(), NOWHERE, NOWHERE);
          List<Word> args = kind.equals("run") ? List.of(w(marker + " bash -e"))
              : words(List.of(marker, "/etc/file"));
          return ins(kind, List.of(), args, false, List.of(h), null);
        });
    Arbitrary<Instruction> env = Combinators.combine(Arbitraries.of("env", "label"),
        Combinators.combine(token().filter(t -> !t.contains("=")), token())
            .as(List::of).list().ofMinSize(1).ofMaxSize(3),
        Arbitraries.of(true, false), shellText())
        .as((name, pairs, legacy, text) -> {
          List<String> args = new ArrayList<>();
          if (legacy) {
            args.addAll(List.of(pairs.get(0).get(0), text, ""));
          } else {
            for (List<String> p : pairs) {
              args.addAll(List.of(p.get(0), p.get(1), "="));
            }
          }
          return ins(name, List.of(), words(args), false, List.of(), null);
        });
    Arbitrary<Instruction> arg = Combinators.combine(
        token().filter(t -> !t.contains("=")), Arbitraries.of("", "=1.2", "=\"a b\"", "="))
        .as((n, d) -> n + d).list().ofMinSize(1).ofMaxSize(3)
        .map(list -> ins("arg", List.of(), words(list), false, List.of(), null));
    Arbitrary<Instruction> single = Combinators.combine(
        Arbitraries.of("user", "workdir", "stopsignal", "maintainer"), shellText())
        .as((name, text) -> ins(name, List.of(), List.of(w(text)), false, List.of(), null));
    Arbitrary<Instruction> list = Combinators.combine(Arbitraries.of("expose", "volume"),
        token().list().ofMinSize(1).ofMaxSize(4))
        .as((name, values) -> ins(name, List.of(), words(values), false, List.of(), null));
    Arbitrary<Instruction> health = Combinators.combine(
        flags("--interval=5s", "--timeout=3s", "--retries=3"), Arbitraries.of(0, 1, 2),
        shellText(), jsonString().list().ofMinSize(1).ofMaxSize(3))
        .as((f, kind, text, cmd) -> kind == 0
            ? ins("healthcheck", List.of(), List.of(w("NONE")), false, List.of(), null)
            : kind == 1
                ? ins("healthcheck", f, List.of(w("CMD"), w(text)), false, List.of(), null)
                : ins("healthcheck", f, words(prepend("CMD", cmd)), true, List.of(), null));
    return Arbitraries.oneOf(from, shellRun, exec, copy, heredocRun, env, arg, single, list,
        health);
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> out = new ArrayList<>();
    out.add(first);
    out.addAll(rest);
    return out;
  }

  // ---------------------------------------------------------------- robustness

  @Property(tries = 1000)
  void anyStringParsesOrFailsWithALocatedError(@ForAll String text) {
    parsesOrFailsCleanly(text);
  }

  @Property(tries = 2000)
  void dockerfileLikeTextParsesOrFailsWithALocatedError(
      @ForAll("dockerfileish") String text) {
    parsesOrFailsCleanly(text);
  }

  @Provide
  Arbitrary<String> dockerfileish() {
    return Arbitraries.of("FROM", "RUN", "COPY", "ADD", "ENV", "ARG", "LABEL", "CMD", "ONBUILD",
        "HEALTHCHECK", "EXPOSE", "VOLUME", "USER", "SHELL", "run", " ", "  ", "\t", "\n", "\n",
        "\r\n", "\\", "\\\n", "`", "\"", "'", "<<", "<<-", "EOF", "'EOF'", "[", "]", ",", "#",
        "# escape=`\n", "# syntax=x\n", "=", "--", "--from=a", "$", "${", "}", "a", "b c", ":",
        "\u00a0", "\u2028", "é", "1", "CMD", "NONE", "{", "\"x\"", "AS")
        .list().ofMaxSize(60).map(l -> String.join("", l));
  }

  static void parsesOrFailsCleanly(String text) {
    try {
      Dockerfile df = DockerfileParser.parse("Dockerfile", text);
      AstInvariants.check(df);
      assertThat(BuildKitDump.dump(df)).isNotNull();
      Dockerfile again = DockerfileParser.parse("Dockerfile", DockerfilePrinter.print(df));
      if (Structure.printable(df)) {
        assertThat(Structure.of(again)).isEqualTo(Structure.of(df));
      }
    } catch (DockerfileParseException e) {
      assertThat(e.line()).isPositive();
      assertThat(e.column()).isPositive();
      assertThat(e.getMessage()).startsWith("Dockerfile:" + e.line() + ":" + e.column() + ": ");
    }
  }
}
