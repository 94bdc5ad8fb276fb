package dev.strata.dockerfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed Dockerfile: its full decoded text, parser directives, instructions and comments.
 *
 * @param fileName the name given to the parser (used in messages)
 * @param source the decoded text, byte-order mark removed; every span indexes it
 * @param directives the parser directives at the top, in order
 * @param escapeChar the escape character in effect ({@code '\\'} or {@code '`'})
 * @param instructions the instructions in order
 * @param comments every comment line in order, including directives and comments inside
 *     continuations (but not lines of heredoc bodies)
 * @param lineIndex offset to line:column conversion for {@code source}
 */
public record Dockerfile(
    String fileName,
    String source,
    List<Directive> directives,
    char escapeChar,
    List<Instruction> instructions,
    List<Comment> comments,
    LineIndex lineIndex) {

  public Dockerfile {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(source, "source");
    directives = List.copyOf(directives);
    instructions = List.copyOf(instructions);
    comments = List.copyOf(comments);
    Objects.requireNonNull(lineIndex, "lineIndex");
  }

  /** The directive with this lowercase name. */
  public Optional<Directive> directive(String name) {
    for (Directive d : directives) {
      if (d.name().equals(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  public Optional<Directive> syntax() {
    return directive("syntax");
  }

  public Optional<Directive> escape() {
    return directive("escape");
  }

  public Optional<Directive> check() {
    return directive("check");
  }

  /** The span from {@code start} to {@code end} (exclusive) of the source. */
  public SourceSpan span(int start, int end) {
    return lineIndex.span(start, end);
  }

  /** 1-based line of a source offset. */
  public int line(int offset) {
    return lineIndex.line(offset);
  }

  /** 1-based column of a source offset. */
  public int column(int offset) {
    return lineIndex.column(offset);
  }

  /**
   * The comments on the lines directly above {@code instruction}: the run of comment lines that
   * ends on the line before it, with no blank or other line in between, in source order. This
   * is where {@code # strata ignore=rule-id} is read from.
   */
  public List<Comment> commentsAbove(Instruction instruction) {
    int expectedLine = instruction.span().startLine() - 1;
    int index = lastCommentBefore(instruction.span().startOffset());
    List<Comment> above = new ArrayList<>();
    while (index >= 0) {
      Comment c = comments.get(index);
      if (c.span().startLine() != expectedLine || c.directive()) {
        break;
      }
      above.add(c);
      expectedLine--;
      index--;
    }
    Collections.reverse(above);
    return above;
  }

  /**
   * The blank lines inside line continuations, one empty span at the start of each. BuildKit
   * warns about them ("Empty continuation lines will become errors in a future release"), so a
   * file that has them may stop building with a later Docker.
   */
  public List<SourceSpan> emptyContinuationLines() {
    List<SourceSpan> out = new ArrayList<>();
    for (Instruction i : instructions) {
      for (int line = i.span().startLine() + 1; line < i.span().endLine(); line++) {
        int start = lineIndex.lineStart(line);
        int end = lineIndex.lineEnd(line);
        boolean blank = true;
        for (int k = start; k < end && blank; k++) {
          blank = GoText.isSpace(source.charAt(k));
        }
        if (blank) {
          out.add(lineIndex.span(start, start));
        }
      }
    }
    return out;
  }

  private int lastCommentBefore(int offset) {
    int lo = 0;
    int hi = comments.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (comments.get(mid).span().startOffset() < offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
