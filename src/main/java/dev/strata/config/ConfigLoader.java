package dev.strata.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.strata.rules.Severity;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads {@code .strata.yaml}. Unknown keys and unknown rule ids are errors, not silently ignored. */
public final class ConfigLoader {
    /** The file name looked for in the audited directory when no {@code --config} is given. */
    public static final String FILE_NAME = ".strata.yaml";

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ConfigLoader() {}

    record RulesSection(List<String> disable, Map<String, String> severity) {}

    record PolicySection(@JsonProperty("digestPinning") Boolean digestPinning) {}

    record ConfigFile(RulesSection rules, PolicySection policy, List<String> skip) {}

    /**
     * Loads a configuration file.
     *
     * @param file the YAML file
     * @param knownRules every rule id, to reject misspelt ones
     */
    public static AuditConfig load(Path file, Set<String> knownRules) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        ConfigFile parsed;
        try {
            var tree = MAPPER.readTree(text);
            parsed = tree == null || tree.isMissingNode() || tree.isNull() ? null : MAPPER.readValue(text, ConfigFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(keyLocated(file, text, e) + "unknown key '" + e.getPropertyName() + "' (known: "
                    + String.join(", ", new TreeSet<>(e.getKnownPropertyIds().stream().map(Object::toString).toList()))
                    + ")");
        } catch (MismatchedInputException e) {
            throw new ConfigException(located(file, e) + "wrong type of value: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new ConfigException(located(file, e) + "not valid YAML: " + firstLine(e.getOriginalMessage()));
        }
        if (parsed == null) {
            return AuditConfig.defaults();
        }
        Set<String> disabled = new LinkedHashSet<>();
        Map<String, Severity> severities = new LinkedHashMap<>();
        if (parsed.rules() != null) {
            if (parsed.rules().disable() != null) {
                for (String id : parsed.rules().disable()) {
                    requireKnown(file, id, knownRules, "rules.disable");
                    disabled.add(id);
                }
            }
            if (parsed.rules().severity() != null) {
                for (Map.Entry<String, String> e : parsed.rules().severity().entrySet()) {
                    requireKnown(file, e.getKey(), knownRules, "rules.severity");
                    try {
                        severities.put(e.getKey(), Severity.parse(String.valueOf(e.getValue())));
                    } catch (IllegalArgumentException ex) {
                        throw new ConfigException(file + ": rules.severity." + e.getKey() + ": " + ex.getMessage());
                    }
                }
            }
        }
        boolean digestPinning = parsed.policy() == null || parsed.policy().digestPinning() == null
                || parsed.policy().digestPinning();
        List<String> skip = parsed.skip() == null ? List.of() : parsed.skip();
        for (String s : skip) {
            if (s == null || s.isBlank()) {
                throw new ConfigException(file + ": skip: empty pattern");
            }
        }
        return new AuditConfig(disabled, severities, digestPinning, skip);
    }

    private static void requireKnown(Path file, String id, Set<String> known, String where) throws ConfigException {
        if (id == null || !known.contains(id)) {
            throw new ConfigException(file + ": " + where + ": unknown rule '" + id + "' (see docs/rules/README.md)");
        }
    }

    /** Jackson locates an unknown key at the token after it; point at the key itself. */
    private static String keyLocated(Path file, String text, UnrecognizedPropertyException e) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?m)^([ \\t-]*)" + java.util.regex.Pattern.quote(e.getPropertyName()) + "\\s*:")
                .matcher(text);
        if (m.find()) {
            int line = 1;
            for (int i = 0; i < m.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return file + ":" + line + ":" + (m.end(1) - m.start() + 1) + ": ";
        }
        return located(file, e);
    }

    private static String located(Path file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 1) {
            return file + ": ";
        }
        return file + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
