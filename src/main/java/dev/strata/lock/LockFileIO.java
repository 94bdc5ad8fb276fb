package dev.strata.lock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.strata.registry.ImageReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code strata.lock}: block-style YAML, one fact per line, keys in a fixed order
 * and lists sorted, so re-locking an unchanged project gives identical bytes and a moved input
 * shows as a one-line diff. Reading is strict: unknown keys, missing fields, malformed digests or
 * contradictory entries are rejected with a message naming the problem.
 */
public final class LockFileIO {
    public static final String FILE_NAME = "strata.lock";
    static final String HEADER = "# strata.lock: written by `strata lock`, read by `strata pin` and `strata drift`.\n"
            + "# Format: docs/lock-file.md. Commit it next to the Dockerfile; edit it only by re-running `strata lock`.\n";

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    static final Set<String> ECOSYSTEMS = Set.of("apt", "apk", "rpm", "pip", "conda", "npm", "r");

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private LockFileIO() {}

    /** The lock's canonical text. */
    public static String write(LockFile lock) {
        try {
            return HEADER + YAML.writeValueAsString(lock.sorted());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a lock model always serialises", e);
        }
    }

    /** Parses and validates lock text; {@code name} is used in messages. */
    public static LockFile parse(String text, String name) throws LockFileException {
        LockFile lock;
        try {
            lock = YAML.readValue(text, LockFile.class);
        } catch (JsonMappingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new LockFileException(name + ": not a valid lock file" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LockFileException(name + ": not a valid lock file: " + firstLine(e.getMessage()));
        }
        if (lock == null) {
            throw new LockFileException(name + ": empty lock file");
        }
        validate(lock, name);
        return lock;
    }

    /** Reads and validates a lock file. */
    public static LockFile read(Path file) throws LockFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LockFileException(file + ": cannot read lock file (" + e.getClass().getSimpleName() + ")");
        }
        return parse(text, file.toString());
    }

    private static void validate(LockFile lock, String name) throws LockFileException {
        if (lock.lockVersion() != LockFile.VERSION) {
            throw new LockFileException(name + ": lockVersion " + lock.lockVersion() + " is not supported (this strata reads " + LockFile.VERSION + ")");
        }
        LockedDockerfile df = lock.dockerfile();
        require(df != null, name, "missing 'dockerfile'");
        require(df.path() != null && !df.path().isBlank(), name, "dockerfile.path is empty");
        require(df.sha256() != null && HEX64.matcher(df.sha256()).matches(), name, "dockerfile.sha256 is not 64 hex digits");
        Map<String, String> imageDigests = new HashMap<>();
        for (ImageLock i : lock.images()) {
            String what = "image '" + i.reference() + "'";
            require(i.reference() != null, name, "an image entry has no reference");
            try {
                ImageReference.parse(i.reference());
                ImageReference.parse(i.canonical() == null ? "" : i.canonical());
            } catch (IllegalArgumentException e) {
                throw new LockFileException(name + ": " + what + ": " + e.getMessage());
            }
            require(i.digest() != null && DIGEST.matcher(i.digest()).matches(), name, what + ": digest is not sha256:<64 hex>");
            for (PlatformLock p : i.platforms()) {
                require(p.platform() != null && p.platform().contains("/"), name, what + ": platform '" + p.platform() + "' is not os/arch");
                require(p.digest() != null && DIGEST.matcher(p.digest()).matches(), name, what + ": digest of " + p.platform() + " is not sha256:<64 hex>");
            }
            requireTime(i.resolvedAt(), name, what);
            String previous = imageDigests.put(i.reference(), i.digest());
            require(previous == null || previous.equals(i.digest()), name, what + " is locked to two different digests");
        }
        for (DownloadLock d : lock.downloads()) {
            String what = "download '" + d.url() + "'";
            require(d.url() != null && (d.url().startsWith("http://") || d.url().startsWith("https://")), name, what + ": url is not http(s)");
            require(d.sha256() != null && HEX64.matcher(d.sha256()).matches(), name, what + ": sha256 is not 64 hex digits");
            require(d.size() >= 0, name, what + ": negative size");
            requireTime(d.resolvedAt(), name, what);
        }
        for (GitLock g : lock.git()) {
            String what = "git '" + g.url() + "'";
            require(g.url() != null && !g.url().isBlank(), name, "a git entry has no url");
            require(g.ref() != null && !g.ref().isBlank(), name, what + ": ref is empty");
            require(g.commit() != null && COMMIT.matcher(g.commit()).matches(), name, what + ": commit is not a full hex object id");
            requireTime(g.resolvedAt(), name, what);
        }
        for (PackageLock p : lock.packages()) {
            String what = "package '" + p.name() + "'";
            require(p.ecosystem() != null && ECOSYSTEMS.contains(p.ecosystem()), name, what + ": unknown ecosystem '" + p.ecosystem() + "'");
            require(p.name() != null && !p.name().isBlank() && !p.name().contains(" "), name, what + ": invalid name");
            require(p.version() != null && !p.version().isBlank() && !p.version().contains(" "), name, what + ": invalid version");
            for (String h : p.hashes()) {
                require(DIGEST.matcher(h).matches(), name, what + ": hash '" + h + "' is not sha256:<64 hex>");
            }
            for (String r : p.repositories()) {
                // rpm repositories known only by their mirror list are recorded as mirrorlist:<url> or metalink:<url>
                require(r != null && r.matches("((mirrorlist|metalink):)?https?://[^\\s]+")
                        && ("rpm".equals(p.ecosystem()) || r.matches("https?://[^\\s]+")), name, what + ": repository '" + r + "' is not an http(s) URL");
            }
            requireTime(p.resolvedAt(), name, what);
        }
        for (AptSnapshot s : lock.aptSnapshots()) {
            require(s.timestamp() != null && s.timestamp().matches("\\d{8}T\\d{6}Z"), name, "apt snapshot timestamp '" + s.timestamp() + "' is not YYYYMMDDTHHMMSSZ");
            require("debian".equals(s.distribution()) || "ubuntu".equals(s.distribution()), name, "apt snapshot distribution '" + s.distribution() + "' is not debian or ubuntu");
            require(s.suite() != null && s.suite().matches("[a-z]+"), name, "apt snapshot suite '" + s.suite() + "' is not a release codename");
            require(s.url() != null && s.url().matches("https?://[^\\s'\"\\\\]+/(archive/debian|ubuntu)/" + s.timestamp() + "/"), name,
                    "apt snapshot url '" + s.url() + "' is not a snapshot archive URL (<service>/archive/debian/<timestamp>/ or <service>/ubuntu/<timestamp>/)");
            for (String c : s.componentList()) {
                require(c.matches("[a-z0-9][a-z0-9-]*"), name, "apt snapshot component '" + c + "' is not an archive component name");
            }
            for (String b : s.baseList()) {
                require(!b.isBlank() && !b.contains(" "), name, "apt snapshot base '" + b + "' is not an image reference");
            }
        }
        validateCran(lock.cranSnapshot(), name);
    }

    private static void validateCran(CranSnapshot s, String name) throws LockFileException {
        if (s == null) {
            return;
        }
        require(s.date() != null && s.date().matches("\\d{4}-\\d{2}-\\d{2}"), name, "cranSnapshot date '" + s.date() + "' is not YYYY-MM-DD");
        require(CranSnapshot.validUrl(s.url(), s.date()), name, "cranSnapshot url '" + s.url()
                + "' is not " + CranSnapshot.POSIT_CRAN + "<date> (or its __linux__/<codename>/<date> variant) for its date");
    }

    private static void requireTime(String value, String name, String what) throws LockFileException {
        try {
            Instant.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw new LockFileException(name + ": " + what + ": resolvedAt '" + value + "' is not an ISO-8601 instant");
        }
    }

    private static void require(boolean ok, String name, String problem) throws LockFileException {
        if (!ok) {
            throw new LockFileException(name + ": " + problem);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
