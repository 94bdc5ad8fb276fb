package dev.strata.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** BuildKit's own parser test cases: every dump byte for byte, every negative case rejected. */
class BuildKitConformanceTest {
  static Path conformance() {
    Path dir = Path.of(System.getProperty("strata.shared", "../shared"), "conformance", "buildkit");
    Assumptions.assumeTrue(Files.isDirectory(dir.resolve("parser")),
        "shared BuildKit conformance data not found at " + dir);
    return dir;
  }

  private static List<Path> cases(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void allCasesArePresent() throws IOException {
    Path dir = conformance();
    assertThat(cases(dir.resolve("parser"))).hasSize(33);
    assertThat(cases(dir.resolve("parser-negative"))).hasSize(4);
  }

  @TestFactory
  Stream<DynamicTest> dumpsMatchBuildKit() throws IOException {
    return cases(conformance().resolve("parser")).stream().map(c -> DynamicTest.dynamicTest(
        c.getFileName().toString(), () -> {
          byte[] bytes = Files.readAllBytes(c.resolve("Dockerfile"));
          String expected = new String(Files.readAllBytes(c.resolve("result")),
              StandardCharsets.UTF_8);
          Dockerfile df = DockerfileParser.parse("Dockerfile", bytes);
          assertThat(BuildKitDump.dump(df) + "\n").isEqualTo(expected);
          AstInvariants.check(df);
          // the canonical printout parses to the same dump
          Dockerfile reprinted = DockerfileParser.parse("Dockerfile", DockerfilePrinter.print(df));
          assertThat(BuildKitDump.dump(reprinted) + "\n").isEqualTo(expected);
        }));
  }

  @TestFactory
  Stream<DynamicTest> negativeCasesAreRejectedWithALocation() throws IOException {
    return cases(conformance().resolve("parser-negative")).stream().map(c ->
        DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
          byte[] bytes = Files.readAllBytes(c.resolve("Dockerfile"));
          assertThatThrownBy(() -> DockerfileParser.parse("Dockerfile", bytes))
              .isInstanceOfSatisfying(DockerfileParseException.class, e -> {
                assertThat(e.file()).isEqualTo("Dockerfile");
                assertThat(e.line()).isPositive();
                assertThat(e.column()).isPositive();
                assertThat(e.getMessage()).startsWith(
                    "Dockerfile:" + e.line() + ":" + e.column() + ": ");
              });
        }));
  }
}
