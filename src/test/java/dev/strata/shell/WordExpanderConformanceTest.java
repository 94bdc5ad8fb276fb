package dev.strata.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** BuildKit's own word-processing conformance files, run line by line. */
class WordExpanderConformanceTest {
    private static final WordExpander EXPANDER = WordExpander.forEscape('\\');

    @TestFactory
    Stream<DynamicTest> envVarTest() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("conformance/buildkit/shell/envVarTest"),
                StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("PWD", "/home", "SHELL", "bash", "KOREAN", "한국어", "NULL", "");
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\|", -1);
            assertThat(parts).as("line %d", i + 1).hasSize(3);
            String platform = parts[0].trim();
            if (!platform.equals("A") && !platform.equals("U")) {
                continue;
            }
            String input = parts[1].trim();
            String expected = parts[2].trim();
            int lineNo = i + 1;
            tests.add(DynamicTest.dynamicTest("line " + lineNo + ": " + input, () -> {
                if (expected.equals("error")) {
                    assertThatThrownBy(() -> EXPANDER.expand(input, env)).isInstanceOf(WordExpansionException.class);
                } else {
                    assertThat(EXPANDER.expand(input, env).value()).isEqualTo(expected);
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThan(200);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> wordsTest() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("conformance/buildkit/shell/wordsTest"),
                StandardCharsets.UTF_8);
        Map<String, String> env = new HashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("ENV ")) {
                String kv = line.substring(3).replaceFirst("^ +", "");
                int eq = kv.indexOf('=');
                env.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
                continue;
            }
            String[] parts = line.split("\\|", -1);
            assertThat(parts).as("line %d", i + 1).hasSize(2);
            String input = parts[0].trim();
            List<String> expected = Arrays.asList(parts[1].replaceFirst("^ +", "").split(",", -1));
            Map<String, String> snapshot = Map.copyOf(env);
            int lineNo = i + 1;
            tests.add(DynamicTest.dynamicTest("line " + lineNo + ": " + input, () -> {
                List<String> actual;
                try {
                    actual = EXPANDER.expand(input, snapshot).words();
                } catch (WordExpansionException e) {
                    actual = List.of("error");
                }
                assertThat(actual).isEqualTo(expected);
            }));
        }
        assertThat(tests).hasSizeGreaterThan(20);
        return tests.stream();
    }
}
