package dev.strata.dockerfile;

/** Shared checks of the typed instruction views. */
final class Views {
  private Views() {}

  static void require(Instruction instruction, String... names) {
    for (String n : names) {
      if (instruction.name().equals(n)) {
        return;
      }
    }
    throw new IllegalArgumentException(
        "expected " + String.join("/", names).toUpperCase(java.util.Locale.ROOT)
            + " but got " + instruction.keyword());
  }
}
