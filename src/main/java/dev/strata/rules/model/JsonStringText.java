package dev.strata.rules.model;

/**
 * The value of a JSON string literal with, for every char, the source range it was decoded from:
 * {@code \"} and {@code \n} take two source chars, a Unicode escape six, so a position in the value
 * maps back to the exact column of the Dockerfile.
 *
 * @param text  the decoded value
 * @param start absolute source offset where char i's text starts
 * @param end   absolute source offset just past char i's text
 */
record JsonStringText(String text, int[] start, int[] end) {

    /**
     * Decodes the literal {@code source[from, to)}, quotes included; null when it is not exactly one
     * JSON string (e.g. a line continuation inside it), so callers can fall back.
     */
    static JsonStringText decode(String source, int from, int to) {
        if (from < 0 || to > source.length() || to - from < 2 || source.charAt(from) != '"' || source.charAt(to - 1) != '"') {
            return null;
        }
        StringBuilder text = new StringBuilder(to - from);
        int[] start = new int[to - from];
        int[] end = new int[to - from];
        int i = from + 1;
        int last = to - 1;
        while (i < last) {
            char c = source.charAt(i);
            int at = text.length();
            if (c == '"' || c < 0x20) {
                return null;
            }
            if (c != '\\') {
                text.append(c);
                start[at] = i;
                end[at] = i + 1;
                i++;
                continue;
            }
            if (i + 1 >= last) {
                return null;
            }
            char e = source.charAt(i + 1);
            int width = 2;
            switch (e) {
                case '"', '\\', '/' -> text.append(e);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    if (i + 6 > last) {
                        return null;
                    }
                    int code = 0;
                    for (int k = i + 2; k < i + 6; k++) {
                        int d = Character.digit(source.charAt(k), 16);
                        if (d < 0) {
                            return null;
                        }
                        code = code * 16 + d;
                    }
                    text.append((char) code);
                    width = 6;
                }
                default -> {
                    return null;
                }
            }
            start[at] = i;
            end[at] = i + width;
            i += width;
        }
        int n = text.length();
        return new JsonStringText(text.toString(), java.util.Arrays.copyOf(start, n), java.util.Arrays.copyOf(end, n));
    }
}
