package dev.strata.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.strata.shell.Ast.AndOr;
import dev.strata.shell.Ast.Arith;
import dev.strata.shell.Ast.CmdSub;
import dev.strata.shell.Ast.Command;
import dev.strata.shell.Ast.Compound;
import dev.strata.shell.Ast.FunctionDef;
import dev.strata.shell.Ast.ListNode;
import dev.strata.shell.Ast.Lit;
import dev.strata.shell.Ast.Opaque;
import dev.strata.shell.Ast.Param;
import dev.strata.shell.Ast.Part;
import dev.strata.shell.Ast.Pipeline;
import dev.strata.shell.Ast.ProcSub;
import dev.strata.shell.Ast.Redirect;
import dev.strata.shell.Ast.Simple;
import dev.strata.shell.Ast.Tilde;
import dev.strata.shell.Ast.Word;

/**
 * Walks a syntax tree the way the shell would run it, without running anything: expands words
 * with the variables known at each point, follows assignments and {@code export}, keeps
 * subshell scopes, unwraps wrapper commands and parses scripts handed to nested shells.
 * Values that only the build can decide stay marked unknown.
 */
final class ScriptEvaluator {
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh");

    private final boolean lenient;
    private final List<ShellSyntaxException> problems;
    private final List<Built> out = new ArrayList<>();
    private final List<Frame> stack = new ArrayList<>();
    private int pipelines;
    private int depth;

    ScriptEvaluator(boolean lenient, List<ShellSyntaxException> problems) {
        this.lenient = lenient;
        this.problems = problems;
    }

    /**
     * Variables of one shell: known values plus the names assigned without export. Copies share
     * their maps until one side writes (most scopes never assign anything).
     */
    static final class Env {
        Map<String, String> values;
        Set<String> local;
        private boolean shared;

        Env(Map<String, String> values, Set<String> local) {
            this.values = values;
            this.local = local;
        }

        Env copy() {
            shared = true;
            Env c = new Env(values, local);
            c.shared = true;
            return c;
        }

        private void own() {
            if (shared) {
                values = new HashMap<>(values);
                local = new HashSet<>(local);
                shared = false;
            }
        }

        String get(String name) {
            return values.get(name);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        void remove(String name) {
            if (values.containsKey(name)) {
                own();
                values.remove(name);
            }
        }

        void unexport(String name) {
            if (local.contains(name)) {
                own();
                local.remove(name);
            }
        }

        /** The environment a child process (sh -c, bash script) starts with. */
        Env child() {
            if (local.isEmpty()) {
                return copy();
            }
            Map<String, String> v = new HashMap<>(values);
            for (String name : local) {
                v.remove(name);
            }
            return new Env(v, new HashSet<>());
        }

        void set(String name, String value, boolean exported) {
            own();
            if (value == null) {
                values.remove(name);
            } else {
                values.put(name, value);
            }
            if (exported) {
                local.remove(name);
            } else {
                local.add(name);
            }
        }

        /** After a branch that may or may not have run: anything it changed becomes unknown. */
        void mergeUncertain(Env branch) {
            if (branch.values == values) {
                return;
            }
            Set<String> names = new HashSet<>(values.keySet());
            names.addAll(branch.values.keySet());
            for (String name : names) {
                if (!Objects.equals(values.get(name), branch.values.get(name))) {
                    remove(name);
                }
            }
        }
    }

    /** A nesting level; the owner index of substitutions is learnt once the owner is built. */
    private static final class Frame {
        final NestingKind kind;
        int owner;

        Frame(NestingKind kind, int owner) {
            this.kind = kind;
            this.owner = owner;
        }
    }

    private static final class Built {
        List<ShellWord> words;
        List<Assignment> assignments;
        List<Redirection> redirections;
        List<ShellWord> wrappers;
        Connector connector;
        int pipeline;
        int position;
        List<Frame> frames;
        boolean fromInput;
        int start;
        int end;
    }

    List<SimpleCommand> commands() {
        List<SimpleCommand> result = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            Built b = out.get(i);
            List<Nesting> nesting = new ArrayList<>(b.frames.size());
            for (Frame f : b.frames) {
                nesting.add(new Nesting(f.kind, f.owner));
            }
            result.add(new SimpleCommand(i, b.words, b.assignments, b.redirections, b.wrappers, b.connector,
                    b.pipeline, b.position, nesting, b.fromInput, b.start, b.end));
        }
        return result;
    }

    // ---------------------------------------------------------------- lists and compounds

    void evalList(ListNode list, MappedText m, Env env, int[] inherited) {
        for (int i = 0; i < list.items().size(); i++) {
            String sep = list.separators().get(i);
            Connector last = switch (sep) {
                case ";" -> Connector.SEQUENCE;
                case "&" -> Connector.BACKGROUND;
                case "\n" -> Connector.NEWLINE;
                default -> Connector.END;
            };
            evalAndOr(list.items().get(i), m, sep.equals("&") ? env.copy() : env, last, inherited);
        }
    }

    private void evalAndOr(AndOr andOr, MappedText m, Env env, Connector last, int[] inherited) {
        Env current = env;
        for (int i = 0; i < andOr.pipelines().size(); i++) {
            if (i > 0 && andOr.ops().get(i - 1).equals("||") && current == env) {
                current = env.copy();
            }
            Connector connector = i + 1 < andOr.pipelines().size()
                    ? (andOr.ops().get(i).equals("&&") ? Connector.AND : Connector.OR) : last;
            evalPipeline(andOr.pipelines().get(i), m, current, connector, inherited);
        }
        if (current != env) {
            env.mergeUncertain(current);
        }
    }

    private void evalPipeline(Pipeline pipeline, MappedText m, Env env, Connector last, int[] inherited) {
        List<Command> cmds = pipeline.commands();
        int id;
        if (cmds.size() == 1 && inherited != null) {
            id = inherited[0];
        } else {
            id = pipelines++;
        }
        for (int i = 0; i < cmds.size(); i++) {
            Connector connector = i + 1 < cmds.size() ? Connector.PIPE : last;
            int position = cmds.size() == 1 && inherited != null ? inherited[1] : i;
            // bash runs every stage of a multi-command pipeline in a subshell
            Env stageEnv = cmds.size() > 1 ? env.copy() : env;
            evalCommand(cmds.get(i), m, stageEnv, connector, new int[] {id, position});
        }
    }

    private void evalCommand(Command command, MappedText m, Env env, Connector connector, int[] pipe) {
        if (command instanceof Simple s) {
            evalSimple(s, m, env, connector, pipe);
        } else if (command instanceof FunctionDef f) {
            push(NestingKind.FUNCTION_BODY, -1);
            evalCommand(f.body(), m, env.copy(), connector, new int[] {pipelines++, 0});
            pop();
        } else if (command instanceof Compound c) {
            evalCompound(c, m, env, connector, pipe);
        }
    }

    private void evalCompound(Compound c, MappedText m, Env env, Connector connector, int[] pipe) {
        switch (c.kind()) {
            case SUBSHELL -> nested(NestingKind.SUBSHELL, c.lists().get(0), m, env.copy(), pipe);
            case GROUP -> nested(NestingKind.GROUP, c.lists().get(0), m, env, pipe);
            case IF -> {
                Env conditions = env.copy();
                Env merged = env.copy();
                for (int i = 0; i < c.lists().size(); i++) {
                    boolean condition = i % 2 == 0 && i + 1 < c.lists().size();
                    if (condition) {
                        nested(NestingKind.IF_CONDITION, c.lists().get(i), m, conditions, null);
                    } else {
                        Env branch = conditions.copy();
                        nested(NestingKind.IF_BODY, c.lists().get(i), m, branch, null);
                        merged.mergeUncertain(branch);
                    }
                }
                merged.mergeUncertain(conditions);
                env.mergeUncertain(merged);
            }
            case WHILE, UNTIL -> {
                Env loop = env.copy();
                nested(NestingKind.LOOP_CONDITION, c.lists().get(0), m, loop, null);
                nested(NestingKind.LOOP_BODY, c.lists().get(1), m, loop, null);
                env.mergeUncertain(loop);
            }
            case FOR -> {
                Env loop = env.copy();
                String value = null;
                if (c.forItems() != null) {
                    List<ShellWord> items = new ArrayList<>();
                    for (Word w : c.forItems()) {
                        items.addAll(expandWord(w, m, env, true, null));
                    }
                    if (items.size() == 1 && items.get(0).known()) {
                        value = items.get(0).value();
                    }
                }
                if (c.forVariable() != null) {
                    loop.set(c.forVariable(), value, false);
                }
                nested(NestingKind.LOOP_BODY, c.lists().get(0), m, loop, null);
                env.mergeUncertain(loop);
                if (c.forVariable() != null) {
                    env.remove(c.forVariable());
                }
            }
            case CASE -> {
                if (c.subject() != null) {
                    expandWord(c.subject(), m, env, false, null);
                }
                Env any = env.copy();
                for (ListNode body : c.lists()) {
                    Env branch = env.copy();
                    nested(NestingKind.CASE_BODY, body, m, branch, null);
                    any.mergeUncertain(branch);
                }
                env.mergeUncertain(any);
            }
            case ARITHMETIC -> {
            }
        }
    }

    private void nested(NestingKind kind, ListNode list, MappedText m, Env env, int[] pipe) {
        push(kind, -1);
        evalList(list, m, env, pipe);
        pop();
    }

    private Frame push(NestingKind kind, int owner) {
        Frame f = new Frame(kind, owner);
        stack.add(f);
        return f;
    }

    private void pop() {
        stack.remove(stack.size() - 1);
    }

    // ---------------------------------------------------------------- simple commands

    private void evalSimple(Simple s, MappedText m, Env env, Connector connector, int[] pipe) {
        List<Frame> owned = new ArrayList<>(0);
        List<ShellWord> words = new ArrayList<>(s.words().size());
        List<Word> nodes = new ArrayList<>(s.words().size());
        for (Word w : s.words()) {
            List<ShellWord> fields = expandWord(w, m, env, true, owned);
            for (ShellWord f : fields) {
                words.add(f);
                nodes.add(w);
            }
        }
        List<Assignment> assignments = new ArrayList<>(s.assignments().size());
        for (Word w : s.assignments()) {
            assignments.add(assignment(w, m, env, owned));
        }
        List<Redirection> redirections = new ArrayList<>(s.redirects().size());
        for (Redirect r : s.redirects()) {
            redirections.add(redirection(r, m, env, owned));
        }

        Built b = new Built();
        b.assignments = assignments;
        b.redirections = redirections;
        b.connector = connector;
        b.pipeline = pipe[0];
        b.position = pipe[1];
        b.frames = new ArrayList<>(stack);
        b.start = m.srcStart(s.start(), s.end());
        b.end = m.srcEnd(s.start(), s.end());
        int first = unwrap(words, assignments, b);
        b.wrappers = new ArrayList<>(words.subList(0, first));
        b.words = new ArrayList<>(words.subList(first, words.size()));
        List<Word> effectiveNodes = nodes.subList(first, nodes.size());
        int index = out.size();
        out.add(b);
        for (Frame f : owned) {
            f.owner = index;
        }

        if (b.words.isEmpty()) {
            for (Assignment a : assignments) {
                env.set(a.name(), assignedValue(env, a), env.has(a.name()) && !env.local.contains(a.name()));
            }
        } else {
            applyBuiltin(b, env);
            nestedScripts(b, effectiveNodes, m, env, index);
        }
    }

    private static String assignedValue(Env env, Assignment a) {
        if (!a.value().known()) {
            return null;
        }
        if (a.append()) {
            String old = env.get(a.name());
            return old == null ? null : old + a.value().value();
        }
        return a.value().value();
    }

    /** Variable effects of export/declare/readonly/local/unset/read. */
    private void applyBuiltin(Built b, Env env) {
        String name = nameOf(b.words);
        switch (name) {
            case "export", "declare", "typeset", "readonly", "local" -> {
                boolean exported = name.equals("export");
                for (int i = 1; i < b.words.size(); i++) {
                    ShellWord w = b.words.get(i);
                    String v = w.value();
                    if (v.startsWith("-")) {
                        if (v.contains("x")) {
                            exported = true;
                        }
                        continue;
                    }
                    int eq = v.indexOf('=');
                    if (eq > 0 && isName(v.substring(0, eq))) {
                        env.set(v.substring(0, eq), w.known() ? v.substring(eq + 1) : null, exported);
                    } else if (isName(v) && exported) {
                        env.unexport(v);
                    }
                }
            }
            case "unset" -> {
                for (int i = 1; i < b.words.size(); i++) {
                    String v = b.words.get(i).value();
                    if (isName(v)) {
                        env.set(v, "", true);
                    }
                }
            }
            case "read", "mapfile", "readarray", "getopts" -> {
                for (int i = 1; i < b.words.size(); i++) {
                    String v = b.words.get(i).value();
                    if (isName(v)) {
                        env.remove(v);
                    }
                }
            }
            default -> {
            }
        }
    }

    static boolean isName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String nameOf(List<ShellWord> words) {
        if (words.isEmpty() || !words.get(0).known()) {
            return "";
        }
        String v = words.get(0).value();
        int slash = v.lastIndexOf('/');
        return slash >= 0 ? v.substring(slash + 1) : v;
    }

    private Assignment assignment(Word w, MappedText m, Env env, List<Frame> owned) {
        Lit first = (Lit) w.parts().get(0);
        int eq = first.text().indexOf('=');
        boolean append = eq > 0 && first.text().charAt(eq - 1) == '+';
        String name = first.text().substring(0, append ? eq - 1 : eq);
        List<Part> valueParts = new ArrayList<>(w.parts().size());
        int valueStart = first.start() + eq + 1;
        if (eq + 1 < first.text().length()) {
            valueParts.add(new Lit(first.text().substring(eq + 1), false, true, valueStart, first.end()));
        }
        valueParts.addAll(w.parts().subList(1, w.parts().size()));
        Word valueWord = new Word(valueParts, valueStart, w.end(), w.quoted());
        ShellWord value = single(valueWord, m, env, owned);
        return new Assignment(name, value, append, m.srcStart(w.start(), w.end()), m.srcEnd(w.start(), w.end()));
    }

    private Redirection redirection(Redirect r, MappedText m, Env env, List<Frame> owned) {
        ShellWord target = single(r.target, m, env, owned);
        if (!r.isHeredoc() || r.bodyStart < 0) {
            return new Redirection(r.op, r.fd, target, null, -1, -1, false);
        }
        String body = m.text.substring(r.bodyStart, r.bodyEnd);
        if (r.stripTabs) {
            body = stripLeadingTabs(body);
        }
        return new Redirection(r.op, r.fd, target, body, m.srcStart(r.bodyStart, r.bodyEnd),
                m.srcEnd(r.bodyStart, r.bodyEnd), r.expands);
    }

    static String stripLeadingTabs(String body) {
        StringBuilder sb = new StringBuilder(body.length());
        boolean lineStart = true;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (lineStart && c == '\t') {
                continue;
            }
            lineStart = c == '\n';
            sb.append(c);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- unwrapping

    private static final Set<String> SUDO_ARG = Set.of("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T",
            "--user", "--group", "--close-from", "--chdir", "--host", "--prompt", "--role", "--type",
            "--other-user", "--command-timeout");
    private static final Set<String> XARGS_ARG = Set.of("-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s",
            "--arg-file", "--delimiter", "--max-lines", "--max-args", "--max-procs", "--max-chars",
            "--process-slot-var");
    private static final Set<String> CONDA_RUN_ARG = Set.of("-n", "--name", "-p", "--prefix", "--cwd", "-a",
            "--arguments", "-r", "--root-prefix");
    private static final Set<String> UV_RUN_ARG = Set.of("--with", "--python", "-p", "--project", "--directory",
            "--package", "--group", "--extra", "--with-requirements", "--env-file", "--index", "--default-index");

    /** Returns the index of the first word of the wrapped command; fills assignments/fromInput. */
    private static int unwrap(List<ShellWord> words, List<Assignment> assignments, Built b) {
        int i = 0;
        int guard = 0;
        while (i < words.size() && guard++ < 32) {
            ShellWord w = words.get(i);
            if (!w.known()) {
                break;
            }
            String name = basename(w.value());
            int j = i + 1;
            switch (name) {
                case "sudo", "doas" -> {
                    while (j < words.size()) {
                        String a = words.get(j).value();
                        if (a.equals("--")) {
                            j++;
                            break;
                        }
                        if (a.startsWith("-")) {
                            j += SUDO_ARG.contains(a) ? 2 : 1;
                        } else if (isAssignmentText(a)) {
                            assignments.add(toAssignment(words.get(j)));
                            j++;
                        } else {
                            break;
                        }
                    }
                }
                case "env" -> {
                    while (j < words.size()) {
                        String a = words.get(j).value();
                        if (a.equals("--")) {
                            j++;
                            break;
                        }
                        if (a.equals("-u") || a.equals("--unset") || a.equals("-C") || a.equals("--chdir")) {
                            j += 2;
                        } else if (a.startsWith("-")) {
                            j++;
                        } else if (isAssignmentText(a)) {
                            assignments.add(toAssignment(words.get(j)));
                            j++;
                        } else {
                            break;
                        }
                    }
                }
                case "time", "nohup", "builtin", "eatmydata", "fakeroot", "exec" -> {
                    while (j < words.size() && words.get(j).value().startsWith("-")) {
                        j += words.get(j).value().equals("-a") ? 2 : 1;
                    }
                }
                case "command" -> {
                    if (j < words.size() && (words.get(j).value().equals("-v") || words.get(j).value().equals("-V"))) {
                        return i;
                    }
                    while (j < words.size() && words.get(j).value().startsWith("-")) {
                        j++;
                    }
                }
                case "nice", "ionice", "stdbuf", "chrt", "taskset" -> {
                    while (j < words.size() && words.get(j).value().startsWith("-")) {
                        String a = words.get(j).value();
                        boolean takesValue = a.equals("-n") || a.equals("-c") || a.equals("-i") || a.equals("-o")
                                || a.equals("-e") || a.equals("--adjustment");
                        j += takesValue ? 2 : 1;
                    }
                    if (name.equals("taskset") || name.equals("chrt")) {
                        j++;
                    }
                }
                case "timeout" -> {
                    while (j < words.size() && words.get(j).value().startsWith("-")) {
                        String a = words.get(j).value();
                        j += (a.equals("-s") || a.equals("-k") || a.equals("--signal") || a.equals("--kill-after"))
                                ? 2 : 1;
                    }
                    j++;
                }
                case "gosu", "su-exec", "chpst" -> j++;
                case "xargs" -> {
                    while (j < words.size()) {
                        String a = words.get(j).value();
                        if (!a.startsWith("-") || a.equals("-")) {
                            break;
                        }
                        j += XARGS_ARG.contains(a) ? 2 : 1;
                    }
                    b.fromInput = true;
                }
                case "conda", "mamba", "micromamba", "poetry", "pipenv", "pixi", "uv" -> {
                    if (j >= words.size() || !words.get(j).value().equals("run")) {
                        return i;
                    }
                    j++;
                    Set<String> withArg = name.equals("uv") ? UV_RUN_ARG : CONDA_RUN_ARG;
                    while (j < words.size() && words.get(j).value().startsWith("-")) {
                        String a = words.get(j).value();
                        if (a.equals("--")) {
                            j++;
                            break;
                        }
                        j += withArg.contains(a) ? 2 : 1;
                    }
                }
                default -> {
                    return i;
                }
            }
            if (j >= words.size()) {
                return i;
            }
            i = j;
        }
        return i;
    }

    static String basename(String v) {
        int slash = v.lastIndexOf('/');
        return slash >= 0 ? v.substring(slash + 1) : v;
    }

    private static boolean isAssignmentText(String a) {
        int eq = a.indexOf('=');
        return eq > 0 && isName(a.substring(0, eq));
    }

    private static Assignment toAssignment(ShellWord w) {
        int eq = w.value().indexOf('=');
        ShellWord value = new ShellWord(w.value().substring(eq + 1), w.known(), w.unknownVariables(), w.raw(),
                w.start(), w.end(), w.embedded());
        return new Assignment(w.value().substring(0, eq), value, false, w.start(), w.end());
    }

    // ---------------------------------------------------------------- nested shells

    private void nestedScripts(Built b, List<Word> nodes, MappedText m, Env env, int index) {
        String name = nameOf(b.words);
        List<ShellWord> words = b.words;
        if (name.equals("busybox") && words.size() > 1 && SHELLS.contains(words.get(1).value())) {
            shellInvocation(b, 1, nodes, m, env, index);
        } else if (SHELLS.contains(name)) {
            shellInvocation(b, 0, nodes, m, env, index);
        } else if (name.equals("eval") && words.size() > 1) {
            runString(NestingKind.SHELL_STRING, nodes.subList(1, nodes.size()), m, env, index, false);
        } else if (name.equals("su") || name.equals("runuser")) {
            for (int i = 1; i + 1 < words.size(); i++) {
                String a = words.get(i).value();
                if (a.equals("-c") || a.equals("--command")) {
                    runString(NestingKind.SHELL_STRING, List.of(nodes.get(i + 1)), m, env.child(), index, true);
                    break;
                }
            }
        }
    }

    private void shellInvocation(Built b, int nameAt, List<Word> nodes, MappedText m, Env env, int index) {
        List<ShellWord> words = b.words;
        boolean dashC = false;
        for (int i = nameAt + 1; i < words.size(); i++) {
            ShellWord w = words.get(i);
            String a = w.value();
            if (w.known() && (a.equals("-o") || a.equals("+o") || a.equals("-O") || a.equals("+O")
                    || a.equals("--rcfile") || a.equals("--init-file"))) {
                i++;
                continue;
            }
            if (w.known() && a.equals("--")) {
                continue;
            }
            if (w.known() && a.length() > 1 && (a.charAt(0) == '-' || a.charAt(0) == '+')) {
                if (a.charAt(0) == '-' && !a.startsWith("--") && a.indexOf('c') > 0) {
                    dashC = true;
                }
                continue;
            }
            if (dashC) {
                runString(NestingKind.SHELL_STRING, List.of(nodes.get(i)), m, env.child(), index, true);
            }
            return; // a script file operand: its content is not in the Dockerfile
        }
        if (!dashC) {
            for (Redirection r : b.redirections) {
                if (r.isHeredoc() && (r.fd() == -1 || r.fd() == 0)) {
                    runHeredoc(r, m, r.expands() ? env.copy() : env.child(), index);
                }
            }
        }
    }

    private void runHeredoc(Redirection r, MappedText m, Env env, int index) {
        // the body is a slice of the same mapped text; find it by its source offsets
        int from = -1;
        int to = -1;
        for (int i = 0; i < m.length(); i++) {
            if (from < 0 && m.start[i] >= r.bodyStart()) {
                from = i;
            }
            if (m.end[i] <= r.bodyEnd()) {
                to = i + 1;
            }
        }
        if (from < 0 || to <= from) {
            return;
        }
        MappedText body = m.slice(from, to);
        parseAndRun(NestingKind.SHELL_STDIN, body, env, index);
    }

    /** Parses the text of the given words (joined by spaces) as a script run by a nested shell. */
    private void runString(NestingKind kind, List<Word> words, MappedText m, Env env, int index, boolean single) {
        MappedText.Builder text = new MappedText.Builder(64);
        int count = single ? Math.min(1, words.size()) : words.size();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                Word prev = words.get(i - 1);
                int at = m.srcEnd(prev.start(), prev.end());
                text.append(' ', at, at);
            }
            mapValue(words.get(i), m, env, text);
        }
        parseAndRun(kind, text.build(m.source, m.sourceBase, true), env, index);
    }

    private void parseAndRun(NestingKind kind, MappedText text, Env env, int index) {
        if (depth >= ScriptSyntax.MAX_DEPTH / 4) {
            problems.add(new ShellSyntaxException("nested shells deeper than " + ScriptSyntax.MAX_DEPTH / 4,
                    text.srcStart(0, 0)));
            return;
        }
        ListNode script;
        try {
            script = new ScriptSyntax(text, true, lenient ? problems : new ArrayList<>(), stack.size()).parseScript();
        } catch (ShellSyntaxException e) {
            return; // lenient parsing does not throw
        }
        depth++;
        push(kind, index);
        evalList(script, text, env, null);
        pop();
        depth--;
    }

    /** Appends the word's value as the nested shell would read it, each char mapped to its source. */
    private void mapValue(Word w, MappedText m, Env env, MappedText.Builder text) {
        for (Part part : w.parts()) {
            if (part instanceof Lit l) {
                for (int k = 0; k < l.text().length(); k++) {
                    if (l.contiguous() && l.start() + k < m.length()) {
                        int at = l.start() + k;
                        if (m.isOpaque(at)) {
                            text.appendOpaque(m.start[at], m.end[at], m.opaque.get(at));
                        } else {
                            text.append(l.text().charAt(k), m.start[at], m.end[at]);
                        }
                    } else {
                        text.append(l.text().charAt(k), m.srcStart(l.start(), l.end()), m.srcEnd(l.start(), l.end()));
                    }
                }
            } else {
                int s = m.srcStart(part.start(), part.end());
                int e = m.srcEnd(part.start(), part.end());
                Value v = part instanceof Param p ? param(p, m, env, null) : null;
                if (v != null && v.known) {
                    for (int k = 0; k < v.text.length(); k++) {
                        text.append(v.text.charAt(k), s, e);
                    }
                } else {
                    text.appendOpaque(s, e, v == null ? List.of() : List.copyOf(v.unknown));
                }
            }
        }
    }

    // ---------------------------------------------------------------- word expansion

    /** A partial value: text, whether fully known, which unknown variables it used. */
    private static final class Value {
        final StringBuilder text = new StringBuilder();
        boolean known = true;
        final Set<String> unknown = new LinkedHashSet<>(2);

        Value add(Value other) {
            text.append(other.text);
            known &= other.known;
            unknown.addAll(other.unknown);
            return this;
        }
    }

    private ShellWord single(Word w, MappedText m, Env env, List<Frame> owned) {
        List<ShellWord> fields = expandWord(w, m, env, false, owned);
        return fields.get(0);
    }

    /**
     * Expands a word. With {@code split}, unquoted expansions of known values are split on blanks
     * (each field keeps the whole word's span) and a word that expands to nothing disappears.
     */
    List<ShellWord> expandWord(Word w, MappedText m, Env env, boolean split, List<Frame> owned) {
        int start = m.srcStart(w.start(), w.end());
        int end = m.srcEnd(w.start(), w.end());
        String raw = m.raw(start, end);
        if (w.parts().size() == 1 && w.parts().get(0) instanceof Lit only) {
            return List.of(new ShellWord(only.text(), true, List.of(), raw, start, end, m.embedded));
        }
        Value total = new Value();
        // field boundaries: positions in total.text where unquoted expansion blanks were
        List<int[]> splittable = null;
        boolean hadExpansion = false;
        for (Part part : w.parts()) {
            if (part instanceof Lit l) {
                total.text.append(l.text());
                continue;
            }
            hadExpansion = true;
            Value v = partValue(part, m, env, owned);
            boolean unquoted = part instanceof Param p ? !p.quoted() : part instanceof CmdSub c ? !c.quoted() : false;
            if (split && unquoted && v.known && containsBlank(v.text)) {
                if (splittable == null) {
                    splittable = new ArrayList<>(2);
                }
                splittable.add(new int[] {total.text.length(), total.text.length() + v.text.length()});
            }
            total.add(v);
        }
        List<String> unknown = List.copyOf(total.unknown);
        if (split && !w.quoted() && hadExpansion && total.known && total.text.length() == 0) {
            return List.of();
        }
        if (splittable == null) {
            return List.of(new ShellWord(total.text.toString(), total.known, unknown, raw, start, end, m.embedded));
        }
        List<ShellWord> fields = new ArrayList<>(4);
        StringBuilder cur = new StringBuilder();
        boolean any = false;
        String text = total.text.toString();
        int region = 0;
        for (int i = 0; i < text.length(); i++) {
            while (region < splittable.size() && i >= splittable.get(region)[1]) {
                region++;
            }
            boolean inRegion = region < splittable.size() && i >= splittable.get(region)[0];
            char c = text.charAt(i);
            if (inRegion && (c == ' ' || c == '\t' || c == '\n')) {
                if (any) {
                    fields.add(new ShellWord(cur.toString(), total.known, unknown, raw, start, end, m.embedded));
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            fields.add(new ShellWord(cur.toString(), total.known, unknown, raw, start, end, m.embedded));
        }
        return fields;
    }

    private static boolean containsBlank(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private Value partValue(Part part, MappedText m, Env env, List<Frame> owned) {
        Value v = new Value();
        if (part instanceof Lit l) {
            v.text.append(l.text());
        } else if (part instanceof Param p) {
            return param(p, m, env, owned);
        } else if (part instanceof CmdSub c) {
            substitution(NestingKind.COMMAND_SUBSTITUTION, c.script(), c.text(), env, owned);
            v.known = false;
        } else if (part instanceof ProcSub ps) {
            substitution(NestingKind.PROCESS_SUBSTITUTION, ps.script(), m, env, owned);
            v.known = false;
        } else if (part instanceof Arith) {
            v.known = false;
        } else if (part instanceof Tilde t) {
            String home = t.user().isEmpty() ? env.get("HOME") : null;
            if (home != null) {
                v.text.append(home);
            } else {
                v.text.append('~').append(t.user());
                v.known = false;
                v.unknown.add("HOME");
            }
        } else if (part instanceof Opaque o) {
            v.known = false;
            if (o.unknownVariables() != null) {
                v.unknown.addAll(o.unknownVariables());
            }
        }
        return v;
    }

    private void substitution(NestingKind kind, ListNode script, MappedText m, Env env, List<Frame> owned) {
        Frame f = push(kind, -1);
        if (owned != null) {
            owned.add(f);
        }
        evalList(script, m, env.copy(), null);
        pop();
    }

    private Value parts(List<Part> parts, MappedText m, Env env, List<Frame> owned, List<Boolean> quotedMask) {
        Value v = new Value();
        for (Part part : parts) {
            Value pv = partValue(part, m, env, owned);
            boolean literal = part instanceof Lit l ? l.quoted() : (part instanceof Param p && p.quoted());
            if (quotedMask != null) {
                for (int i = 0; i < pv.text.length(); i++) {
                    quotedMask.add(literal);
                }
            }
            v.add(pv);
        }
        return v;
    }

    private Value param(Param p, MappedText m, Env env, List<Frame> owned) {
        String current = env.get(p.name());
        boolean set = current != null;
        Value v = new Value();
        switch (p.op()) {
            case "" -> {
                if (set) {
                    v.text.append(current);
                } else {
                    unknown(v, p.name());
                }
            }
            case "len" -> {
                if (set) {
                    v.text.append(current.codePointCount(0, current.length()));
                } else {
                    unknown(v, p.name());
                }
            }
            case ":-", "-", ":=", "=" -> {
                boolean colon = p.op().startsWith(":");
                if (set && !(colon && current.isEmpty())) {
                    v.text.append(current);
                } else {
                    Value word = parts(p.arg(), m, env, owned, null);
                    v.add(word);
                    if (!set) {
                        unknown(v, p.name());
                    } else if (p.op().endsWith("=") && word.known) {
                        env.set(p.name(), word.text.toString(), false);
                    }
                }
            }
            case ":+", "+" -> {
                boolean colon = p.op().startsWith(":");
                if (set) {
                    if (!(colon && current.isEmpty())) {
                        v.add(parts(p.arg(), m, env, owned, null));
                    }
                } else {
                    unknown(v, p.name());
                }
            }
            case ":?", "?" -> {
                if (set) {
                    v.text.append(current);
                } else {
                    unknown(v, p.name());
                }
            }
            case "#", "##", "%", "%%", "/", "//", "/#", "/%" -> {
                List<Boolean> mask = new ArrayList<>();
                Value pattern = parts(p.arg(), m, env, owned, mask);
                Value replacement = p.op().startsWith("/") ? parts(p.replacement(), m, env, owned, null) : new Value();
                if (!set) {
                    unknown(v, p.name());
                    break;
                }
                if (!pattern.known || !replacement.known) {
                    v.known = false;
                    v.unknown.addAll(pattern.unknown);
                    v.unknown.addAll(replacement.unknown);
                    v.text.append(current);
                    break;
                }
                boolean[] quoted = new boolean[mask.size()];
                for (int i = 0; i < quoted.length; i++) {
                    quoted[i] = mask.get(i);
                }
                ShellPattern sp = ShellPattern.shell(pattern.text.toString(), quoted);
                String r = replacement.text.toString();
                String result = switch (p.op()) {
                    case "#" -> sp.removePrefix(current, false);
                    case "##" -> sp.removePrefix(current, true);
                    case "%" -> sp.removeSuffix(current, false);
                    case "%%" -> sp.removeSuffix(current, true);
                    case "/" -> sp.replace(current, r, false);
                    case "//" -> sp.replace(current, r, true);
                    case "/#" -> {
                        String rest = sp.removePrefix(current, true);
                        yield rest.length() == current.length() && !sp.matchesWhole("") ? current
                                : r + rest;
                    }
                    default -> {
                        String rest = sp.removeSuffix(current, true);
                        yield rest.length() == current.length() && !sp.matchesWhole("") ? current
                                : rest + r;
                    }
                };
                v.text.append(result);
            }
            default -> {
                v.known = false;
                if (!set) {
                    v.unknown.add(p.name());
                }
            }
        }
        return v;
    }

    private static void unknown(Value v, String name) {
        v.known = false;
        v.unknown.add(name);
    }
}
