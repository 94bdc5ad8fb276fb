package dev.strata.shell;

import java.util.List;

/**
 * One word of a shell command after the shell's expansions, tied to the exact Dockerfile text
 * it came from.
 *
 * @param value            the word after quote removal and substitution of known variables
 *                         (unknown variables contribute their default or nothing)
 * @param known            false when any part of the value is decided at build time: an
 *                         unknown variable, a command substitution, arithmetic, {@code ~}
 * @param unknownVariables names of the unknown variables used, in order, without repeats
 * @param raw              the Dockerfile source text of the word, {@code source.substring(start, end)}
 * @param start            absolute offset of the word's first char in the Dockerfile source
 * @param end              absolute offset just past the word's last char
 * @param embedded         true when the word sits inside a quoted string run by another shell
 *                         ({@code sh -c "..."}, {@code eval}); rewriting it must respect that quoting
 */
public record ShellWord(String value, boolean known, List<String> unknownVariables, String raw, int start,
                        int end, boolean embedded) {
    public ShellWord {
        unknownVariables = List.copyOf(unknownVariables);
    }

    /** True when the value is known and equal to {@code text}. */
    public boolean is(String text) {
        return known && value.equals(text);
    }

    @Override
    public String toString() {
        return known ? value : value + "<?" + String.join(",", unknownVariables) + ">";
    }
}
