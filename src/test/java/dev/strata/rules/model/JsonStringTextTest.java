package dev.strata.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonStringTextTest {
    @Test
    void everyDecodedCharMapsBackToItsEscape() {
        String src = "x \"a\\\"b\\n\\u0041\\\\/\" y";
        int from = src.indexOf('"');
        int to = src.lastIndexOf('"') + 1;
        JsonStringText t = JsonStringText.decode(src, from, to);
        assertThat(t).isNotNull();
        assertThat(t.text()).isEqualTo("a\"b\nA\\/");
        for (int i = 0; i < t.text().length(); i++) {
            String piece = src.substring(t.start()[i], t.end()[i]);
            assertThat(piece).as("char %d", i).isIn(String.valueOf(t.text().charAt(i)), "\\\"", "\\n", "\\u0041", "\\\\");
        }
        assertThat(src.substring(t.start()[4], t.end()[4])).isEqualTo("\\u0041");
    }

    @Test
    void notOneJsonStringIsNull() {
        assertThat(JsonStringText.decode("\"a\\\n b\"", 0, 7)).isNull();
        assertThat(JsonStringText.decode("\"a\\x\"", 0, 5)).isNull();
        assertThat(JsonStringText.decode("'a'", 0, 3)).isNull();
        assertThat(JsonStringText.decode("\"\\u00g1\"", 0, 8)).isNull();
    }
}
