package dev.strata.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test fixture: the shell-form RUN bodies of the shared Dockerfile corpus, cut out with a crude
 * line scanner (enough for robustness tests and benchmarks; the real Dockerfile parser lives in
 * its own package).
 */
public final class CorpusRuns {
    private CorpusRuns() {
    }

    /** One RUN body: the file's text, where the body starts, and its raw text. */
    public record Run(Path file, String source, int offset, String raw) {
    }

    public static Path corpusDir() {
        return Path.of(System.getProperty("strata.shared", "../shared"), "corpus", "dockerfiles");
    }

    public static List<Path> files() {
        Path dir = corpusDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Run> runs(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        char escape = text.contains("# escape=`") ? '`' : '\\';
        List<Run> out = new ArrayList<>();
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int lineEnd = text.indexOf('\n', pos);
            lineEnd = lineEnd < 0 ? n : lineEnd;
            int s = pos;
            while (s < lineEnd && (text.charAt(s) == ' ' || text.charAt(s) == '\t')) {
                s++;
            }
            if (lineEnd - s > 4 && text.regionMatches(true, s, "RUN", 0, 3)
                    && Character.isWhitespace(text.charAt(s + 3))) {
                int body = s + 4;
                while (body < lineEnd && text.startsWith("--", body)) {
                    int sp = text.indexOf(' ', body);
                    body = sp < 0 || sp > lineEnd ? lineEnd : sp + 1;
                }
                int next = instructionEnd(text, pos, escape);
                int end = next > 0 && text.charAt(next - 1) == '\n' ? next - 1 : next;
                if (end > body && text.charAt(end - 1) == '\r') {
                    end--;
                }
                if (body < end && text.charAt(body) != '[') {
                    out.add(new Run(file, text, body, text.substring(body, end)));
                }
                pos = next;
                continue;
            }
            pos = instructionEnd(text, pos, escape);
        }
        return out;
    }

    /** Start of the line after the instruction starting at {@code pos} (continuations and heredocs followed). */
    private static int instructionEnd(String text, int pos, char escape) {
        int n = text.length();
        List<String> heredocs = new ArrayList<>();
        boolean first = true;
        while (pos < n) {
            int lineEnd = text.indexOf('\n', pos);
            lineEnd = lineEnd < 0 ? n : lineEnd;
            String line = text.substring(pos, lineEnd);
            String trimmed = line.strip();
            pos = lineEnd < n ? lineEnd + 1 : n;
            if (!first && (trimmed.startsWith("#") || trimmed.isEmpty())) {
                continue;
            }
            first = false;
            int h = line.indexOf("<<");
            while (h >= 0) {
                int k = h + 2;
                if (k < line.length() && line.charAt(k) == '-') {
                    k++;
                }
                int e = k;
                while (e < line.length() && !Character.isWhitespace(line.charAt(e)) && line.charAt(e) != ';') {
                    e++;
                }
                String name = line.substring(k, e).replace("\"", "").replace("'", "");
                if (!name.isEmpty() && Character.isLetter(name.charAt(0))) {
                    heredocs.add(name);
                }
                h = line.indexOf("<<", e);
            }
            String stripped = line.stripTrailing();
            if (stripped.endsWith(String.valueOf(escape)) && !stripped.endsWith("" + escape + escape)) {
                continue;
            }
            for (String name : heredocs) {
                while (pos < n) {
                    int le = text.indexOf('\n', pos);
                    le = le < 0 ? n : le;
                    String l = text.substring(pos, le).strip();
                    pos = le < n ? le + 1 : n;
                    if (l.equals(name)) {
                        break;
                    }
                }
            }
            return pos;
        }
        return pos;
    }
}
