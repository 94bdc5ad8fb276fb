package dev.strata.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One Dockerfile instruction, with every continuation line it spans.
 *
 * <p>{@code arguments} is BuildKit's argument chain for the instruction, value for value (what
 * {@code Node.Dump()} prints): whitespace-split words for FROM/EXPOSE (and ADD/COPY/VOLUME in
 * shell form), the JSON strings in exec form, a single word holding the whole argument text for
 * shell-form RUN/CMD/ENTRYPOINT/SHELL and for USER/WORKDIR/STOPSIGNAL/MAINTAINER, quote-keeping
 * words for ARG, {@code key, value, separator} triples for ENV/LABEL ({@code "="} or {@code ""}
 * for the legacy {@code K V} form), and {@code type} then the command for HEALTHCHECK. ONBUILD
 * has no arguments; its trigger is {@link #trigger()}. The typed views ({@link FromInstruction},
 * {@link RunInstruction}, ...) read these.
 *
 * @param keyword the keyword exactly as written ({@code Run})
 * @param name the keyword in lower case ({@code run})
 * @param span the whole instruction: first character of the keyword to the end of its last
 *     continuation line; heredoc bodies that follow it are not included (see {@link Heredoc})
 * @param keywordSpan the keyword
 * @param flags the builder flags ({@code --from=...}) in order
 * @param arguments BuildKit's argument values (see above)
 * @param json true for JSON (exec) form
 * @param looksLikeJsonButIsNot true when the arguments start with {@code [} but are not a valid
 *     JSON string array, so BuildKit silently uses shell form
 * @param argumentText the argument text after the flags as BuildKit processes it: continuation
 *     escapes, line breaks and comment lines removed, surrounding whitespace trimmed. For a
 *     shell-form RUN/CMD/ENTRYPOINT this is exactly what is handed to the shell
 * @param argumentSegments how {@code argumentText} maps back to the source, in order
 * @param rawArguments the source text from the first to the last character of
 *     {@code argumentText}, continuations and comment lines included
 * @param rawArgumentsSpan where {@code rawArguments} lies in the source
 * @param heredocs the here-documents of RUN/COPY/ADD (and of an ONBUILD trigger), in order
 * @param trigger the instruction an ONBUILD runs, or null
 */
public record Instruction(
    String keyword,
    String name,
    SourceSpan span,
    SourceSpan keywordSpan,
    List<Flag> flags,
    List<Word> arguments,
    boolean json,
    boolean looksLikeJsonButIsNot,
    String argumentText,
    List<TextSegment> argumentSegments,
    String rawArguments,
    SourceSpan rawArgumentsSpan,
    List<Heredoc> heredocs,
    Instruction trigger) {

  public Instruction {
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(keywordSpan, "keywordSpan");
    flags = List.copyOf(flags);
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(argumentText, "argumentText");
    argumentSegments = List.copyOf(argumentSegments);
    Objects.requireNonNull(rawArguments, "rawArguments");
    Objects.requireNonNull(rawArgumentsSpan, "rawArgumentsSpan");
    heredocs = List.copyOf(heredocs);
  }

  /** True when this is the named instruction (case-insensitive). */
  public boolean is(String instructionName) {
    // callers almost always pass the lower-case name: skip the lower-casing copy then
    return name.equals(instructionName) || name.equals(instructionName.toLowerCase(Locale.ROOT));
  }

  /** The ONBUILD trigger, if this is an ONBUILD with one. */
  public Optional<Instruction> onbuildTrigger() {
    return Optional.ofNullable(trigger);
  }

  /** The last flag with this name (BuildKit lets the last occurrence win). */
  public Optional<Flag> flag(String flagName) {
    Flag found = null;
    for (Flag f : flags) {
      if (f.name().equals(flagName)) {
        found = f;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Every flag with this name, in order (for repeatable flags: --mount, --exclude). */
  public List<Flag> flags(String flagName) {
    List<Flag> out = new ArrayList<>();
    for (Flag f : flags) {
      if (f.name().equals(flagName)) {
        out.add(f);
      }
    }
    return out;
  }

  /** The argument values only. */
  public List<String> argumentValues() {
    List<String> out = new ArrayList<>(arguments.size());
    for (Word w : arguments) {
      out.add(w.value());
    }
    return out;
  }

  /**
   * True for RUN, CMD and ENTRYPOINT in shell form: {@link #argumentText()} is a shell script.
   */
  public boolean isShellForm() {
    return !json
        && !argumentText.isEmpty()
        && (name.equals("run") || name.equals("cmd") || name.equals("entrypoint"));
  }

  /**
   * Maps an index into {@link #argumentText()} (0..length inclusive) to an offset in the source.
   * The end of a segment maps to the position just after its last character.
   */
  public int sourceOffset(int argumentTextIndex) {
    return TextSegments.sourceOffset(argumentSegments, argumentTextIndex, rawArgumentsSpan);
  }

  /**
   * The source span of {@code argumentText} characters {@code start..end} (exclusive). Offsets,
   * lines and columns are exact even when the range crosses continuation lines.
   */
  public SourceSpan argumentSpan(int start, int end) {
    return TextSegments.span(argumentSegments, start, end, rawArgumentsSpan);
  }

  /**
   * The index into {@code argumentText} of a source offset, or -1 when that source character
   * is not part of the argument text (a continuation escape, a comment line, outside).
   */
  public int argumentIndex(int sourceOffset) {
    return TextSegments.textIndex(argumentSegments, sourceOffset);
  }

  /**
   * The span of characters {@code from..to} of a word that is a verbatim piece of
   * {@code argumentText} (true for every word of a shell-form, ARG, ENV or LABEL argument).
   */
  public SourceSpan spanWithin(Word word, int from, int to) {
    int base = argumentIndex(word.span().startOffset());
    if (base < 0) {
      throw new IllegalArgumentException("word is not part of the argument text: " + word);
    }
    return argumentSpan(base + from, base + to);
  }
}
