package dev.strata.dockerfile;

import java.util.List;
import java.util.Locale;

/**
 * Prints an AST back as canonical Dockerfile text: parser directives first, then one line per
 * instruction with its keyword upper-cased, flags and arguments separated by single spaces, JSON
 * arrays as {@code ["a", "b"]}, heredoc bodies after their instruction, and the comments that
 * stood directly above each instruction. Parsing the output yields the same instructions,
 * flags, arguments and heredocs. The one exception: a value that ends in white space, which only
 * an escaped white-space character at the very end of a line produces (BuildKit trims line ends,
 * so no printed line can carry it). To change single tokens of a user's file and keep every
 * other byte, edit the source at the AST's spans instead.
 */
public final class DockerfilePrinter {
  private DockerfilePrinter() {}

  public static String print(Dockerfile dockerfile) {
    StringBuilder out = new StringBuilder();
    boolean escapeWritten = false;
    for (Directive d : dockerfile.directives()) {
      out.append("# ").append(d.name()).append('=').append(d.value()).append('\n');
      escapeWritten |= d.name().equals("escape");
    }
    if (!escapeWritten && dockerfile.escapeChar() != '\\') {
      out.append("# escape=").append(dockerfile.escapeChar()).append('\n');
    }
    if (out.length() > 0) {
      out.append('\n');
    }
    for (Instruction i : dockerfile.instructions()) {
      for (Comment c : dockerfile.commentsAbove(i)) {
        if (out.length() == 0 && looksLikeDirective(c.text())) {
          // a blank line first, or the comment would become a parser directive
          out.append('\n');
        }
        out.append("# ").append(c.text()).append('\n');
      }
      appendInstruction(out, i, dockerfile.escapeChar());
    }
    return out.toString();
  }

  private static boolean looksLikeDirective(String comment) {
    int eq = comment.indexOf('=');
    if (eq < 0) {
      return false;
    }
    String name = comment.substring(0, eq).strip().toLowerCase(Locale.ROOT);
    return name.equals("syntax") || name.equals("escape") || name.equals("check");
  }

  /** One instruction, with a final newline and its heredoc bodies. */
  public static String print(Instruction instruction, char escapeChar) {
    StringBuilder out = new StringBuilder();
    appendInstruction(out, instruction, escapeChar);
    return out.toString();
  }

  private static void appendInstruction(StringBuilder out, Instruction i, char escape) {
    int start = out.length();
    appendLine(out, i, escape);
    int end = out.length();
    if (end > start && out.charAt(end - 1) == escape
        && (end - 1 == start || out.charAt(end - 2) != escape)) {
      // A value that ends in a lone escape character (possible when the source line ended in
      // non-ASCII white space) must not turn into a line continuation: a trailing form feed
      // stops that, and BuildKit trims it from the arguments like any white space.
      out.append('\f');
    }
    out.append('\n');
    for (Heredoc h : i.heredocs()) {
      out.append(h.content()).append(h.name()).append('\n');
    }
  }

  private static void appendLine(StringBuilder out, Instruction i, char escape) {
    out.append(i.name().toUpperCase(Locale.ROOT));
    for (Flag f : i.flags()) {
      out.append(' ');
      appendFlag(out, f.text(), escape);
    }
    StringBuilder rest = new StringBuilder();
    appendRest(rest, i, escape);
    if (rest.length() > 0) {
      if (rest.length() >= 2 && rest.charAt(0) == '-' && rest.charAt(1) == '-') {
        // would be read as a flag: "--" ends the flags first
        out.append(" --");
      }
      out.append(' ').append(rest);
    }
  }

  /** Everything after the flags: the ONBUILD trigger or the arguments. */
  private static void appendRest(StringBuilder out, Instruction i, char escape) {
    if (i.trigger() != null) {
      appendLine(out, i.trigger(), escape);
      return;
    }
    List<Word> args = i.arguments();
    if (args.isEmpty()) {
      if (i.json()) {
        out.append("[]");
      }
      return;
    }
    switch (i.name()) {
      case "env": case "label":
        for (int k = 0; k + 2 < args.size(); k += 3) {
          if (k > 0) {
            out.append(' ');
          }
          out.append(args.get(k).value());
          boolean legacy = args.get(k + 2).value().isEmpty();
          out.append(legacy ? " " : "=").append(args.get(k + 1).value());
        }
        return;
      case "healthcheck":
        out.append(args.get(0).value());
        if (args.size() > 1) {
          out.append(' ');
          appendValues(out, i, args.subList(1, args.size()));
        }
        return;
      default:
        appendValues(out, i, args);
    }
  }

  private static void appendValues(StringBuilder out, Instruction i, List<Word> values) {
    if (i.json()) {
      out.append('[');
      for (int k = 0; k < values.size(); k++) {
        if (k > 0) {
          out.append(", ");
        }
        appendJsonString(out, values.get(k).value());
      }
      out.append(']');
      return;
    }
    // Words that start like a JSON array but were not one (ADD/COPY/VOLUME split them on white
    // space) are joined with a form feed: JSON allows that neither between tokens nor in strings,
    // so the printed line cannot turn into valid JSON.
    char separator = values.size() > 1 && values.get(0).value().startsWith("[") ? '\f' : ' ';
    for (int k = 0; k < values.size(); k++) {
      if (k > 0) {
        out.append(separator);
      }
      out.append(values.get(k).value());
    }
  }

  /** A flag as text that BuildKit's flag extraction reads back as {@code text}. */
  private static void appendFlag(StringBuilder out, String text, char escape) {
    boolean plain = true;
    for (int k = 2; k < text.length() && plain; k++) {
      char c = text.charAt(k);
      plain = !GoText.isSpace(c) && c != '"' && c != '\'' && c != escape;
    }
    if (plain) {
      out.append(text);
      return;
    }
    out.append("--\"");
    for (int k = 2; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '"' || c == escape) {
        out.append(escape);
      }
      out.append(c);
    }
    out.append('"');
  }

  private static void appendJsonString(StringBuilder out, String s) {
    out.append('"');
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7F || GoText.isSpace(c) && c != ' ') {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
