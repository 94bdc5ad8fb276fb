package dev.strata.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Validates rebuild JSON against the published schema, docs/schema/rebuild.schema.json. */
public final class RebuildSchemaCheck {
    private RebuildSchemaCheck() {}

    /** The validation messages for {@code json}; empty when it conforms. */
    public static Set<ValidationMessage> validate(String json) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("docs/schema/rebuild.schema.json")));
        return schema.validate(new ObjectMapper().readTree(json));
    }
}
