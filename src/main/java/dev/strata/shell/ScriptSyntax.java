package dev.strata.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.strata.shell.Ast.AndOr;
import dev.strata.shell.Ast.Arith;
import dev.strata.shell.Ast.CmdSub;
import dev.strata.shell.Ast.Command;
import dev.strata.shell.Ast.Compound;
import dev.strata.shell.Ast.CompoundKind;
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
 * A recursive-descent parser for POSIX sh plus the bash constructs Dockerfiles use
 * ({@code [[ ]]}, {@code $'...'}, {@code <( )}, {@code |&}, {@code &>}, arrays, {@code function}).
 * It reads chars directly (no separate token stream, no regular expressions) and builds an
 * {@link Ast}. In lenient mode every syntax error is recorded and parsing recovers by
 * skipping ahead, so it always terminates and always returns a tree.
 */
final class ScriptSyntax {
    static final int MAX_DEPTH = 100;

    private static final Set<String> CLOSERS = Set.of("then", "else", "elif", "fi", "do", "done", "esac", "}");

    private final MappedText m;
    private final String t;
    private final int n;
    private final boolean lenient;
    private final List<ShellSyntaxException> problems;
    private final List<Redirect> pendingHeredocs = new ArrayList<>();
    private int p;
    private int depth;

    ScriptSyntax(MappedText m, boolean lenient, List<ShellSyntaxException> problems, int baseDepth) {
        this.m = m;
        this.t = m.text;
        this.n = t.length();
        this.lenient = lenient;
        this.problems = problems;
        this.depth = baseDepth;
    }

    /** Parses the whole text. */
    ListNode parseScript() throws ShellSyntaxException {
        List<AndOr> items = new ArrayList<>();
        List<String> seps = new ArrayList<>();
        while (true) {
            ListNode list = parseList(Set.of(), false, false);
            items.addAll(list.items());
            seps.addAll(list.separators());
            skipBlanks();
            if (p >= n) {
                break;
            }
            int before = p;
            fail("unexpected '" + tokenAt(p) + "'", p);
            p = Math.max(p, before) + Math.max(1, tokenAt(before).length());
        }
        finishPendingHeredocs();
        return new ListNode(items, seps);
    }

    // ---------------------------------------------------------------- errors and lexing helpers

    private void fail(String message, int at) throws ShellSyntaxException {
        ShellSyntaxException e = new ShellSyntaxException(message, absolute(at));
        if (!lenient) {
            throw e;
        }
        problems.add(e);
    }

    private int absolute(int logical) {
        if (n == 0) {
            return m.sourceBase;
        }
        return logical < n ? m.start[logical] : m.end[n - 1];
    }

    private String tokenAt(int at) {
        if (at >= n) {
            return "end of text";
        }
        String op = operatorAt(at);
        if (op != null) {
            return op.equals("\n") ? "newline" : op;
        }
        int q = at;
        while (q < n && !isMeta(t.charAt(q)) && q - at < 20) {
            q++;
        }
        return q == at ? String.valueOf(t.charAt(at)) : t.substring(at, q);
    }

    static boolean isMeta(char c) {
        switch (c) {
            case ' ', '\t', '\r', '\n', ';', '&', '|', '<', '>', '(', ')':
                return true;
            default:
                return false;
        }
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean isSpecialParam(char c) {
        return WordExpander.isSpecialParam(c);
    }

    private char at(int i) {
        return i < n ? t.charAt(i) : '\0';
    }

    private boolean opaqueAt(int i) {
        return m.isOpaque(i);
    }

    /** Skips blanks, backslash-newline continuations and comments (not newlines). */
    private void skipBlanks() {
        while (p < n) {
            char c = t.charAt(p);
            if ((c == ' ' || c == '\t' || c == '\r') && !opaqueAt(p)) {
                p++;
            } else if (c == '\\' && at(p + 1) == '\n') {
                p += 2;
            } else if (c == '#' && !opaqueAt(p)) {
                while (p < n && t.charAt(p) != '\n') {
                    p++;
                }
            } else {
                return;
            }
        }
    }

    /** Skips blanks, comments and newlines, reading heredoc bodies after each newline. */
    private void skipLinebreaks() {
        while (true) {
            skipBlanks();
            if (p < n && t.charAt(p) == '\n') {
                consumeNewline();
            } else {
                return;
            }
        }
    }

    private void consumeNewline() {
        p++;
        readHeredocBodies();
    }

    private void readHeredocBodies() {
        if (pendingHeredocs.isEmpty()) {
            return;
        }
        for (Redirect r : pendingHeredocs) {
            r.bodyStart = p;
            boolean found = false;
            while (p < n) {
                int lineStart = p;
                int lineEnd = t.indexOf('\n', p);
                if (lineEnd < 0) {
                    lineEnd = n;
                }
                int contentEnd = lineEnd;
                if (contentEnd > lineStart && t.charAt(contentEnd - 1) == '\r') {
                    contentEnd--;
                }
                int cs = lineStart;
                if (r.stripTabs) {
                    while (cs < contentEnd && t.charAt(cs) == '\t') {
                        cs++;
                    }
                }
                p = lineEnd < n ? lineEnd + 1 : n;
                if (contentEnd - cs == r.delimiter.length() && t.startsWith(r.delimiter, cs)) {
                    r.bodyEnd = lineStart;
                    found = true;
                    break;
                }
            }
            if (!found) {
                // bash and dash accept a here-document ended by end of file (with a warning)
                r.bodyEnd = n;
            }
        }
        pendingHeredocs.clear();
    }

    private void finishPendingHeredocs() {
        for (Redirect r : pendingHeredocs) {
            r.bodyStart = n;
            r.bodyEnd = n;
        }
        pendingHeredocs.clear();
    }

    /** The control or redirection operator at {@code i}, or null. */
    private String operatorAt(int i) {
        if (i >= n || opaqueAt(i)) {
            return null;
        }
        char c = t.charAt(i);
        char d = at(i + 1);
        switch (c) {
            case '&':
                if (d == '&') {
                    return "&&";
                }
                if (d == '>') {
                    return at(i + 2) == '>' ? "&>>" : "&>";
                }
                return "&";
            case '|':
                if (d == '|') {
                    return "||";
                }
                return d == '&' ? "|&" : "|";
            case ';':
                if (d == ';') {
                    return at(i + 2) == '&' ? ";;&" : ";;";
                }
                return d == '&' ? ";&" : ";";
            case '(':
                return "(";
            case ')':
                return ")";
            case '\n':
                return "\n";
            case '<':
                if (d == '<') {
                    char e = at(i + 2);
                    return e == '<' ? "<<<" : e == '-' ? "<<-" : "<<";
                }
                if (d == '&') {
                    return "<&";
                }
                if (d == '>') {
                    return "<>";
                }
                return d == '(' ? null : "<";
            case '>':
                if (d == '>') {
                    return ">>";
                }
                if (d == '&') {
                    return ">&";
                }
                if (d == '|') {
                    return ">|";
                }
                return d == '(' ? null : ">";
            default:
                return null;
        }
    }

    private static boolean isRedirectOp(String op) {
        return op != null && (op.charAt(0) == '<' || op.charAt(0) == '>' || op.startsWith("&>"));
    }

    private static final String[] RESERVED_WORDS = {"if", "then", "else", "elif", "fi", "do", "done", "case", "esac",
        "while", "until", "for", "in", "function", "{", "}", "!", "[["};

    /** An unquoted reserved word at {@code i} (followed by a metachar or end), or null. No allocation. */
    private String reservedAt(int i) {
        if (i >= n) {
            return null;
        }
        char c = t.charAt(i);
        if (!(c == 'i' || c == 't' || c == 'e' || c == 'f' || c == 'd' || c == 'c' || c == 'w' || c == 'u'
                || c == '{' || c == '}' || c == '!' || c == '[')) {
            return null;
        }
        for (String w : RESERVED_WORDS) {
            int e = i + w.length();
            if (w.charAt(0) == c && t.startsWith(w, i) && (e >= n || isMeta(t.charAt(e)) && !opaqueAt(e))
                    && !opaqueAt(i)) {
                return w;
            }
        }
        return null;
    }

    private boolean expectReserved(String word) throws ShellSyntaxException {
        skipLinebreaks();
        if (word.equals(reservedAt(p))) {
            p += word.length();
            return true;
        }
        fail("expected '" + word + "' but found '" + tokenAt(p) + "'", p);
        return false;
    }

    private void enter() throws ShellSyntaxException {
        depth++;
        if (depth > MAX_DEPTH) {
            ShellSyntaxException e = new ShellSyntaxException("nesting deeper than " + MAX_DEPTH, absolute(p));
            if (!lenient) {
                throw e;
            }
            problems.add(e);
            p = n;
        }
    }

    private void leave() {
        depth--;
    }

    // ---------------------------------------------------------------- lists, pipelines, commands

    /**
     * Parses commands until end of text, a reserved word in {@code terms}, a ')' (when
     * {@code stopAtParen}) or a ';;' (when {@code stopAtCaseEnd}). Does not consume the stopper.
     */
    private ListNode parseList(Set<String> terms, boolean stopAtParen, boolean stopAtCaseEnd)
            throws ShellSyntaxException {
        enter();
        try {
            List<AndOr> items = new ArrayList<>();
            List<String> seps = new ArrayList<>();
            while (true) {
                skipLinebreaks();
                if (p >= n) {
                    break;
                }
                String op = operatorAt(p);
                if (stopAtParen && ")".equals(op)) {
                    break;
                }
                if (stopAtCaseEnd && op != null && op.startsWith(";;") || stopAtCaseEnd && ";&".equals(op)) {
                    break;
                }
                String rw = reservedAt(p);
                if (rw != null && terms.contains(rw)) {
                    break;
                }
                if (rw != null && CLOSERS.contains(rw)) {
                    if (terms.isEmpty() && !stopAtParen && !stopAtCaseEnd) {
                        break; // let the caller report it
                    }
                    fail("unexpected '" + rw + "'", p);
                    p += rw.length();
                    continue;
                }
                if (")".equals(op) && !stopAtParen) {
                    break;
                }
                int before = p;
                AndOr andOr = parseAndOr();
                if (andOr != null) {
                    items.add(andOr);
                    seps.add(parseSeparator());
                }
                if (p == before) {
                    fail("unexpected '" + tokenAt(p) + "'", p);
                    p += Math.max(1, tokenAt(p).length());
                }
            }
            return new ListNode(items, seps);
        } finally {
            leave();
        }
    }

    private String parseSeparator() {
        skipBlanks();
        String op = operatorAt(p);
        if (";".equals(op)) {
            p++;
            return ";";
        }
        if ("&".equals(op)) {
            p++;
            return "&";
        }
        if ("\n".equals(op)) {
            consumeNewline();
            return "\n";
        }
        return "";
    }

    private AndOr parseAndOr() throws ShellSyntaxException {
        List<Pipeline> pipes = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        Pipeline first = parsePipeline();
        if (first == null) {
            return null;
        }
        pipes.add(first);
        while (true) {
            skipBlanks();
            String op = operatorAt(p);
            if (!"&&".equals(op) && !"||".equals(op)) {
                break;
            }
            int opAt = p;
            p += 2;
            skipLinebreaks();
            Pipeline next = parsePipeline();
            if (next == null) {
                fail("missing command after '" + op + "'", opAt);
                break;
            }
            ops.add(op);
            pipes.add(next);
        }
        return new AndOr(pipes, ops);
    }

    private Pipeline parsePipeline() throws ShellSyntaxException {
        skipBlanks();
        boolean negated = false;
        if ("!".equals(reservedAt(p))) {
            negated = true;
            p++;
            skipBlanks();
        }
        List<Command> cmds = new ArrayList<>();
        Command c = parseCommand();
        if (c == null) {
            return null;
        }
        cmds.add(c);
        while (true) {
            skipBlanks();
            String op = operatorAt(p);
            if (!"|".equals(op) && !"|&".equals(op)) {
                break;
            }
            int opAt = p;
            p += op.length();
            skipLinebreaks();
            Command next = parseCommand();
            if (next == null) {
                fail("missing command after '|'", opAt);
                break;
            }
            cmds.add(next);
        }
        return new Pipeline(cmds, negated);
    }

    /** Parses one command, or returns null (having reported it) when none starts here. */
    private Command parseCommand() throws ShellSyntaxException {
        skipBlanks();
        if (p >= n) {
            return null;
        }
        String op = operatorAt(p);
        if ("(".equals(op)) {
            if (at(p + 1) == '(') {
                int close = findArithmeticEnd(p + 2);
                if (close >= 0) {
                    p = close;
                    return new Compound(CompoundKind.ARITHMETIC, List.of(), null, null, null, null,
                            parseRedirects());
                }
            }
            int open = p;
            p++;
            ListNode body = parseList(Set.of(), true, false);
            if (at(p) == ')' && !opaqueAt(p)) {
                p++;
            } else {
                fail("unbalanced '(': missing ')'", open);
            }
            return new Compound(CompoundKind.SUBSHELL, List.of(body), null, null, null, null, parseRedirects());
        }
        if (op != null && !isRedirectOp(op)) {
            return null;
        }
        String rw = reservedAt(p);
        if (rw != null) {
            switch (rw) {
                case "{":
                    return parseGroup();
                case "if":
                    return parseIf();
                case "while":
                case "until":
                    return parseLoop(rw);
                case "for":
                    return parseFor();
                case "case":
                    return parseCase();
                case "function":
                    return parseFunctionKeyword();
                default:
                    break;
            }
        }
        return parseSimple();
    }

    private List<Redirect> parseRedirects() throws ShellSyntaxException {
        List<Redirect> out = new ArrayList<>();
        while (true) {
            skipBlanks();
            Redirect r = tryRedirect();
            if (r == null) {
                return out;
            }
            out.add(r);
        }
    }

    private Compound parseGroup() throws ShellSyntaxException {
        p++;
        ListNode body = parseList(Set.of("}"), false, false);
        expectReserved("}");
        return new Compound(CompoundKind.GROUP, List.of(body), null, null, null, null, parseRedirects());
    }

    private Compound parseIf() throws ShellSyntaxException {
        p += 2;
        List<ListNode> lists = new ArrayList<>();
        while (true) {
            lists.add(parseList(Set.of("then"), false, false));
            if (!expectReserved("then")) {
                break;
            }
            lists.add(parseList(Set.of("elif", "else", "fi"), false, false));
            skipLinebreaks();
            String rw = reservedAt(p);
            if ("elif".equals(rw)) {
                p += 4;
                continue;
            }
            if ("else".equals(rw)) {
                p += 4;
                lists.add(parseList(Set.of("fi"), false, false));
            }
            expectReserved("fi");
            break;
        }
        return new Compound(CompoundKind.IF, lists, null, null, null, null, parseRedirects());
    }

    private Compound parseLoop(String keyword) throws ShellSyntaxException {
        p += keyword.length();
        ListNode cond = parseList(Set.of("do"), false, false);
        ListNode body = new ListNode(List.of(), List.of());
        if (expectReserved("do")) {
            body = parseList(Set.of("done"), false, false);
            expectReserved("done");
        }
        return new Compound(keyword.equals("while") ? CompoundKind.WHILE : CompoundKind.UNTIL,
                List.of(cond, body), null, null, null, null, parseRedirects());
    }

    private Compound parseFor() throws ShellSyntaxException {
        int forAt = p;
        p += 3;
        skipBlanks();
        String variable = null;
        List<Word> items = null;
        if (at(p) == '(' && at(p + 1) == '(') {
            int close = findArithmeticEnd(p + 2);
            if (close < 0) {
                fail("unterminated '((' in for", p);
                p = n;
            } else {
                p = close;
            }
        } else {
            int s = p;
            while (p < n && isNameChar(t.charAt(p)) && !opaqueAt(p)) {
                p++;
            }
            if (p == s) {
                fail("expected a variable name after 'for'", forAt);
            }
            variable = t.substring(s, p);
            skipLinebreaks();
            if ("in".equals(reservedAt(p))) {
                p += 2;
                items = new ArrayList<>();
                while (true) {
                    skipBlanks();
                    if (p >= n) {
                        break;
                    }
                    String op = operatorAt(p);
                    if (op != null) {
                        break;
                    }
                    items.add(readWord());
                }
            }
        }
        skipBlanks();
        if (";".equals(operatorAt(p))) {
            p++;
        }
        ListNode body = new ListNode(List.of(), List.of());
        if (expectReserved("do")) {
            body = parseList(Set.of("done"), false, false);
            expectReserved("done");
        }
        return new Compound(CompoundKind.FOR, List.of(body), variable, items, null, null, parseRedirects());
    }

    private Compound parseCase() throws ShellSyntaxException {
        int caseAt = p;
        p += 4;
        skipBlanks();
        Word subject = null;
        if (p < n && operatorAt(p) == null) {
            subject = readWord();
        } else {
            fail("expected a word after 'case'", caseAt);
        }
        List<ListNode> bodies = new ArrayList<>();
        List<List<Word>> patterns = new ArrayList<>();
        if (expectReserved("in")) {
            while (true) {
                skipLinebreaks();
                if (p >= n) {
                    fail("'case' without 'esac'", caseAt);
                    break;
                }
                if ("esac".equals(reservedAt(p))) {
                    p += 4;
                    break;
                }
                int itemAt = p;
                if (at(p) == '(' && !opaqueAt(p)) {
                    p++;
                }
                List<Word> pats = new ArrayList<>();
                while (true) {
                    skipBlanks();
                    if (p >= n || operatorAt(p) != null) {
                        break;
                    }
                    pats.add(readWord());
                    skipBlanks();
                    if ("|".equals(operatorAt(p))) {
                        p++;
                        continue;
                    }
                    break;
                }
                if (at(p) == ')' && !opaqueAt(p)) {
                    p++;
                } else {
                    fail("expected ')' after case pattern", itemAt);
                    p = Math.max(p, itemAt + 1);
                }
                ListNode body = parseList(Set.of("esac"), false, true);
                bodies.add(body);
                patterns.add(pats);
                skipBlanks();
                String op = operatorAt(p);
                if (op != null && (op.startsWith(";;") || op.equals(";&"))) {
                    p += op.length();
                }
            }
        }
        return new Compound(CompoundKind.CASE, bodies, null, null, subject, patterns, parseRedirects());
    }

    private Command parseFunctionKeyword() throws ShellSyntaxException {
        int at = p;
        p += 8;
        skipBlanks();
        int s = p;
        while (p < n && !isMeta(t.charAt(p)) && !opaqueAt(p)) {
            p++;
        }
        String name = t.substring(s, p);
        if (name.isEmpty()) {
            fail("expected a function name", at);
        }
        skipBlanks();
        if (at(p) == '(' && !opaqueAt(p)) {
            skipEmptyParens();
        }
        return functionBody(name, at);
    }

    private void skipEmptyParens() throws ShellSyntaxException {
        int open = p;
        p++;
        skipBlanks();
        if (at(p) == ')') {
            p++;
        } else {
            fail("expected ')' in function definition", open);
        }
    }

    private Command functionBody(String name, int at) throws ShellSyntaxException {
        skipLinebreaks();
        Command body = parseCommand();
        if (body == null) {
            fail("missing function body", at);
            body = new Compound(CompoundKind.GROUP, List.of(new ListNode(List.of(), List.of())), null, null, null,
                    null, List.of());
        }
        return new FunctionDef(name, body);
    }

    /** Index just past the "))" closing an arithmetic expression whose text starts at {@code from}, or -1. */
    private int findArithmeticEnd(int from) {
        int level = 0;
        for (int i = from; i < n; i++) {
            char c = t.charAt(i);
            if (c == '(') {
                level++;
            } else if (c == ')') {
                if (level == 0) {
                    return at(i + 1) == ')' ? i + 2 : -1;
                }
                level--;
            }
        }
        return -1;
    }

    private Command parseSimple() throws ShellSyntaxException {
        int start = p;
        // just past the last token read; p itself may already be past trailing blanks or a comment
        int end = p;
        List<Word> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        boolean conditional = false;
        while (true) {
            skipBlanks();
            if (p >= n) {
                break;
            }
            if (conditional) {
                String op = operatorAt(p);
                if (op != null && !op.equals("\n") && !op.equals(";") && !op.equals("&")) {
                    // inside [[ ]], && || ( ) < > are operators of the test, not of the shell
                    String lit = op.startsWith("<") || op.startsWith(">") ? op.substring(0, 1)
                            : op.startsWith("&&") || op.startsWith("||") ? op.substring(0, 2) : op.substring(0, 1);
                    words.add(new Word(List.of(new Lit(lit, false, true, p, p + lit.length())), p, p + lit.length(),
                            false));
                    p += lit.length();
                    end = p;
                    continue;
                }
                if (op != null) {
                    break;
                }
                Word w = readWord();
                words.add(w);
                end = p;
                if (isLiteral(w, "]]")) {
                    conditional = false;
                }
                continue;
            }
            Redirect r = tryRedirect();
            if (r != null) {
                redirects.add(r);
                end = Math.max(r.start, r.target.end());
                continue;
            }
            if (operatorAt(p) != null) {
                if (at(p) == '(' && words.size() == 1 && assignments.isEmpty() && redirects.isEmpty()) {
                    String name = literalText(words.get(0));
                    if (name != null) {
                        skipEmptyParens();
                        return functionBody(name, start);
                    }
                }
                break;
            }
            Word w = readWord();
            end = p;
            if (words.isEmpty() && isAssignment(w)) {
                assignments.add(w);
            } else {
                words.add(w);
                if (words.size() == 1 && isLiteral(w, "[[")) {
                    conditional = true;
                }
            }
        }
        if (words.isEmpty() && assignments.isEmpty() && redirects.isEmpty()) {
            return null;
        }
        return new Simple(assignments, words, redirects, start, end);
    }

    private static boolean isLiteral(Word w, String text) {
        return text.equals(literalText(w));
    }

    /** The word's text when it is one unquoted literal, else null. */
    static String literalText(Word w) {
        if (w.parts().size() == 1 && w.parts().get(0) instanceof Lit l && !l.quoted()) {
            return l.text();
        }
        return null;
    }

    static boolean isAssignment(Word w) {
        if (w.parts().isEmpty() || !(w.parts().get(0) instanceof Lit l) || l.quoted()) {
            return false;
        }
        String s = l.text();
        if (s.isEmpty() || !isNameStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' || (c == '+' && i + 1 < s.length() && s.charAt(i + 1) == '=')) {
                return true;
            }
            if (!isNameChar(c)) {
                return false;
            }
        }
        return false;
    }

    /** Parses a redirection at p if there is one ([n]op word), else returns null without moving. */
    private Redirect tryRedirect() throws ShellSyntaxException {
        int s = p;
        int q = p;
        while (q < n && Character.isDigit(t.charAt(q)) && !opaqueAt(q) && q - p < 4) {
            q++;
        }
        String op = operatorAt(q);
        if (!isRedirectOp(op)) {
            return null;
        }
        int fd = q > p ? Integer.parseInt(t.substring(p, q)) : -1;
        p = q + op.length();
        skipBlanks();
        if (p >= n || (operatorAt(p) != null)) {
            fail("missing target after '" + op + "'", s);
            int opEnd = q + op.length();
            return new Redirect(fd, op, new Word(List.of(), opEnd, opEnd, false), s);
        }
        Word target = readWord();
        Redirect r = new Redirect(fd, op, target, s);
        if (r.isHeredoc()) {
            r.delimiter = delimiterText(target);
            r.stripTabs = op.equals("<<-");
            r.expands = !target.quoted();
            pendingHeredocs.add(r);
        }
        return r;
    }

    /** A heredoc delimiter after quote removal (expansions are not performed on it). */
    private String delimiterText(Word w) {
        StringBuilder sb = new StringBuilder();
        for (Part part : w.parts()) {
            if (part instanceof Lit l) {
                sb.append(l.text());
            } else {
                sb.append(t, part.start(), part.end());
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- words

    /** Reads one word at p (p is not at a metachar). */
    Word readWord() throws ShellSyntaxException {
        int s = p;
        List<Part> parts = new ArrayList<>(2);
        boolean quoted = false;
        int litStart = p;
        if (p < n && !opaqueAt(p)) {
            char c = t.charAt(p);
            if ((c == '<' || c == '>') && at(p + 1) == '(') {
                parts.add(parseProcessSubstitution());
                litStart = p;
            } else if (c == '~') {
                int q = p + 1;
                while (q < n && !isMeta(t.charAt(q)) && t.charAt(q) != '/' && isNameChar(t.charAt(q))) {
                    q++;
                }
                if (q >= n || isMeta(t.charAt(q)) || t.charAt(q) == '/') {
                    parts.add(new Tilde(t.substring(p + 1, q), p, q));
                    p = q;
                    litStart = p;
                }
            }
        }
        while (p < n) {
            if (opaqueAt(p)) {
                flushLit(parts, litStart);
                parts.add(new Opaque(m.opaque.get(p), p, p + 1));
                p++;
                litStart = p;
                continue;
            }
            char c = t.charAt(p);
            if (isMeta(c)) {
                if (c == '(' && isArrayAssignmentOpen(parts, litStart)) {
                    int close = findArrayEnd(p);
                    p = close;
                    continue;
                }
                break;
            }
            switch (c) {
                case '\\': {
                    flushLit(parts, litStart);
                    if (p + 1 >= n) {
                        parts.add(new Lit("\\", true, true, p, p + 1));
                        p++;
                    } else if (t.charAt(p + 1) == '\n') {
                        p += 2;
                    } else {
                        parts.add(new Lit(String.valueOf(t.charAt(p + 1)), true, false, p, p + 2));
                        p += 2;
                        quoted = true;
                    }
                    litStart = p;
                    break;
                }
                case '\'': {
                    flushLit(parts, litStart);
                    parts.add(parseSingleQuoted());
                    quoted = true;
                    litStart = p;
                    break;
                }
                case '"': {
                    flushLit(parts, litStart);
                    parseDoubleQuoted(parts);
                    quoted = true;
                    litStart = p;
                    break;
                }
                case '$': {
                    flushLit(parts, litStart);
                    if (at(p + 1) == '\'' || at(p + 1) == '"') {
                        quoted = true;
                    }
                    parseDollar(parts, false);
                    litStart = p;
                    break;
                }
                case '`': {
                    flushLit(parts, litStart);
                    parts.add(parseBacktick(false));
                    litStart = p;
                    break;
                }
                default:
                    p++;
            }
        }
        flushLit(parts, litStart);
        return new Word(parts, s, p, quoted);
    }

    private boolean isArrayAssignmentOpen(List<Part> parts, int litStart) {
        if (!parts.isEmpty() || p == litStart || t.charAt(p - 1) != '=') {
            return false;
        }
        Word probe = new Word(List.of(new Lit(t.substring(litStart, p), false, true, litStart, p)), litStart, p, false);
        return isAssignment(probe);
    }

    /** End (exclusive) of a bash array literal starting at '(' (quote-aware). */
    private int findArrayEnd(int open) throws ShellSyntaxException {
        int q = open + 1;
        char quote = 0;
        while (q < n) {
            char c = t.charAt(q);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    q++;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                q++;
            } else if (c == ')') {
                return q + 1;
            }
            q++;
        }
        fail("unbalanced '(' in array assignment", open);
        return n;
    }

    private void flushLit(List<Part> parts, int litStart) {
        if (p > litStart) {
            parts.add(new Lit(t.substring(litStart, p), false, true, litStart, p));
        }
    }

    private Lit parseSingleQuoted() throws ShellSyntaxException {
        int open = p;
        int close = t.indexOf('\'', p + 1);
        if (close < 0) {
            fail("unterminated single quote", open);
            close = n;
        }
        Lit l = new Lit(t.substring(open + 1, close), true, true, open + 1, close);
        p = Math.min(n, close + 1);
        return l;
    }

    private void parseDoubleQuoted(List<Part> parts) throws ShellSyntaxException {
        int open = p;
        p++;
        int litStart = p;
        while (true) {
            if (p >= n) {
                flushQuotedLit(parts, litStart);
                fail("unterminated double quote", open);
                return;
            }
            if (opaqueAt(p)) {
                flushQuotedLit(parts, litStart);
                parts.add(new Opaque(m.opaque.get(p), p, p + 1));
                p++;
                litStart = p;
                continue;
            }
            char c = t.charAt(p);
            if (c == '"') {
                flushQuotedLit(parts, litStart);
                p++;
                return;
            }
            if (c == '\\' && p + 1 < n) {
                char d = t.charAt(p + 1);
                if (d == '$' || d == '`' || d == '"' || d == '\\' || d == '\n') {
                    flushQuotedLit(parts, litStart);
                    if (d != '\n') {
                        parts.add(new Lit(String.valueOf(d), true, false, p, p + 2));
                    }
                    p += 2;
                    litStart = p;
                    continue;
                }
                p++;
                continue;
            }
            if (c == '$') {
                flushQuotedLit(parts, litStart);
                parseDollar(parts, true);
                litStart = p;
                continue;
            }
            if (c == '`') {
                flushQuotedLit(parts, litStart);
                parts.add(parseBacktick(true));
                litStart = p;
                continue;
            }
            p++;
        }
    }

    private void flushQuotedLit(List<Part> parts, int litStart) {
        if (p > litStart) {
            parts.add(new Lit(t.substring(litStart, p), true, true, litStart, p));
        }
    }

    /** p is at '$'. Appends the expansion (or a literal '$'). */
    private void parseDollar(List<Part> parts, boolean inDq) throws ShellSyntaxException {
        int s = p;
        char d = at(p + 1);
        if (p + 1 >= n || opaqueAt(p + 1)) {
            parts.add(new Lit("$", inDq, true, p, p + 1));
            p++;
            return;
        }
        if (d == '{') {
            parts.add(parseBraceParameter(inDq));
        } else if (d == '(') {
            if (at(p + 2) == '(') {
                int close = findArithmeticEnd(p + 3);
                if (close >= 0) {
                    p = close;
                    parts.add(new Arith(inDq, s, p));
                    return;
                }
            }
            p += 2;
            ListNode script = parseList(Set.of(), true, false);
            if (at(p) == ')' && !opaqueAt(p)) {
                p++;
            } else {
                fail("unterminated command substitution '$('", s);
            }
            parts.add(new CmdSub(script, m, inDq, false, s, p));
        } else if (d == '\'' && !inDq) {
            parts.add(parseAnsiC());
        } else if (d == '"' && !inDq) {
            p++;
            parseDoubleQuoted(parts);
        } else if (isNameStart(d)) {
            int q = p + 1;
            while (q < n && isNameChar(t.charAt(q)) && !opaqueAt(q)) {
                q++;
            }
            parts.add(new Param(t.substring(p + 1, q), "", List.of(), List.of(), inDq, s, q));
            p = q;
        } else if (Character.isDigit(d) || isSpecialParam(d)) {
            parts.add(new Param(String.valueOf(d), "", List.of(), List.of(), inDq, s, p + 2));
            p += 2;
        } else {
            parts.add(new Lit("$", inDq, true, p, p + 1));
            p++;
        }
    }

    private Lit parseAnsiC() throws ShellSyntaxException {
        int s = p;
        p += 2;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (p >= n) {
                fail("unterminated $'...' string", s);
                break;
            }
            char c = t.charAt(p);
            if (c == '\'') {
                p++;
                break;
            }
            if (c == '\\' && p + 1 < n) {
                char e = t.charAt(p + 1);
                p += 2;
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 'e', 'E' -> sb.append('\u001b');
                    case 'f' -> sb.append('\f');
                    case 'v' -> sb.append('\u000b');
                    case '\\', '\'', '"', '?' -> sb.append(e);
                    case 'x' -> {
                        int v = 0;
                        int k = 0;
                        while (k < 2 && p < n && Character.digit(t.charAt(p), 16) >= 0) {
                            v = v * 16 + Character.digit(t.charAt(p), 16);
                            p++;
                            k++;
                        }
                        sb.append((char) v);
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int v = e - '0';
                            int k = 1;
                            while (k < 3 && p < n && t.charAt(p) >= '0' && t.charAt(p) <= '7') {
                                v = v * 8 + (t.charAt(p) - '0');
                                p++;
                                k++;
                            }
                            sb.append((char) (v & 0xFF));
                        } else {
                            sb.append('\\').append(e);
                        }
                    }
                }
                continue;
            }
            sb.append(c);
            p++;
        }
        return new Lit(sb.toString(), true, false, s, p);
    }

    private Part parseBraceParameter(boolean inDq) throws ShellSyntaxException {
        int s = p;
        p += 2;
        String op = "";
        boolean length = false;
        if (at(p) == '#' && p + 1 < n && at(p + 1) != '}'
                && (isNameChar(at(p + 1)) || isSpecialParam(at(p + 1)))) {
            length = true;
            p++;
        } else if (at(p) == '!' && p + 1 < n && at(p + 1) != '}') {
            op = "bad";
            p++;
        }
        int nameStart = p;
        if (isNameStart(at(p))) {
            while (p < n && isNameChar(t.charAt(p))) {
                p++;
            }
        } else if (Character.isDigit(at(p))) {
            while (p < n && Character.isDigit(t.charAt(p))) {
                p++;
            }
        } else if (p < n && isSpecialParam(at(p))) {
            p++;
        }
        String name = t.substring(nameStart, Math.min(p, n));
        if (name.isEmpty()) {
            fail("bad substitution", s);
            skipToBraceEnd(s);
            return new Param("", "bad", List.of(), List.of(), inDq, s, p);
        }
        if (at(p) == '[') {
            op = "bad";
            int close = t.indexOf(']', p);
            p = close < 0 ? n : close + 1;
        }
        if (length) {
            op = "len";
        }
        if (at(p) == '}') {
            p++;
            return new Param(name, op, List.of(), List.of(), inDq, s, p);
        }
        String modifier = modifierAt(p);
        if (modifier == null || length) {
            op = "bad";
            modifier = "";
        } else if (!op.equals("bad")) {
            op = modifier;
        }
        p += modifier.length();
        List<Part> arg;
        List<Part> replacement = List.of();
        if (modifier.startsWith("/")) {
            arg = readParameterArgument('/', inDq, s);
            if (at(p) == '/') {
                p++;
                replacement = readParameterArgument('}', inDq, s);
            }
        } else {
            arg = readParameterArgument('}', inDq, s);
        }
        if (at(p) == '}') {
            p++;
        } else {
            fail("unterminated '${'", s);
        }
        return new Param(name, op, arg, replacement, inDq, s, p);
    }

    private void skipToBraceEnd(int s) {
        int close = t.indexOf('}', p);
        p = close < 0 ? n : close + 1;
    }

    private String modifierAt(int i) {
        char c = at(i);
        char d = at(i + 1);
        switch (c) {
            case ':':
                if (d == '-' || d == '=' || d == '?' || d == '+') {
                    return ":" + d;
                }
                return null;
            case '-', '=', '?', '+':
                return String.valueOf(c);
            case '#', '%':
                return d == c ? "" + c + c : String.valueOf(c);
            case '/':
                return d == '/' ? "//" : d == '#' ? "/#" : d == '%' ? "/%" : "/";
            default:
                return null;
        }
    }

    /** Reads the word inside ${...} after the operator, up to (not including) {@code stop}. */
    private List<Part> readParameterArgument(char stop, boolean inDq, int paramStart) throws ShellSyntaxException {
        List<Part> parts = new ArrayList<>(2);
        int litStart = p;
        int braces = 0;
        while (p < n) {
            if (opaqueAt(p)) {
                flushArg(parts, litStart, inDq);
                parts.add(new Opaque(m.opaque.get(p), p, p + 1));
                p++;
                litStart = p;
                continue;
            }
            char c = t.charAt(p);
            if (c == stop && braces == 0) {
                break;
            }
            if (c == '}' && braces == 0) {
                break;
            }
            if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces--;
            }
            if (c == '\\' && p + 1 < n) {
                flushArg(parts, litStart, inDq);
                parts.add(new Lit(String.valueOf(t.charAt(p + 1)), true, false, p, p + 2));
                p += 2;
                litStart = p;
            } else if (c == '\'' && !inDq) {
                flushArg(parts, litStart, inDq);
                parts.add(parseSingleQuoted());
                litStart = p;
            } else if (c == '"') {
                flushArg(parts, litStart, inDq);
                parseDoubleQuoted(parts);
                litStart = p;
            } else if (c == '$') {
                flushArg(parts, litStart, inDq);
                parseDollar(parts, inDq);
                litStart = p;
            } else if (c == '`') {
                flushArg(parts, litStart, inDq);
                parts.add(parseBacktick(inDq));
                litStart = p;
            } else {
                p++;
            }
        }
        flushArg(parts, litStart, inDq);
        if (p >= n) {
            fail("unterminated '${'", paramStart);
        }
        return parts;
    }

    private void flushArg(List<Part> parts, int litStart, boolean inDq) {
        if (p > litStart) {
            parts.add(new Lit(t.substring(litStart, p), inDq, true, litStart, p));
        }
    }

    private CmdSub parseBacktick(boolean inDq) throws ShellSyntaxException {
        int s = p;
        int q = p + 1;
        MappedText.Builder inner = new MappedText.Builder(16);
        while (q < n && !(t.charAt(q) == '`' && !opaqueAt(q))) {
            char c = t.charAt(q);
            if (opaqueAt(q)) {
                inner.appendOpaque(m.start[q], m.end[q], m.opaque.get(q));
                q++;
                continue;
            }
            if (c == '\\' && q + 1 < n) {
                char d = t.charAt(q + 1);
                if (d == '$' || d == '`' || d == '\\' || (inDq && d == '"')) {
                    inner.append(d, m.start[q], m.end[q + 1]);
                    q += 2;
                    continue;
                }
            }
            inner.append(c, m.start[q], m.end[q]);
            q++;
        }
        if (q >= n) {
            fail("unterminated backquote", s);
        }
        p = Math.min(n, q + 1);
        MappedText text = inner.build(m.source, m.sourceBase, m.embedded);
        ListNode script;
        if (depth + 1 > MAX_DEPTH) {
            fail("nesting deeper than " + MAX_DEPTH, s);
            script = new ListNode(List.of(), List.of());
        } else {
            script = new ScriptSyntax(text, lenient, problems, depth + 1).parseScript();
        }
        return new CmdSub(script, text, inDq, true, s, p);
    }

    private ProcSub parseProcessSubstitution() throws ShellSyntaxException {
        int s = p;
        char direction = t.charAt(p);
        p += 2;
        ListNode script = parseList(Set.of(), true, false);
        if (at(p) == ')' && !opaqueAt(p)) {
            p++;
        } else {
            fail("unterminated process substitution", s);
        }
        return new ProcSub(script, direction, s, p);
    }
}
