package dev.strata.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that hold for every successfully parsed Dockerfile: spans are exact and consistent. */
final class AstInvariants {
  private AstInvariants() {}

  static void check(Dockerfile df) {
    String src = df.source();
    for (Directive d : df.directives()) {
      span(df, d.span());
      span(df, d.valueSpan());
      assertThat(d.valueSpan().textOf(src)).isEqualTo(d.value());
    }
    for (Comment c : df.comments()) {
      span(df, c.span());
      assertThat(src.charAt(c.span().startOffset())).isEqualTo('#');
    }
    int previousEnd = 0;
    for (Instruction i : df.instructions()) {
      assertThat(i.span().startOffset()).isGreaterThanOrEqualTo(previousEnd);
      instruction(df, i);
      previousEnd = i.span().endOffset();
      for (Heredoc h : i.heredocs()) {
        previousEnd = Math.max(previousEnd, h.delimiterSpan().endOffset());
      }
    }
  }

  private static void instruction(Dockerfile df, Instruction i) {
    String src = df.source();
    span(df, i.span());
    span(df, i.keywordSpan());
    span(df, i.rawArgumentsSpan());
    if (i.keywordSpan().startLine() == i.keywordSpan().endLine()) {
      assertThat(i.keywordSpan().textOf(src)).isEqualTo(i.keyword());
    }
    assertThat(i.name()).isEqualTo(i.keyword().toLowerCase(java.util.Locale.ROOT));
    assertThat(i.span().contains(i.keywordSpan())).isTrue();
    assertThat(i.rawArgumentsSpan().textOf(src)).isEqualTo(i.rawArguments());
    assertThat(i.span().contains(i.rawArgumentsSpan())).isTrue();
    // the processed argument text is the raw text with pieces removed, never added
    assertThat(i.argumentSpan(0, i.argumentText().length())).isEqualTo(i.rawArgumentsSpan());
    int copied = 0;
    for (TextSegment s : i.argumentSegments()) {
      assertThat(i.argumentText().substring(s.textOffset(), s.textOffset() + s.length()))
          .isEqualTo(src.substring(s.sourceOffset(), s.sourceOffset() + s.length()));
      assertThat(df.line(s.sourceOffset())).isEqualTo(s.line());
      assertThat(df.column(s.sourceOffset())).isEqualTo(s.column());
      copied += s.length();
    }
    assertThat(copied).isEqualTo(i.argumentText().length());
    for (Flag f : i.flags()) {
      span(df, f.span());
      span(df, f.nameSpan());
      span(df, f.valueSpan());
      assertThat(i.span().contains(f.span())).isTrue();
      assertThat(f.span().contains(f.nameSpan())).isTrue();
      assertThat(f.text()).startsWith("--");
      assertThat(f.span().textOf(src)).startsWith("--");
    }
    for (Word w : i.arguments()) {
      span(df, w.span());
      assertThat(i.span().contains(w.span())).isTrue();
      if (i.json() && !(i.is("healthcheck") && w == i.arguments().get(0))) {
        assertThat(w.span().textOf(src)).startsWith("\"").endsWith("\"");
      } else if (!w.span().isEmpty()) {
        int a = i.argumentIndex(w.span().startOffset());
        int b = i.argumentIndex(w.span().endOffset());
        assertThat(a).isNotNegative();
        assertThat(b).isGreaterThanOrEqualTo(a);
        String covered = i.argumentText().substring(a, b);
        if (!covered.equals(w.value())) {
          assertThat(covered).isEqualTo(w.value() + df.escapeChar());
        }
      }
    }
    for (Heredoc h : i.heredocs()) {
      span(df, h.bodySpan());
      span(df, h.delimiterSpan());
      assertThat(h.bodySpan().textOf(src)).isEqualTo(h.content());
      assertThat(h.delimiterSpan().textOf(src)).isEqualTo(h.name());
    }
    if (i.trigger() != null) {
      instruction(df, i.trigger());
      assertThat(i.span().contains(i.trigger().span())).isTrue();
    }
  }

  private static void span(Dockerfile df, SourceSpan s) {
    assertThat(s.endOffset()).isLessThanOrEqualTo(df.source().length());
    assertThat(df.span(s.startOffset(), s.endOffset())).isEqualTo(s);
  }
}
