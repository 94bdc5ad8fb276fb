package dev.strata.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds R package-install calls in R source text with the offsets pin needs: the closing
 * parenthesis (where {@code repos=} is added), each argument's value range, and every string
 * literal's range. Strings and comments are skipped, so a call named inside a string or after
 * {@code #} is not a call. The one R scanner: lock and pin edit with its offsets, {@link ToolCalls}
 * (and through it the audit) reads installs with it.
 */
public final class RCode {
    private RCode() {}

    /** A string literal; {@code start..end} include its quotes. */
    public record Literal(String value, int start, int end) {}

    /**
     * One argument.
     *
     * @param name the argument's name, null when positional
     * @param start start of the value (after {@code name =})
     * @param end end of the value (trailing blanks excluded)
     * @param literals the value as string literals ({@code "x"} or {@code c("a", "b")}), null when it is anything else
     */
    public record Arg(String name, int start, int end, List<Literal> literals) {}

    /**
     * A call.
     *
     * @param function the name as written ({@code remotes::install_github})
     * @param start offset of the function name
     * @param close offset of the closing parenthesis
     */
    public record Call(String function, int start, int close, List<Arg> args) {
        public String shortName() {
            return function.substring(function.lastIndexOf(':') + 1);
        }

        public Arg named(String name) {
            return args.stream().filter(a -> name.equals(a.name())).findFirst().orElse(null);
        }

        /** The first positional argument, or the one named {@code name}. */
        public Arg first(String name) {
            Arg n = named(name);
            if (n != null) {
                return n;
            }
            return args.stream().filter(a -> a.name() == null).findFirst().orElse(null);
        }
    }

    /** install.packages (any namespace), BiocManager::install, and install_github (any namespace): what lock and pin edit. */
    public static List<Call> installCalls(String code) {
        return calls(code, RCode::recognised);
    }

    /**
     * Every call of a function whose name as written ({@code pkg::name} or {@code name}) {@code
     * recognised} accepts; a call whose parenthesis never closes is not a call.
     */
    public static List<Call> calls(String code, Predicate<String> recognised) {
        List<Call> out = new ArrayList<>();
        int n = code.length();
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(code, i);
            } else if (c == '#') {
                while (i < n && code.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isLetter(c) || c == '.') {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '.' || code.charAt(i) == '_'
                        || code.charAt(i) == ':')) {
                    i++;
                }
                String ident = code.substring(s, i);
                int j = skipBlanks(code, i);
                if (j < n && code.charAt(j) == '(' && recognised.test(ident)) {
                    Call call = arguments(code, ident, s, j + 1);
                    if (call != null) {
                        out.add(call);
                        i = call.close() + 1;
                    }
                }
            } else {
                i++;
            }
        }
        return out;
    }

    private static boolean recognised(String ident) {
        String shortName = ident.substring(ident.lastIndexOf(':') + 1);
        return shortName.equals("install.packages") || shortName.equals("install_github")
                || ident.equals("BiocManager::install");
    }

    private static int skipBlanks(String code, int i) {
        while (i < code.length() && (code.charAt(i) == ' ' || code.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int skipString(String code, int open) {
        char q = code.charAt(open);
        int i = open + 1;
        while (i < code.length() && code.charAt(i) != q) {
            if (code.charAt(i) == '\\') {
                i++;
            }
            i++;
        }
        return Math.min(code.length(), i + 1);
    }

    /** The call whose arguments start at {@code from}, or null when its parenthesis never closes. */
    private static Call arguments(String code, String function, int start, int from) {
        List<Arg> args = new ArrayList<>();
        int level = 0;
        int argStart = from;
        int i = from;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(code, i);
                continue;
            }
            if (c == '#') {
                while (i < code.length() && code.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                level++;
            } else if ((c == ')' || c == ']' || c == '}') && level > 0) {
                level--;
            } else if ((c == ',' || c == ')') && level == 0) {
                Arg a = argument(code, argStart, i);
                if (a != null) {
                    args.add(a);
                }
                if (c == ')') {
                    return new Call(function, start, i, args);
                }
                argStart = i + 1;
            }
            i++;
        }
        return null;
    }

    private static Arg argument(String code, int from, int to) {
        int s = from;
        while (s < to && Character.isWhitespace(code.charAt(s))) {
            s++;
        }
        int e = to;
        while (e > s && Character.isWhitespace(code.charAt(e - 1))) {
            e--;
        }
        if (s >= e) {
            return null;
        }
        String name = null;
        int k = s;
        while (k < e && (Character.isLetterOrDigit(code.charAt(k)) || code.charAt(k) == '.' || code.charAt(k) == '_')) {
            k++;
        }
        int eq = skipBlanks(code, k);
        if (k > s && eq < e && code.charAt(eq) == '=' && (eq + 1 >= e || code.charAt(eq + 1) != '=')) {
            name = code.substring(s, k);
            s = eq + 1;
            while (s < e && Character.isWhitespace(code.charAt(s))) {
                s++;
            }
        }
        return new Arg(name, s, e, literals(code, s, e));
    }

    /**
     * {@code "x"} or {@code c("a", 'b')} (elements may be named, {@code c(CRAN = "u")}, and the
     * vector may hold comments), else null.
     */
    private static List<Literal> literals(String code, int s, int e) {
        if (s < e && (code.charAt(s) == '"' || code.charAt(s) == '\'')) {
            int close = skipString(code, s);
            return close == e && code.charAt(e - 1) == code.charAt(s) && e - s >= 2 ? List.of(literal(code, s, e)) : null;
        }
        if (!code.startsWith("c(", s) || code.charAt(e - 1) != ')') {
            return null;
        }
        List<Literal> out = new ArrayList<>();
        int i = s + 2;
        boolean expectValue = true;
        while (i < e - 1) {
            char c = code.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < e - 1 && code.charAt(i) != '\n') {
                    i++;
                }
            } else if ((c == '"' || c == '\'') && expectValue) {
                int close = skipString(code, i);
                if (close > e - 1 || code.charAt(close - 1) != c || close - i < 2) {
                    return null;
                }
                out.add(literal(code, i, close));
                i = close;
                expectValue = false;
            } else if (c == ',' && !expectValue) {
                expectValue = true;
                i++;
            } else if (expectValue && (Character.isLetter(c) || c == '.')) {
                int k = i;
                while (k < e - 1 && (Character.isLetterOrDigit(code.charAt(k)) || code.charAt(k) == '.' || code.charAt(k) == '_')) {
                    k++;
                }
                int eq = skipBlanks(code, k);
                if (eq >= e - 1 || code.charAt(eq) != '=') {
                    return null;
                }
                i = eq + 1;
            } else {
                return null;
            }
        }
        return out;
    }

    private static Literal literal(String code, int s, int e) {
        return new Literal(code.substring(s + 1, e - 1), s, e);
    }
}
