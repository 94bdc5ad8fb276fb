package dev.strata.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DockerignoreMissingRuleTest {
    private static final String ID = "dockerignore-missing";

    @TestFactory
    Stream<DynamicTest> fixtures() throws Exception {
        return RuleCases.all(ID);
    }

    @Test
    void metadata() {
        assertThat(new DockerignoreMissingRule().info().id()).isEqualTo(ID);
        assertThat(RuleCatalog.ids()).contains(ID);
    }

    @Test
    void fixListsWhatToIgnore() {
        Finding f = RuleCases.findings(ID, "no-dockerignore").get(0);
        assertThat(f.fix()).startsWith("add a .dockerignore").contains("\n.git\n").contains("\ndata/\n");
        assertThat(List.of(f.severity())).containsExactly(Severity.WARNING);
    }
}
