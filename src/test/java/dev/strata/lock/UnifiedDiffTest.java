package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    @Test
    void printsOneHunkWithContextLikeDiffU() {
        String before = "FROM python:3.11\n# deps\nRUN pip install numpy\nCOPY . /app\nCMD [\"python\"]\n";
        String after = "FROM python:3.11@sha256:" + "a".repeat(64) + "\n# deps\nRUN pip install numpy==1.26.4\nCOPY . /app\nCMD [\"python\"]\n";
        assertThat(UnifiedDiff.of("a/Dockerfile", "b/Dockerfile", before, after)).isEqualTo("""
                --- a/Dockerfile
                +++ b/Dockerfile
                @@ -1,5 +1,5 @@
                -FROM python:3.11
                +FROM python:3.11@sha256:%s
                 # deps
                -RUN pip install numpy
                +RUN pip install numpy==1.26.4
                 COPY . /app
                 CMD ["python"]
                """.formatted("a".repeat(64)));
        assertThat(UnifiedDiff.of("a", "b", before, before)).isEmpty();
    }

    @Test
    void marksAMissingFinalNewline() {
        assertThat(UnifiedDiff.of("a", "b", "x", "y")).endsWith("-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n");
    }

    /** Re-applying the printed hunks to the old text gives the new text. */
    @Property(tries = 200)
    void hunksReconstructTheNewText(@ForAll @Size(max = 30) List<@IntRange(max = 5) Integer> a, @ForAll @Size(max = 30) List<@IntRange(max = 5) Integer> b) {
        String before = join(a);
        String after = join(b);
        String diff = UnifiedDiff.of("a", "b", before, after);
        assertThat(apply(before, diff)).isEqualTo(after);
    }

    private static String join(List<Integer> xs) {
        StringBuilder s = new StringBuilder();
        for (int x : xs) {
            s.append("line").append(x).append('\n');
        }
        return s.toString();
    }

    private static String apply(String before, String diff) {
        if (diff.isEmpty()) {
            return before;
        }
        List<String> old = before.isEmpty() ? List.of() : List.of(before.split("\n", -1)).subList(0, before.split("\n", -1).length - 1);
        List<String> out = new ArrayList<>();
        int oldAt = 0;
        String[] lines = diff.split("\n");
        for (int k = 2; k < lines.length; k++) {
            String l = lines[k];
            if (l.startsWith("@@")) {
                String oldRange = l.split(" ")[1].substring(1);
                int start = Integer.parseInt(oldRange.split(",")[0]);
                int count = oldRange.contains(",") ? Integer.parseInt(oldRange.split(",")[1]) : 1;
                int target = count == 0 ? start : start - 1;
                while (oldAt < target) {
                    out.add(old.get(oldAt++));
                }
            } else if (l.startsWith("-")) {
                assertThat(old.get(oldAt)).isEqualTo(l.substring(1));
                oldAt++;
            } else if (l.startsWith("+")) {
                out.add(l.substring(1));
            } else if (l.startsWith(" ")) {
                assertThat(old.get(oldAt)).isEqualTo(l.substring(1));
                out.add(old.get(oldAt++));
            }
        }
        while (oldAt < old.size()) {
            out.add(old.get(oldAt++));
        }
        StringBuilder s = new StringBuilder();
        out.forEach(x -> s.append(x).append('\n'));
        return s.toString();
    }

    @Test
    void editsKeepEveryOtherCharacter() {
        String text = "RUN apt-get install -y \\\n    curl \\\n    git\n";
        int curlEnd = text.indexOf("curl") + 4;
        int gitEnd = text.indexOf("git\n") + 3;
        String out = TextEdits.apply(text, List.of(TextEdit.insert(gitEnd, "=1:2.39.5-0", "git"), TextEdit.insert(curlEnd, "=7.88.1-10", "curl")));
        assertThat(out).isEqualTo("RUN apt-get install -y \\\n    curl=7.88.1-10 \\\n    git=1:2.39.5-0\n");
        assertThatThrownBy(() -> TextEdits.apply(text, List.of(new TextEdit(0, 5, "x", "a"), new TextEdit(3, 6, "y", "b"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
