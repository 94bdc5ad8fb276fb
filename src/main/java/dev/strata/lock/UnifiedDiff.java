package dev.strata.lock;

import java.util.ArrayList;
import java.util.List;

/** A unified diff (three lines of context) of two texts, the way {@code diff -u} prints it. */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    private record Op(char kind, String line) {}

    /** Empty when the texts are equal. */
    public static String of(String oldName, String newName, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> ops = diff(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while changes are within 2*CONTEXT of each other
            while (end < ops.size()) {
                if (ops.get(end).kind() != ' ') {
                    end++;
                    continue;
                }
                int run = end;
                while (run < ops.size() && ops.get(run).kind() == ' ') {
                    run++;
                }
                if (run < ops.size() && run - end <= 2 * CONTEXT) {
                    end = run;
                } else {
                    end = Math.min(ops.size(), end + CONTEXT);
                    break;
                }
            }
            int oldStart = 1;
            int newStart = 1;
            for (int k = 0; k < start; k++) {
                if (ops.get(k).kind() != '+') {
                    oldStart++;
                }
                if (ops.get(k).kind() != '-') {
                    newStart++;
                }
            }
            int oldCount = 0;
            int newCount = 0;
            for (int k = start; k < end; k++) {
                if (ops.get(k).kind() != '+') {
                    oldCount++;
                }
                if (ops.get(k).kind() != '-') {
                    newCount++;
                }
            }
            out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount)).append(" @@\n");
            for (int k = start; k < end; k++) {
                String line = ops.get(k).line();
                out.append(ops.get(k).kind()).append(line.endsWith("\n") ? line : line + "\n");
                if (!line.endsWith("\n")) {
                    out.append("\\ No newline at end of file\n");
                }
            }
            i = end;
        }
        return out.toString();
    }

    private static String range(int start, int count) {
        if (count == 0) {
            return (start - 1) + ",0";
        }
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int nl = text.indexOf('\n', at);
            int end = nl < 0 ? text.length() : nl + 1;
            out.add(text.substring(at, end));
            at = end;
        }
        return out;
    }

    /** Longest-common-subsequence line diff; Dockerfiles are small enough for the quadratic table. */
    private static List<Op> diff(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', a.get(i)));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                ops.add(new Op('-', a.get(i++)));
            } else {
                ops.add(new Op('+', b.get(j++)));
            }
        }
        while (i < n) {
            ops.add(new Op('-', a.get(i++)));
        }
        while (j < m) {
            ops.add(new Op('+', b.get(j++)));
        }
        return ops;
    }
}
