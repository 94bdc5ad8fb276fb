package dev.strata.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * A heredoc marker ({@code <<EOF}, {@code <<-"EOF"}, {@code 3<<EOF}) found on an instruction
 * line, following BuildKit's {@code heredocsFromLine}.
 */
record HeredocMarker(String name, boolean expand, boolean chomp) {

  /**
   * The heredoc markers of a (continuation-joined) instruction line, in order.
   *
   * @throws ShellWordLexer.LexException when a marker's delimiter word cannot be lexed
   */
  static List<HeredocMarker> fromLine(String line) throws ShellWordLexer.LexException {
    List<String> words;
    try {
      words = ShellWordLexer.words(line, true, true);
    } catch (ShellWordLexer.LexException e) {
      // BuildKit ignores a line it cannot split: such a line has no heredocs.
      return List.of();
    }
    List<HeredocMarker> out = new ArrayList<>();
    for (String word : words) {
      HeredocMarker m = parse(word);
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  /** Matches {@code ^(\d*)<<(-?)\s*([^<]*)$} and reads the delimiter word. */
  static HeredocMarker parse(String word) throws ShellWordLexer.LexException {
    int i = 0;
    int n = word.length();
    while (i < n && word.charAt(i) >= '0' && word.charAt(i) <= '9') {
      i++;
    }
    if (!word.startsWith("<<", i)) {
      return null;
    }
    i += 2;
    boolean chomp = i < n && word.charAt(i) == '-';
    if (chomp) {
      i++;
    }
    while (i < n && GoText.isRe2Space(word.charAt(i))) {
      i++;
    }
    String rest = word.substring(i);
    if (rest.indexOf('<') >= 0 || rest.isEmpty()) {
      return null;
    }
    List<String> words = ShellWordLexer.words(rest, false, false);
    if (words.size() != 1) {
      return null;
    }
    List<String> raw = ShellWordLexer.words(rest, true, false);
    if (raw.size() != words.size()) {
      throw new ShellWordLexer.LexException(
          "internal lexing of heredoc produced inconsistent results: " + rest);
    }
    boolean expand = quoteCount(words.get(0)) == quoteCount(raw.get(0));
    return new HeredocMarker(words.get(0), expand, chomp);
  }

  private static int quoteCount(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        count++;
      }
    }
    return count;
  }
}
