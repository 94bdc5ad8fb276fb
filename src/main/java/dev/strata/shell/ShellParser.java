package dev.strata.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits shell text into the simple commands a shell would run, in execution order, with exact
 * source spans. Stateless and thread-safe.
 *
 * <p>Strict methods throw {@link ShellSyntaxException} (and nothing else) on malformed text;
 * lenient methods never throw: they recover and list the problems in {@link Script#problems()}.
 */
public final class ShellParser {
    private static final Set<String> SHELL_INTERPRETERS = Set.of("sh", "bash", "dash", "ash", "zsh", "ksh",
            "mksh", "busybox");

    private ShellParser() {
    }

    /**
     * Parses a shell-form RUN body.
     *
     * @param rawRun    the text exactly as in the Dockerfile after {@code RUN} and its flags: it may
     *                  hold escape-newline continuations, comment lines inside them and heredoc
     *                  bodies with their terminators
     * @param offset    absolute offset of {@code rawRun} in the Dockerfile source
     * @param escape    the Dockerfile escape char ({@code \} or {@code `})
     * @param variables ARG/ENV values known at this point; an absent name is unknown
     */
    public static Script parseRun(String rawRun, int offset, char escape, Map<String, String> variables)
            throws ShellSyntaxException {
        return run(rawRun, offset, escape, variables, false);
    }

    /** Like {@link #parseRun} but never throws: syntax problems are listed in the result. */
    public static Script parseRunLenient(String rawRun, int offset, char escape, Map<String, String> variables) {
        try {
            return run(rawRun, offset, escape, variables, true);
        } catch (ShellSyntaxException e) {
            throw new IllegalStateException("lenient parsing reported an error", e);
        }
    }

    /**
     * Parses plain shell script text (no Dockerfile continuation processing), e.g. a heredoc body
     * handed over separately; {@code offset} is where {@code script} starts in the source.
     */
    public static Script parseScript(String script, int offset, Map<String, String> variables)
            throws ShellSyntaxException {
        return evaluate(identity(script, offset), variables, false, null);
    }

    /** Like {@link #parseScript} but never throws. */
    public static Script parseScriptLenient(String script, int offset, Map<String, String> variables) {
        try {
            return evaluate(identity(script, offset), variables, true, null);
        } catch (ShellSyntaxException e) {
            throw new IllegalStateException("lenient parsing reported an error", e);
        }
    }

    /**
     * Like {@link #parseScriptLenient(String, int, Map)} for script text decoded from a quoted literal whose
     * escapes make it shorter than its source (the JSON string of {@code RUN ["sh", "-c", "..."]}): char i
     * of {@code script} came from the absolute source range [{@code sourceStart[i]}, {@code sourceEnd[i]}),
     * so spans stay exact.
     *
     * @param source     the literal's source text (words' raw text is cut from it)
     * @param sourceBase absolute offset of {@code source}
     */
    public static Script parseScriptLenient(String script, int[] sourceStart, int[] sourceEnd, String source,
                                            int sourceBase, Map<String, String> variables) {
        if (sourceStart.length != script.length() || sourceEnd.length != script.length()) {
            throw new IllegalArgumentException("one source range per char of the script is needed");
        }
        MappedText text = new MappedText(script, sourceStart.clone(), sourceEnd.clone(), source, sourceBase, false, null);
        try {
            return evaluate(text, variables, true, null);
        } catch (ShellSyntaxException e) {
            throw new IllegalStateException("lenient parsing reported an error", e);
        }
    }

    /**
     * Parses the body of a {@code RUN <<EOF} heredoc the way BuildKit runs it: a body starting
     * with a shebang naming a non-shell interpreter gives a script with no commands and that
     * interpreter; otherwise the body is a shell script.
     */
    public static Script parseHeredocBody(String body, int offset, Map<String, String> variables, boolean lenient)
            throws ShellSyntaxException {
        String interpreter = shebangInterpreter(body);
        if (interpreter != null && !SHELL_INTERPRETERS.contains(interpreter)) {
            return new Script(List.of(), List.of(), interpreter);
        }
        return evaluate(identity(body, offset), variables, lenient, null);
    }

    /**
     * Parses an exec-form RUN ({@code RUN ["bash", "-c", "pip install x"]}): no shell runs the
     * array itself, so its words are taken as they are, but wrappers are unwrapped and a shell's
     * {@code -c} string is parsed as a script.
     *
     * @param argv       the array elements as words, with spans into {@code source} (the span of an
     *                   element is its JSON string content; where it contains JSON escapes, nested
     *                   spans fall back to the whole element)
     * @param source     the text the spans point into (the instruction or the whole Dockerfile)
     * @param sourceBase absolute offset of {@code source}
     */
    public static Script parseExec(List<ShellWord> argv, String source, int sourceBase,
                                   Map<String, String> variables) {
        MappedText.Builder text = new MappedText.Builder(64);
        List<Ast.Word> words = new ArrayList<>(argv.size());
        for (ShellWord w : argv) {
            if (text.length() > 0) {
                text.append(' ', w.start(), w.start());
            }
            int from = text.length();
            String v = w.value();
            boolean exact = w.raw().equals(v);
            for (int k = 0; k < v.length(); k++) {
                if (exact) {
                    text.append(v.charAt(k), w.start() + k, w.start() + k + 1);
                } else {
                    text.append(v.charAt(k), w.start(), w.end());
                }
            }
            int to = text.length();
            List<Ast.Part> parts = v.isEmpty() ? List.of()
                    : List.of(new Ast.Lit(v, true, true, from, to));
            words.add(new Ast.Word(parts, from, Math.max(from, to), true));
        }
        MappedText mapped = text.build(source, sourceBase, false);
        List<ShellSyntaxException> problems = new ArrayList<>();
        ScriptEvaluator evaluator = new ScriptEvaluator(true, problems);
        if (!words.isEmpty()) {
            Ast.Word last = words.get(words.size() - 1);
            Ast.Simple simple = new Ast.Simple(List.of(), words, List.of(), words.get(0).start(), last.end());
            Ast.ListNode list = new Ast.ListNode(
                    List.of(new Ast.AndOr(List.of(new Ast.Pipeline(List.of(simple), false)), List.of())), List.of(""));
            evaluator.evalList(list, mapped, new ScriptEvaluator.Env(new HashMap<>(variables), new HashSet<>()), null);
        }
        return new Script(evaluator.commands(), problems, null);
    }

    private static MappedText identity(String text, int offset) {
        int n = text.length();
        int[] start = new int[n];
        int[] end = new int[n];
        for (int i = 0; i < n; i++) {
            start[i] = offset + i;
            end[i] = offset + i + 1;
        }
        return new MappedText(text, start, end, text, offset, false, null);
    }

    private static Script evaluate(MappedText text, Map<String, String> variables, boolean lenient, String interpreter)
            throws ShellSyntaxException {
        List<ShellSyntaxException> problems = new ArrayList<>();
        Ast.ListNode tree = new ScriptSyntax(text, lenient, problems, 0).parseScript();
        ScriptEvaluator evaluator = new ScriptEvaluator(lenient, problems);
        evaluator.evalList(tree, text, new ScriptEvaluator.Env(new HashMap<>(variables), new HashSet<>()), null);
        return new Script(evaluator.commands(), problems, interpreter);
    }

    /** The interpreter's program name from a {@code #!} line ({@code env} skipped), or null. */
    static String shebangInterpreter(String body) {
        if (!body.startsWith("#!")) {
            return null;
        }
        int eol = body.indexOf('\n');
        String line = (eol < 0 ? body.substring(2) : body.substring(2, eol)).trim();
        String[] tokens = line.split("[ \t]+");
        int i = 0;
        String program = ScriptEvaluator.basename(tokens[0]);
        if (program.equals("env")) {
            i = 1;
            while (i < tokens.length && (tokens[i].startsWith("-") || tokens[i].contains("="))) {
                i++;
            }
            program = i < tokens.length ? ScriptEvaluator.basename(tokens[i]) : "env";
        }
        return program;
    }

    // ---------------------------------------------------------------- Dockerfile RUN text

    private static Script run(String raw, int offset, char escape, Map<String, String> variables, boolean lenient)
            throws ShellSyntaxException {
        RunText text = RunText.of(raw, offset, escape);
        if (text.singleHeredoc != null) {
            MappedText body = text.singleHeredoc;
            String interpreter = shebangInterpreter(body.text);
            if (interpreter != null && !SHELL_INTERPRETERS.contains(interpreter)) {
                return new Script(List.of(), List.of(), interpreter);
            }
            return evaluate(body, variables, lenient, null);
        }
        return evaluate(text.shell, variables, lenient, null);
    }
}
