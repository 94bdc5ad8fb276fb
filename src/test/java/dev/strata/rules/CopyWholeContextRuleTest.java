package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CopyWholeContextRuleTest {
    private static final String ID = "copy-whole-context";

    @TestFactory
    Stream<DynamicTest> fixtures() throws Exception {
        return RuleCases.all(ID);
    }

    @Test
    void metadata() {
        assertThat(new CopyWholeContextRule().info().id()).isEqualTo(ID);
        assertThat(RuleCatalog.ids()).contains(ID);
    }

    @Test
    void fixNamesWhatTheContextHolds() {
        Finding f = RuleCases.findings(ID, "copy-dot-dot").get(0);
        assertThat(f.fix()).isEqualTo("copy by name only what the image needs, e.g.\nCOPY run.py ./\nCOPY src/ ./src/");
        assertThat(f.layer()).isEqualTo(dev.strata.project.Layer.CONTAINER);
        assertThat(List.of(RuleCases.findings(ID, "add-dot").get(0).fix())).allMatch(s -> s.contains("ADD"));
    }
}
