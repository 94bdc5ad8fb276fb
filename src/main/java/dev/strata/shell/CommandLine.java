package dev.strata.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments split into options and operands, getopt style: {@code --opt=value},
 * {@code --opt value}, {@code -o value}, {@code -ovalue}, clusters {@code -fsSLo file}, and
 * {@code --} ending options. Which options take a value is the caller's knowledge.
 */
final class CommandLine {
    /** Option (as written, e.g. "-o" or "--output") to its values in order. */
    final Map<String, List<ShellWord>> values = new HashMap<>();
    /** Options without a value ("-y", "--no-install-recommends"); short clusters are split. */
    final Set<String> flags = new HashSet<>();
    /** Operands in order. */
    final List<ShellWord> operands = new ArrayList<>();

    static CommandLine parse(List<ShellWord> args, Set<String> withValue) {
        CommandLine c = new CommandLine();
        boolean optionsDone = false;
        for (int i = 0; i < args.size(); i++) {
            ShellWord w = args.get(i);
            String a = w.value();
            if (optionsDone || !w.known() && !a.startsWith("-") || a.length() < 2 || a.charAt(0) != '-') {
                c.operands.add(w);
                continue;
            }
            if (a.equals("--")) {
                optionsDone = true;
                continue;
            }
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                if (eq > 0) {
                    c.add(a.substring(0, eq), sub(w, a.substring(eq + 1)));
                } else if (withValue.contains(a) && i + 1 < args.size()) {
                    c.add(a, args.get(++i));
                } else {
                    c.flags.add(a);
                }
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                String opt = "-" + a.charAt(k);
                if (withValue.contains(opt)) {
                    if (k + 1 < a.length()) {
                        String rest = a.substring(k + 1);
                        c.add(opt, sub(w, rest.startsWith("=") ? rest.substring(1) : rest));
                    } else if (i + 1 < args.size()) {
                        c.add(opt, args.get(++i));
                    } else {
                        c.flags.add(opt);
                    }
                    break;
                }
                c.flags.add(opt);
            }
        }
        return c;
    }

    private void add(String option, ShellWord value) {
        values.computeIfAbsent(option, k -> new ArrayList<>(1)).add(value);
    }

    /** A word standing for part of another word's value (same span: the token to rewrite). */
    static ShellWord sub(ShellWord w, String value) {
        return new ShellWord(value, w.known(), w.unknownVariables(), w.raw(), w.start(), w.end(), w.embedded());
    }

    boolean has(String... options) {
        for (String o : options) {
            if (flags.contains(o) || values.containsKey(o)) {
                return true;
            }
        }
        return false;
    }

    List<ShellWord> all(String... options) {
        List<ShellWord> out = new ArrayList<>(1);
        for (String o : options) {
            List<ShellWord> v = values.get(o);
            if (v != null) {
                out.addAll(v);
            }
        }
        return out;
    }

    ShellWord first(String... options) {
        List<ShellWord> v = all(options);
        return v.isEmpty() ? null : v.get(0);
    }
}
