package dev.strata.shell;

import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the RUN splitter with untrusted text. Under plain {@code mvn test} it replays the seed
 * corpus in {@code src/test/resources/dev/strata/shell/ShellParserFuzzTestInputs/}.
 */
class ShellParserFuzzTest {
    private static final Map<String, String> VARS = Map.of("V", "1.2", "W", "a b");

    @FuzzTest
    void splitter(FuzzedDataProvider data) {
        char escape = data.consumeBoolean() ? '\\' : '`';
        String text = data.consumeRemainingAsString();
        try {
            ShellParser.parseRun(text, 3, escape, VARS);
        } catch (ShellSyntaxException expected) {
            if (expected.offset() < 3 || expected.offset() > 3 + text.length()) {
                throw new IllegalStateException("offset outside the text: " + expected.offset());
            }
        }
        Script lenient = ShellParser.parseRunLenient(text, 3, escape, VARS);
        String source = "RUN" + text;
        for (SimpleCommand c : lenient.commands()) {
            for (ShellWord w : c.words()) {
                if (!source.substring(w.start(), w.end()).equals(w.raw())) {
                    throw new IllegalStateException("span does not match raw text: " + w);
                }
            }
            ToolCalls.recognize(c, lenient);
        }
    }
}
