package dev.strata.dockerfile;

/**
 * Prints an AST exactly as BuildKit's {@code Node.Dump()} does (the format of BuildKit's parser
 * test {@code result} files): one {@code (keyword ["--flag" ...] "arg" ...)} line per
 * instruction, values quoted like Go's {@code strconv.Quote}, ONBUILD's trigger nested.
 */
public final class BuildKitDump {
  private BuildKitDump() {}

  /** The dump of a whole file, without a final newline (as {@code Node.Dump()} returns it). */
  public static String dump(Dockerfile dockerfile) {
    StringBuilder out = new StringBuilder();
    for (Instruction i : dockerfile.instructions()) {
      out.append('(').append(dump(i)).append(")\n");
    }
    return goTrimSpace(out.toString());
  }

  /** The dump of one instruction, without the surrounding parentheses. */
  public static String dump(Instruction instruction) {
    StringBuilder out = new StringBuilder(instruction.name());
    if (!instruction.flags().isEmpty()) {
      out.append(" [");
      for (int i = 0; i < instruction.flags().size(); i++) {
        if (i > 0) {
          out.append(' ');
        }
        GoText.appendQuoted(out, instruction.flags().get(i).text());
      }
      out.append(']');
    }
    if (instruction.trigger() != null) {
      out.append(" (").append(dump(instruction.trigger())).append(')');
    }
    for (Word w : instruction.arguments()) {
      out.append(' ');
      GoText.appendQuoted(out, w.value());
    }
    return goTrimSpace(out.toString());
  }

  private static String goTrimSpace(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && GoText.isSpace(s.charAt(a))) {
      a++;
    }
    while (b > a && GoText.isSpace(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }
}
