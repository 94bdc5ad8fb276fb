package dev.strata.lock;

/** Quotes a word for a POSIX shell only when it needs it. */
final class ShellQuoting {
    private ShellQuoting() {}

    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
