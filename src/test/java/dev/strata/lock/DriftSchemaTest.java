package dev.strata.lock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.strata.report.DriftJsonRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The drift JSON matches docs/schema/drift.schema.json. */
class DriftSchemaTest {
    static void assertValid(String json) throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs/schema/drift.schema.json")));
        Set<ValidationMessage> errors = schema.validate(new ObjectMapper().readTree(json));
        assertThat(errors).isEmpty();
    }

    @Test
    void everyStatusRendersValidJson() throws Exception {
        DriftReport report = new DriftReport("strata.lock", List.of(
                new DriftEntry("image", "python:3.11", DriftStatus.MOVED, "sha256:a", "sha256:b", "tag moved"),
                new DriftEntry("download", "https://x/y", DriftStatus.GONE, "ab", null, "HTTP 404"),
                new DriftEntry("git", "u#main", DriftStatus.OK, "c", "c", "same"),
                new DriftEntry("package", "apt:curl", DriftStatus.UNCHECKED, "1", null, "no archive")));
        String json = DriftJsonRenderer.render(report);
        assertValid(json);
        assertThat(new ObjectMapper().readTree(json).path("summary").path("gone").asInt()).isEqualTo(1);
        assertThat(report.exitCode(DriftReport.FailOn.GONE)).isEqualTo(1);
    }

    @Test
    void exitCodesFollowFailOn() {
        DriftReport moved = new DriftReport("l", List.of(new DriftEntry("git", "u#m", DriftStatus.MOVED, "a", "b", "moved")));
        assertThat(moved.exitCode(DriftReport.FailOn.GONE)).isZero();
        assertThat(moved.exitCode(DriftReport.FailOn.MOVED)).isEqualTo(1);
        assertThat(new DriftReport("l", List.of()).exitCode(DriftReport.FailOn.MOVED)).isZero();
    }
}
