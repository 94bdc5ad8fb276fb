package dev.strata.rules;

import dev.strata.dockerfile.SourceSpan;
import dev.strata.rules.model.DockerfileModel;
import dev.strata.rules.model.RunScript;
import dev.strata.shell.Ecosystem;
import dev.strata.shell.PackageManagerCall;
import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import dev.strata.shell.ToolCall;
import dev.strata.shell.ToolCalls;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers over the shell parser's simple commands. */
final class Commands {

    private Commands() {}

    /** A simple command together with the RUN it belongs to, and its name (computed once). */
    record Located(RunScript run, SimpleCommand command, String name) {
        boolean is(String... names) {
            for (String n : names) {
                if (n.equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Every simple command of every RUN, in source order. */
    static List<Located> all(DockerfileModel model) {
        return model.memo().get("commands", () -> allUncached(model));
    }

    private static List<Located> allUncached(DockerfileModel model) {
        List<Located> out = new ArrayList<>();
        for (RunScript r : model.runs()) {
            for (SimpleCommand c : r.script().commands()) {
                out.add(new Located(r, c, c.name()));
            }
        }
        return out;
    }

    /** A recognized tool call (the shell package's {@link ToolCalls}) together with the RUN it belongs to. */
    record Call(RunScript run, ToolCall call) {}

    /**
     * Every tool call of every RUN, in source order: the one recognizer of installs, downloads,
     * git operations and checksum checks that lock and pin use too. Computed once per model.
     */
    static List<Call> toolCalls(DockerfileModel model) {
        return model.memo().get("toolCalls", () -> {
            List<Call> out = new ArrayList<>();
            for (RunScript r : model.runs()) {
                for (SimpleCommand c : r.script().commands()) {
                    for (ToolCall t : ToolCalls.recognize(c, r.script())) {
                        out.add(new Call(r, t));
                    }
                }
            }
            return out;
        });
    }

    /** The tool calls recognized in one command (usually none or one). */
    static List<ToolCall> toolCallsOf(DockerfileModel model, SimpleCommand command) {
        Map<SimpleCommand, List<ToolCall>> byCommand = model.memo().get("toolCallsByCommand", () -> {
            Map<SimpleCommand, List<ToolCall>> m = new IdentityHashMap<>();
            for (Call c : toolCalls(model)) {
                m.computeIfAbsent(c.call().command(), k -> new ArrayList<>(1)).add(c.call());
            }
            return m;
        });
        return byCommand.getOrDefault(command, List.of());
    }

    /** The package-manager calls of one ecosystem, in source order. */
    static List<Call> packageCalls(DockerfileModel model, Ecosystem ecosystem) {
        List<Call> out = new ArrayList<>();
        for (Call c : toolCalls(model)) {
            if (c.call() instanceof PackageManagerCall p && p.ecosystem() == ecosystem) {
                out.add(c);
            }
        }
        return out;
    }

    /** The source span of a word. */
    static SourceSpan span(DockerfileModel model, ShellWord w) {
        int end = Math.max(w.start(), w.end());
        return model.span(Math.max(0, w.start()), Math.min(end, model.ast().source().length()));
    }

    /** A hit located at a word. */
    static Hit at(DockerfileModel model, RunScript run, ShellWord w, String message, String fix) {
        return Hit.at(model, run.step().instruction(), span(model, w), message, fix);
    }

    /** The command's text (its first line, continuations kept out) for quoting in messages. */
    static String text(DockerfileModel model, SimpleCommand c) {
        String src = model.ast().source();
        int start = Math.max(0, Math.min(c.start(), src.length()));
        int end = Math.max(start, Math.min(c.end(), src.length()));
        String t = oneLine(src.substring(start, end), true);
        return t.length() > 160 ? t.substring(0, 157) + "..." : t;
    }

    /**
     * The command's source text with some words replaced (words given by their start offset), on
     * one line; null when a word to replace sits inside a nested quoted script.
     */
    static String rewrite(DockerfileModel model, SimpleCommand c, Map<ShellWord, String> replacements) {
        String src = model.ast().source();
        List<ShellWord> words = new ArrayList<>(replacements.keySet());
        words.sort(Comparator.comparingInt(ShellWord::start));
        StringBuilder sb = new StringBuilder();
        int pos = Math.max(0, c.start());
        for (ShellWord w : words) {
            if (w.embedded() || w.start() < pos) {
                return null;
            }
            sb.append(src, pos, w.start()).append(replacements.get(w));
            pos = w.end();
        }
        sb.append(src, pos, Math.max(pos, Math.min(c.end(), src.length())));
        return oneLine(sb, false);
    }

    /**
     * Text on one line: every backslash-newline continuation with the white space after it becomes
     * one space, then runs of spaces and tabs (with {@code anyWhitespace}, of any white space) become
     * one space, and the ends are trimmed. A char loop: this runs for every finding.
     */
    static String oneLine(CharSequence s, boolean anyWhitespace) {
        int n = s.length();
        StringBuilder joined = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') {
                int k = i + 1;
                if (k < n && s.charAt(k) == '\r') {
                    k++;
                }
                if (k < n && s.charAt(k) == '\n') {
                    k++;
                    while (k < n && isRegexSpace(s.charAt(k))) {
                        k++;
                    }
                    joined.append(' ');
                    i = k;
                    continue;
                }
            }
            joined.append(c);
            i++;
        }
        StringBuilder out = new StringBuilder(joined.length());
        boolean inRun = false;
        for (int k = 0; k < joined.length(); k++) {
            char c = joined.charAt(k);
            boolean blank = anyWhitespace ? isRegexSpace(c) : c == ' ' || c == '\t';
            if (blank) {
                if (!inRun) {
                    out.append(' ');
                    inRun = true;
                }
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString().trim();
    }

    /** The chars of the regular-expression class {@code \\s}: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Whether a word's value is known and looks like a URL. */
    static boolean isUrl(ShellWord w) {
        if (!w.known()) {
            return false;
        }
        String v = w.value();
        return v.startsWith("http://") || v.startsWith("https://") || v.startsWith("ftp://");
    }

    /** The names of a list of words, quoted for a message: `a`, `b`. */
    static String names(List<ShellWord> words) {
        List<String> out = new ArrayList<>();
        for (ShellWord w : words) {
            out.add("`" + w.value() + "`");
        }
        return String.join(", ", out);
    }
}
