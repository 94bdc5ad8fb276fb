package dev.strata.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Deeply nested and oversized inputs end in a located problem, never a stack overflow. */
class HostileInputTest {

    private static final int DEPTH = 100_000;

    @Test
    void deepJsonNotebook() {
        NotebookCheck check = NotebookCheck.check("n.ipynb", "[".repeat(DEPTH));
        assertThat(check.status()).isEqualTo(LayerStatus.PARTIAL);
        assertThat(check.evidence().get(0).statement()).startsWith("notebook is not valid JSON");
    }

    @Test
    void deepYamlEnvironment() {
        CondaEnvironment env = CondaEnvironment.parse("environment.yml", "a: " + "[".repeat(DEPTH));
        assertThat(env.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("malformed YAML"));
    }

    @Test
    void deepTomlLock() {
        LockFile lock = LockFiles.uvLock("uv.lock", "a = " + "[".repeat(DEPTH));
        assertThat(lock.packages()).isEmpty();
        assertThat(lock.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("malformed TOML"));
    }

    @Test
    void longRequirementLinesAndManyContinuations() {
        String longName = "a".repeat(1_000_000);
        RequirementsFile file = RequirementsFile.parse("r.txt", longName + "==1\n" + "x==1 \\\n".repeat(50_000) + "\n");
        // The continuations join into one logical line starting at line 2, which is not a valid requirement.
        assertThat(file.requirements()).hasSize(1);
        assertThat(file.requirements().get(0).name()).hasSize(1_000_000);
        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message().length()).isLessThan(200);
        });
    }

    @Test
    void aliasesInYamlAreNotExpanded() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append("]\n");
        }
        bomb.append("dependencies: [python]\n");
        CondaEnvironment env = CondaEnvironment.parse("environment.yml", bomb.toString());
        assertThat(env.dependencies()).extracting(CondaDependency::name).containsExactly("python");
    }
}
