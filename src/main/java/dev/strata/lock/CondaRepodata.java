package dev.strata.lock;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * A conda channel subdirectory's {@code repodata.json}: {@code packages} ({@code .tar.bz2}) and
 * {@code packages.conda} map file names to records with {@code name}, {@code version} and
 * {@code build}. Read with a streaming parser: conda-forge's is hundreds of megabytes.
 */
final class CondaRepodata {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build();

    private CondaRepodata() {}

    /** The key of one exact build: {@code name version build}. */
    static String key(String name, String version, String build) {
        return name + " " + version + " " + (build == null ? "" : build);
    }

    /**
     * The keys of the records of {@code names} in a repodata.json document.
     *
     * @throws IndexStreams.IndexFormatException when it is not JSON or not a repodata object
     */
    static Set<String> parse(InputStream in, Set<String> names) throws IOException {
        Set<String> out = new HashSet<>();
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IndexStreams.IndexFormatException("not a conda repodata.json (no top-level object)");
            }
            boolean sawPackages = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ((field.equals("packages") || field.equals("packages.conda")) && value == JsonToken.START_OBJECT) {
                    sawPackages = true;
                    readRecords(p, names, out);
                } else {
                    p.skipChildren();
                }
            }
            if (!sawPackages) {
                throw new IndexStreams.IndexFormatException("not a conda repodata.json (no packages or packages.conda)");
            }
        } catch (JsonParseException e) {
            throw new IndexStreams.IndexFormatException("not a conda repodata.json (invalid JSON at line "
                    + e.getLocation().getLineNr() + ")");
        }
        return out;
    }

    /** Reads {@code "file": {record}} pairs up to the end of the object. */
    private static void readRecords(JsonParser p, Set<String> names, Set<String> out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String name = null;
            String version = null;
            String build = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_STRING) {
                    switch (field) {
                        case "name" -> name = p.getText();
                        case "version" -> version = p.getText();
                        case "build" -> build = p.getText();
                        default -> { }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (name != null && version != null && names.contains(name)) {
                out.add(key(name, version, build));
            }
        }
    }
}
