package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker credential helpers as the Docker CLI runs them, with helper programs written by the test
 * into a directory that is the only search path the code is given.
 */
class CredentialHelpersTest {
    @TempDir Path tmp;

    private Path bin() throws Exception {
        return Files.createDirectories(tmp.resolve("bin"));
    }

    /** Writes {@code docker-credential-<name>}: a shell script that logs its argument and stdin, then runs {@code body}. */
    private Path helper(String name, String body) throws Exception {
        Path file = bin().resolve("docker-credential-" + name);
        Files.writeString(file, "#!/bin/sh\nread -r server || true\nprintf '%s %s\\n' \"$1\" \"$server\" >> '"
                + tmp.resolve("calls-" + name) + "'\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private List<String> calls(String name) throws Exception {
        Path log = tmp.resolve("calls-" + name);
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private CredentialHelpers helpers() throws Exception {
        return new CredentialHelpers(List.of(tmp.resolve("empty"), bin()), Duration.ofSeconds(5));
    }

    private DockerConfigCredentials config(String json) throws Exception {
        Path file = tmp.resolve("config.json");
        Files.writeString(file, json);
        return DockerConfigCredentials.read(file, helpers());
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void helperGetsTheServerUrlOnStdinAndItsAnswerIsTheCredentials() throws Exception {
        helper("fake", "echo '{\"ServerURL\":\"'\"$server\"'\",\"Username\":\"alice\",\"Secret\":\"pw-from-helper\"}'");
        assertThat(helpers().get("fake", "registry.example:5000")).contains(new Credentials("alice", "pw-from-helper"));
        assertThat(calls("fake")).containsExactly("get registry.example:5000");
    }

    @Test
    void fieldNamesAreMatchedCaseInsensitivelyLikeGo() throws Exception {
        helper("lower", "echo '{\"serverurl\":\"x\",\"username\":\"bob\",\"secret\":\"s\"}'");
        assertThat(helpers().get("lower", "x")).contains(new Credentials("bob", "s"));
    }

    @Test
    void notFoundInKeychainMeansAnonymous() throws Exception {
        helper("empty", "echo 'credentials not found in native keychain'; exit 1");
        assertThat(helpers().get("empty", "ghcr.io")).isEmpty();
    }

    @Test
    void tokenUsernameIsAnIdentityToken() throws Exception {
        helper("tok", "echo '{\"ServerURL\":\"x\",\"Username\":\"<token>\",\"Secret\":\"refresh-abc\"}'");
        Optional<Credentials> creds = helpers().get("tok", "x");
        assertThat(creds).contains(Credentials.identityToken("refresh-abc"));
        assertThat(creds.get().isIdentityToken()).isTrue();
        assertThat(creds.get().toString()).doesNotContain("refresh-abc");
        assertThatThrownBy(() -> creds.get().basicAuthorization()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void crashIsAnErrorNamingTheHelperAndItsMessage() throws Exception {
        helper("crash", "echo 'error getting credentials: dbus not running'; exit 3");
        assertThatThrownBy(() -> helpers().get("crash", "x"))
                .isInstanceOf(CredentialHelperException.class)
                .hasMessageContaining("docker-credential-crash")
                .hasMessageContaining("exit status 3")
                .hasMessageContaining("dbus not running");
    }

    @Test
    void garbageOutputIsAnErrorThatDoesNotQuoteTheOutput() throws Exception {
        helper("garbage", "echo 'Username=alice Secret=leaked-secret'");
        assertThatThrownBy(() -> helpers().get("garbage", "x"))
                .isInstanceOf(CredentialHelperException.class)
                .hasMessageContaining("not a credentials JSON object")
                .hasMessageNotContaining("leaked-secret");
        helper("array", "echo '[\"leaked-secret\"]'");
        assertThatThrownBy(() -> helpers().get("array", "x")).hasMessageNotContaining("leaked-secret");
        helper("number", "echo '{\"Username\":\"a\",\"Secret\":12345}'");
        assertThatThrownBy(() -> helpers().get("number", "x")).hasMessageContaining("non-text").hasMessageNotContaining("12345");
    }

    @Test
    void hangingHelperIsStoppedAfterTheTimeout() throws Exception {
        helper("hang", "sleep 600");
        CredentialHelpers quick = new CredentialHelpers(List.of(bin()), Duration.ofMillis(300));
        assertThatThrownBy(() -> quick.get("hang", "x"))
                .isInstanceOf(CredentialHelperException.class)
                .hasMessageContaining("docker-credential-hang did not answer");
    }

    @Test
    void missingHelperIsAnError() throws Exception {
        bin();
        assertThatThrownBy(() -> helpers().get("absent", "x"))
                .isInstanceOf(CredentialHelperException.class)
                .hasMessage("credential helper docker-credential-absent not found on PATH");
        assertThatThrownBy(() -> helpers().get("../evil", "x")).hasMessageContaining("not a program name");
    }

    @Test
    void nonExecutableFileIsNotAHelper() throws Exception {
        Path file = helper("noexec", "echo '{}'");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> helpers().get("noexec", "x")).hasMessageContaining("not found on PATH");
    }

    @Test
    void credHelpersBeatsCredsStoreWhichBeatsAuths() throws Exception {
        helper("special", "echo '{\"Username\":\"special-user\",\"Secret\":\"s1\"}'");
        helper("store", "echo '{\"Username\":\"store-user\",\"Secret\":\"s2\"}'");
        DockerConfigCredentials creds = config("{\"auths\":{"
                + "\"ghcr.io\":{\"auth\":\"" + b64("inline:x") + "\"},"
                + "\"quay.io\":{\"auth\":\"" + b64("inline:y") + "\"}},"
                + "\"credsStore\":\"store\",\"credHelpers\":{\"ghcr.io\":\"special\"}}");
        assertThat(creds.forRegistry("ghcr.io")).contains(new Credentials("special-user", "s1"));
        assertThat(creds.forRegistry("quay.io")).contains(new Credentials("store-user", "s2"));
        assertThat(calls("special")).containsExactly("get ghcr.io");
        assertThat(calls("store")).containsExactly("get quay.io");
    }

    @Test
    void withOnlyCredHelpersOtherRegistriesUseAuths() throws Exception {
        helper("special", "echo '{\"Username\":\"special-user\",\"Secret\":\"s1\"}'");
        DockerConfigCredentials creds = config("{\"auths\":{\"quay.io\":{\"auth\":\"" + b64("inline:y") + "\"}},"
                + "\"credHelpers\":{\"ghcr.io\":\"special\"}}");
        assertThat(creds.forRegistry("quay.io")).contains(new Credentials("inline", "y"));
        assertThat(creds.forRegistry("ghcr.io")).contains(new Credentials("special-user", "s1"));
        assertThat(creds.forRegistry("example.org")).isEmpty();
        assertThat(calls("special")).containsExactly("get ghcr.io");
    }

    @Test
    void dockerHubIsAskedForWithTheIndexUrl() throws Exception {
        helper("store", "echo '{\"Username\":\"hub\",\"Secret\":\"s\"}'");
        helper("hubonly", "echo '{\"Username\":\"hub-special\",\"Secret\":\"s\"}'");
        DockerConfigCredentials creds = config("{\"credsStore\":\"store\",\"credHelpers\":{\"https://index.docker.io/v1/\":\"hubonly\"}}");
        assertThat(creds.forRegistry("docker.io")).contains(new Credentials("hub-special", "s"));
        assertThat(calls("hubonly")).containsExactly("get https://index.docker.io/v1/");
        assertThat(creds.forRegistry("127.0.0.1:5000")).contains(new Credentials("hub", "s"));
        assertThat(calls("store")).containsExactly("get 127.0.0.1:5000");
    }

    @Test
    void helperThatHoldsNothingDoesNotFallBackToInlineAuthsAsInDocker() throws Exception {
        helper("empty", "echo 'credentials not found in native keychain' ; exit 1");
        DockerConfigCredentials creds = config("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + b64("inline:x") + "\"}},\"credsStore\":\"empty\"}");
        assertThat(creds.forRegistry("ghcr.io")).isEmpty();
        assertThat(creds.problem("ghcr.io")).isEmpty();
    }

    @Test
    void failingHelperMeansNoCredentialsWithTheReasonKeptAndAnswersAreCached() throws Exception {
        helper("crash", "echo 'boom'; exit 2");
        DockerConfigCredentials creds = config("{\"credsStore\":\"crash\"}");
        assertThat(creds.forRegistry("ghcr.io")).isEmpty();
        assertThat(creds.problem("ghcr.io")).hasValueSatisfying(p -> assertThat(p)
                .contains("docker-credential-crash failed (exit status 2: boom)").contains("asked for ghcr.io"));
        assertThat(creds.forRegistry("ghcr.io")).isEmpty();
        assertThat(calls("crash")).hasSize(1);
        DockerConfigCredentials missing = config("{\"credsStore\":\"desktop\"}");
        assertThat(missing.forRegistry("docker.io")).isEmpty();
        assertThat(missing.problem("docker.io")).hasValue(
                "credential helper docker-credential-desktop not found on PATH (asked for https://index.docker.io/v1/)");
    }
}
