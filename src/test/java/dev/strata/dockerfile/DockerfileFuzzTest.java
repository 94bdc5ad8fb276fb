package dev.strata.dockerfile;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the parser with raw bytes: it must return an AST with consistent spans (which prints
 * back to text that parses to the same AST) or throw its own located
 * {@link DockerfileParseException}, never anything else. Under plain {@code mvn test}
 * this replays the seed corpus in {@code DockerfileFuzzTestInputs/parseBytes}; set
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class DockerfileFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void parseBytes(byte[] data) {
    try {
      Dockerfile df = DockerfileParser.parse("Dockerfile", data);
      AstInvariants.check(df);
      BuildKitDump.dump(df);
      Dockerfile again = DockerfileParser.parse("Dockerfile", DockerfilePrinter.print(df));
      if (Structure.printable(df) && !Structure.of(again).equals(Structure.of(df))) {
        throw new AssertionError("printing changed the AST: " + Structure.of(df) + " became "
            + Structure.of(again));
      }
    } catch (DockerfileParseException e) {
      if (e.line() < 1 || e.column() < 1) {
        throw new AssertionError("unlocated error: " + e.getMessage(), e);
      }
    }
  }
}
