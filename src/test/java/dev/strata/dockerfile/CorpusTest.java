package dev.strata.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Dockerfile of the shared corpus parses, with consistent spans, and prints back to text
 * that parses to the same AST. A file that cannot be
 * parsed must be a true syntax error listed here with its exact located message, so that a new
 * failure is caught.
 */
class CorpusTest {
  /** Corpus files (relative, "/"-separated) that are real syntax errors, with their message. */
  private static final Map<String, String> EXPECTED_ERRORS = Map.of();

  static Path corpus() {
    Path dir = Path.of(System.getProperty("strata.shared", "../shared"), "corpus", "dockerfiles");
    Assumptions.assumeTrue(Files.isDirectory(dir), "shared Dockerfile corpus not found at " + dir);
    return dir;
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void corpusHasAllFiles() throws IOException {
    assertThat(files(corpus())).hasSize(618);
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusFileParses() throws IOException {
    Path dir = corpus();
    return files(dir).stream().map(p -> {
      String name = dir.relativize(p).toString().replace('\\', '/');
      return DynamicTest.dynamicTest(name, () -> {
        byte[] bytes = Files.readAllBytes(p);
        String expected = EXPECTED_ERRORS.get(name);
        try {
          Dockerfile df = DockerfileParser.parse(name, bytes);
          if (expected != null) {
            fail("expected " + expected + " but it parsed");
          }
          assertThat(df.instructions()).isNotEmpty();
          AstInvariants.check(df);
          Dockerfile reprinted = DockerfileParser.parse(name, DockerfilePrinter.print(df));
          assertThat(Structure.of(reprinted)).isEqualTo(Structure.of(df));
          assertThat(BuildKitDump.dump(reprinted)).isEqualTo(BuildKitDump.dump(df));
        } catch (DockerfileParseException e) {
          assertThat(e.getMessage()).isEqualTo(expected);
        }
      });
    });
  }
}
