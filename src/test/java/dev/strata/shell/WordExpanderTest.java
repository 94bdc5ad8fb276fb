package dev.strata.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class WordExpanderTest {
    private static final WordExpander X = WordExpander.forEscape('\\');

    @Test
    void reportsUsedAndUnknownVariables() throws Exception {
        Expansion e = X.expand("${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}", Map.of("FOO", "xxx", "BAR", ""));
        assertThat(e.value()).isEqualTo("xxx  ccc");
        assertThat(e.usedVariables()).containsExactly("FOO", "BAR");
        assertThat(e.unknownVariables()).containsExactly("BAZ");
        assertThat(e.known()).isFalse();
    }

    @Test
    void patternModifiers() throws Exception {
        assertThat(X.expandToString("${FOO#*x*y}", Map.of("FOO", "xxyy"))).isEqualTo("y");
        assertThat(X.expandToString("${FOO##*x}", Map.of("FOO", "xxyy"))).isEqualTo("yy");
        assertThat(X.expandToString("${FOO%%\\**}", Map.of("FOO", "xx**"))).isEqualTo("xx");
        assertThat(X.expandToString("${FOO%y}", Map.of("FOO", "xxyy"))).isEqualTo("xxy");
        assertThat(X.expandToString("${FOO#()[]{\\}^$.\\*\\?|\\\\}", Map.of("FOO", "()[]{}^$.*?|\\x"))).isEqualTo("x");
        assertThat(X.expandToString("${FOO/$N/.} - ${FOO//$N/.}", Map.of("FOO", "/foo*/*/*.txt", "N", "\\*/")))
                .isEqualTo("/foo.*/*.txt - /foo..*.txt");
        assertThat(X.expandToString("${FOO//\\//\\/}", Map.of("FOO", "/tmp/foo.txt"))).isEqualTo("\\/tmp\\/foo.txt");
        assertThat(X.expandToString("${FOO/$B/ww}", Map.of("FOO", "xxyy", "B", ""))).isEqualTo("wwxxyy");
        assertThatThrownBy(() -> X.expand("${FOO:#x}", Map.of())).isInstanceOf(WordExpansionException.class);
        assertThatThrownBy(() -> X.expand("${FOO//ww}", Map.of("FOO", "x"))).isInstanceOf(WordExpansionException.class);
    }

    @Test
    void mandatoryVariables() throws Exception {
        assertThat(X.expandToString("${VAR?message here$ARG}", Map.of("VAR", "", "ARG", "x"))).isEmpty();
        assertThatThrownBy(() -> X.expand("${VAR:?message here$ARG}", Map.of("VAR", "", "ARG", "x")))
                .hasMessageContaining("message herex");
    }

    @Test
    void backtickEscapeAndOptions() throws Exception {
        WordExpander tick = WordExpander.forEscape('`');
        assertThat(tick.expandToString("a`$b c\\d", Map.of())).isEqualTo("a$b c\\d");
        assertThat(X.withRawQuotes(true).expandToString("'a' \"b\"", Map.of())).isEqualTo("'a' \"b\"");
        assertThat(X.withSkipUnsetEnv(true).expandToString("$A ${B} ${C:-x}", Map.of())).isEqualTo("$A ${B} ${C:-x}");
    }

    @Test
    void platformStyleDefaults() throws Exception {
        String release = "something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz";
        assertThat(X.expandToString(release, Map.of("VERSION", "v1", "TARGETOS", "linux", "TARGETARCH", "arm",
                "TARGETVARIANT", "v7"))).isEqualTo("something-v1.linux-arm-v7.tar.gz");
        assertThat(X.expandToString(release, Map.of("VERSION", "v1", "TARGETOS", "linux", "TARGETARCH", "arm64")))
                .isEqualTo("something-v1.linux-arm64.tar.gz");
    }
}
