package dev.strata.compare;

import java.util.regex.Pattern;

/**
 * Globs over absolute image paths: {@code *} matches within one segment, {@code **} any number of
 * segments (so {@code /root/.cache/**} matches everything below it), {@code ?} one character.
 * A pattern without a leading "/" matches at any depth ({@code *.pyc}).
 */
final class PathGlob {
    private final Pattern regex;

    PathGlob(String glob) {
        String g = glob.startsWith("/") ? glob : "**/" + glob;
        // "/dir/**" also covers "/dir" itself, so a cache directory present in one image only is noise too
        boolean subtree = g.endsWith("/**");
        if (subtree) {
            g = g.substring(0, g.length() - 3);
        }
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < g.length() && g.charAt(i + 2) == '/';
                r.append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                r.append("[^/]*");
            } else if (c == '?') {
                r.append("[^/]");
            } else {
                r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        String s = r.toString() + (subtree ? "(?:/.*)?" : "");
        if (!glob.startsWith("/")) {
            s = "/" + s;
        }
        this.regex = Pattern.compile(s);
    }

    boolean matches(String path) {
        return regex.matcher(path).matches();
    }
}
