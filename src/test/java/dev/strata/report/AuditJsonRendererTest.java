package dev.strata.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditJsonRendererTest {
    @Test
    void carriesTheContractFieldsInOrder() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(AuditJsonRenderer.render(SampleResults.mixed()));
        assertThat(doc.path("schemaVersion").asText()).isEqualTo("1");
        JsonNode f = doc.path("findings").get(0);
        assertThat(f.fieldNames()).toIterable()
                .containsExactly("rule", "hadolint", "severity", "layer", "file", "line", "column", "message", "fix");
        assertThat(doc.path("findings").get(1).get("hadolint").isNull()).isTrue();
        JsonNode l = doc.path("layers").get(0);
        assertThat(l.fieldNames()).toIterable().containsExactly("layer", "status", "evidence");
        assertThat(l.path("evidence").get(0).path("file").asText()).isEqualTo("Dockerfile");
        assertThat(doc.path("verdict").asText()).isEqualTo("will-drift");
        assertThat(doc.path("summary").path("warning").asInt()).isEqualTo(1);
    }

    @Test
    void matchesThePublishedSchema() throws Exception {
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs/schema/audit.schema.json")));
        for (var r : List.of(SampleResults.mixed(), SampleResults.clean())) {
            assertThat(schema.validate(new ObjectMapper().readTree(AuditJsonRenderer.render(r)))).isEmpty();
        }
    }
}
