package dev.strata.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Untrusted bytes into the requirements and notebook readers. Under plain {@code mvn test} Jazzer
 * replays the seed corpus in {@code ProjectReadersFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes. The contract: lenient readers never throw, the strict
 * requirements parser throws nothing but {@link ProjectParseException}.
 */
class ProjectReadersFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void requirements(byte[] input) {
        String text = ProjectFiles.decode(input);
        RequirementsFile file = RequirementsFile.parse("requirements.txt", text);
        for (Requirement r : file.requirements()) {
            assertThat(r.line()).isPositive();
            assertThat(r.name()).isNotNull();
        }
        try {
            RequirementsFile.parseStrict("requirements.txt", text);
        } catch (ProjectParseException expected) {
            assertThat(expected.file()).isEqualTo("requirements.txt");
        }
        CondaEnvironment.parse("environment.yml", text);
    }

    @FuzzTest(maxDuration = "30s")
    void notebook(byte[] input) {
        NotebookCheck check = NotebookCheck.check("n.ipynb", new String(input, StandardCharsets.UTF_8));
        assertThat(check.status()).isIn(LayerStatus.LOCKED, LayerStatus.PARTIAL);
        assertThat(check.evidence()).isNotEmpty();
    }
}
