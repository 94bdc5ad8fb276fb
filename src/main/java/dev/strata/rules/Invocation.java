package dev.strata.rules;

import dev.strata.shell.ShellWord;
import dev.strata.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments split into options and operands the way its own option parser would,
 * given which options take a value. {@code --opt=value}, {@code --opt value} and {@code -o value}
 * are understood; {@code --} ends options.
 *
 * @param command the simple command
 * @param operands the non-option words after the subcommand, in order
 * @param options option name (with dashes) to its value words (a flag maps to an empty list)
 */
record Invocation(SimpleCommand command, List<ShellWord> operands, Map<String, List<ShellWord>> options) {

    /**
     * Parses {@code args} from index {@code from}.
     *
     * @param valued options that take a value (long form with dashes, short form with one dash)
     */
    static Invocation parse(SimpleCommand command, List<ShellWord> args, int from, Set<String> valued) {
        List<ShellWord> operands = new ArrayList<>();
        Map<String, List<ShellWord>> options = new HashMap<>();
        boolean endOfOptions = false;
        for (int i = from; i < args.size(); i++) {
            ShellWord w = args.get(i);
            String v = w.value();
            if (endOfOptions || !w.known() || !v.startsWith("-") || v.equals("-")) {
                operands.add(w);
                continue;
            }
            if (v.equals("--")) {
                endOfOptions = true;
                continue;
            }
            int eq = v.indexOf('=');
            if (v.startsWith("--") && eq > 0) {
                String name = v.substring(0, eq);
                ShellWord value = new ShellWord(v.substring(eq + 1), w.known(), w.unknownVariables(), w.raw(), w.start(), w.end(), w.embedded());
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                continue;
            }
            if (valued.contains(v)) {
                List<ShellWord> vals = options.computeIfAbsent(v, k -> new ArrayList<>());
                if (i + 1 < args.size()) {
                    vals.add(args.get(++i));
                }
                continue;
            }
            if (!v.startsWith("--") && v.length() > 2) {
                // -rfile / -yq: a valued short option glued to its value, or bundled flags
                String first = v.substring(0, 2);
                if (valued.contains(first)) {
                    options.computeIfAbsent(first, k -> new ArrayList<>())
                            .add(new ShellWord(v.substring(2), w.known(), w.unknownVariables(), w.raw(), w.start() + 2, w.end(), w.embedded()));
                    continue;
                }
                for (int c = 1; c < v.length(); c++) {
                    options.putIfAbsent("-" + v.charAt(c), new ArrayList<>());
                }
                continue;
            }
            options.putIfAbsent(v, new ArrayList<>());
        }
        return new Invocation(command, operands, options);
    }

    /** Whether any of the named options was given. */
    boolean has(String... names) {
        for (String n : names) {
            if (options.containsKey(n)) {
                return true;
            }
        }
        return false;
    }

    /** The value words of the named options, in order of the names. */
    List<ShellWord> values(String... names) {
        List<ShellWord> out = new ArrayList<>();
        for (String n : names) {
            out.addAll(options.getOrDefault(n, List.of()));
        }
        return out;
    }

    /** The index of the first known, non-option argument equal to one of {@code subcommands}, or -1. */
    static int subcommand(List<ShellWord> args, Set<String> subcommands, Set<String> valuedGlobal) {
        for (int i = 0; i < args.size(); i++) {
            ShellWord w = args.get(i);
            if (!w.known()) {
                return -1;
            }
            String v = w.value();
            if (v.startsWith("-")) {
                if (valuedGlobal.contains(v)) {
                    i++;
                }
                continue;
            }
            return subcommands.contains(v) ? i : -1;
        }
        return -1;
    }

    static Set<String> set(String... s) {
        return new HashSet<>(List.of(s));
    }
}
