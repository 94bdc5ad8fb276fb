package dev.strata.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** The span-free content of an AST, for comparing a printed and re-parsed file. */
record Structure(List<String> directives, char escape, List<Node> instructions) {

  record Node(String name, List<String> flags, List<String> args, boolean json,
      List<String> heredocs, Node trigger) {}

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
