package dev.strata.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Runs Docker credential helpers ({@code docker-credential-<name> get}) the way the Docker CLI
 * does: the server URL on standard input, a JSON object {@code {"ServerURL","Username","Secret"}}
 * on standard output (field names matched case-insensitively, like Go's JSON decoder), the exact
 * output {@code credentials not found in native keychain} with a failing exit meaning "no
 * credentials". Unlike Docker, a helper that does not answer within the timeout is killed.
 * Helpers are looked up on an explicit search path, so tests (and callers) decide what runs.
 */
public final class CredentialHelpers {
    /** What every helper prints (and exits non-zero) when it holds nothing for the server. */
    public static final String NOT_FOUND_MESSAGE = "credentials not found in native keychain";
    private static final String PROGRAM_PREFIX = "docker-credential-";
    private static final int MAX_OUTPUT = 1 << 20;
    private static final Pattern HELPER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Path> searchPath;
    private final Duration timeout;

    /**
     * @param searchPath directories searched in order for {@code docker-credential-<name>}
     * @param timeout how long one helper may take before it is killed and reported as hung
     */
    public CredentialHelpers(List<Path> searchPath, Duration timeout) {
        this.searchPath = List.copyOf(searchPath);
        this.timeout = timeout;
    }

    /** Helpers found on this process's {@code PATH}. */
    public static CredentialHelpers onSystemPath(Duration timeout) {
        String path = System.getenv("PATH");
        List<Path> dirs = new ArrayList<>();
        if (path != null) {
            for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
                if (!dir.isEmpty()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        return new CredentialHelpers(dirs, timeout);
    }

    /**
     * Asks helper {@code name} for the credentials of {@code serverUrl}; empty when the helper
     * holds none (or answers with an empty user name and secret).
     */
    public Optional<Credentials> get(String name, String serverUrl) throws CredentialHelperException {
        String program = PROGRAM_PREFIX + name;
        if (!HELPER_NAME.matcher(name).matches()) {
            throw new CredentialHelperException("credential helper name '" + name + "' is not a program name");
        }
        Path executable = locate(program).orElseThrow(() -> new CredentialHelperException(
                "credential helper " + program + " not found on PATH"));
        Process process;
        try {
            process = new ProcessBuilder(executable.toString(), "get").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new CredentialHelperException("credential helper " + program + " could not be started (" + e.getMessage() + ")");
        }
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readLimited(process.getInputStream()));
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // A helper may exit without reading its input; its exit status and output tell what happened.
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new CredentialHelperException("credential helper " + program + " did not answer within "
                        + timeout.toSeconds() + " s and was stopped");
            }
            byte[] out = stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String text = new String(out, StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                if (text.equals(NOT_FOUND_MESSAGE)) {
                    return Optional.empty();
                }
                throw new CredentialHelperException("credential helper " + program + " failed (exit status " + process.exitValue()
                        + (text.isEmpty() ? "" : ": " + firstLine(text)) + ")");
            }
            return parse(program, out);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new CredentialHelperException("credential helper " + program + " interrupted");
        } catch (ExecutionException | TimeoutException e) {
            kill(process);
            throw new CredentialHelperException("credential helper " + program + " output could not be read");
        }
    }

    private Optional<Path> locate(String program) {
        for (Path dir : searchPath) {
            Path candidate = dir.resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Reads the helper's answer; its bytes are never quoted in messages, since they may hold the secret. */
    private static Optional<Credentials> parse(String program, byte[] out) throws CredentialHelperException {
        JsonNode root;
        try {
            root = JSON.readTree(out);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw new CredentialHelperException("credential helper " + program + " answered with something that is not a credentials JSON object");
        }
        JsonNode username = field(root, "username");
        JsonNode secret = field(root, "secret");
        if ((username != null && !username.isTextual()) || (secret != null && !secret.isTextual())) {
            throw new CredentialHelperException("credential helper " + program + " answered with a non-text Username or Secret");
        }
        String user = username == null ? "" : username.asText();
        String pass = secret == null ? "" : secret.asText();
        if (user.isEmpty() && pass.isEmpty()) {
            return Optional.empty();
        }
        if (user.equals(Credentials.IDENTITY_TOKEN_USERNAME)) {
            return pass.isEmpty() ? Optional.empty() : Optional.of(Credentials.identityToken(pass));
        }
        return Optional.of(new Credentials(user, pass));
    }

    private static JsonNode field(JsonNode object, String lowerCaseName) {
        JsonNode exact = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
                exact = e.getValue();
            }
        }
        return exact;
    }

    private static byte[] readLimited(InputStream in) {
        try (in) {
            byte[] data = in.readNBytes(MAX_OUTPUT);
            in.transferTo(OutputStream.nullOutputStream());
            return data;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
