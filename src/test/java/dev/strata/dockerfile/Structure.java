package dev.strata.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** The span-free content of an AST, for comparing a printed and re-parsed file. */
record Structure(List<String> directives, char escape, List<Node> instructions) {

  record Node(String name, List<String> flags, List<String> args, boolean json,
      List<String> heredocs, Node trigger) {}

  /**
   * False when some value ends in white space: possible only through an escaped white-space
   * character at the very end of a line, which no printed line can reproduce because BuildKit
   * trims line ends. The printer's round trip is checked for everything else.
   */
  static boolean printable(Dockerfile df) {
    for (Instruction i : df.instructions()) {
      if (!printable(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean printable(Instruction i) {
    for (Word w : i.arguments()) {
      String v = w.value();
      if (!v.isEmpty() && GoText.isSpace(v.charAt(v.length() - 1))) {
        return false;
      }
    }
    for (Flag f : i.flags()) {
      if (GoText.isSpace(f.text().charAt(f.text().length() - 1))) {
        return false;
      }
    }
    return i.trigger() == null || printable(i.trigger());
  }

  static Structure of(Dockerfile df) {
    List<String> directives = new ArrayList<>();
    for (Directive d : df.directives()) {
      directives.add(d.name() + "=" + d.value());
    }
    List<Node> nodes = new ArrayList<>();
    for (Instruction i : df.instructions()) {
      nodes.add(node(i));
    }
    return new Structure(directives, df.escapeChar(), nodes);
  }

  static Node node(Instruction i) {
    List<String> flags = new ArrayList<>();
    for (Flag f : i.flags()) {
      flags.add(f.text());
    }
    List<String> heredocs = new ArrayList<>();
    for (Heredoc h : i.heredocs()) {
      heredocs.add(h.name() + "|" + h.expand() + "|" + h.chomp() + "|" + h.content());
    }
    return new Node(i.name(), flags, i.argumentValues(), i.json(), heredocs,
        i.trigger() == null ? null : node(i.trigger()));
  }
}
