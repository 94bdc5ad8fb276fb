package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's real {@code docker-credential-pass} (package golang-docker-credential-helpers) over a
 * throwaway gpg key and {@code pass} store, feeding credentials to a basic-auth distribution
 * registry.
 */
@Tag("integration")
class PassCredentialHelperIntegrationTest {
    private static final Path HELPER = Path.of("/usr/bin/docker-credential-pass");

    @TempDir Path tmp;

    private static String run(Map<String, String> env, String stdin, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    @Test
    void credentialsStoredInPassOpenABasicAuthRegistry() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(HELPER), "docker-credential-pass not installed (Debian package golang-docker-credential-helpers)");
        Assumptions.assumeTrue(LocalRegistry.onPath("pass") && LocalRegistry.onPath("gpg"), "pass or gpg not installed");
        LocalRegistry.assumeAvailable();
        Path gnupg = Files.createDirectories(tmp.resolve("gnupg"));
        Files.setPosixFilePermissions(gnupg, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env = Map.of("GNUPGHOME", gnupg.toString(), "PASSWORD_STORE_DIR", tmp.resolve("store").toString());
        try {
            run(env, "", "gpg", "--batch", "--quiet", "--pinentry-mode", "loopback", "--passphrase", "",
                    "--quick-gen-key", "strata-test@example.invalid", "default", "default", "never");
            String fingerprint = run(env, "", "gpg", "--list-keys", "--with-colons").lines()
                    .filter(l -> l.startsWith("fpr:")).map(l -> l.split(":")[9]).findFirst().orElseThrow();
            run(env, "", "pass", "init", fingerprint);

            try (LocalRegistry registry = LocalRegistry.start(tmp.resolve("reg"), "dave", "pw-in-pass-7")) {
                OciLayoutWriter layout = new OciLayoutWriter(tmp.resolve("oci"));
                OciLayoutWriter.Blob manifest = layout.image("private", "linux", "amd64");
                layout.tag(manifest, "v1");
                registry.push(layout.dir(), "v1", "team/private", false);
                run(env, "{\"ServerURL\":\"" + registry.host() + "\",\"Username\":\"dave\",\"Secret\":\"pw-in-pass-7\"}",
                        HELPER.toString(), "store");

                // The helper finds the throwaway store through its environment: a wrapper on the test's search path sets it.
                Path bin = Files.createDirectories(tmp.resolve("bin"));
                Path wrapper = bin.resolve("docker-credential-pass");
                Files.writeString(wrapper, "#!/bin/sh\nexport GNUPGHOME='" + gnupg + "' PASSWORD_STORE_DIR='" + tmp.resolve("store")
                        + "'\nexec " + HELPER + " \"$@\"\n");
                Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
                Path config = Files.createDirectories(tmp.resolve("docker")).resolve("config.json");
                Files.writeString(config, "{\"auths\":{\"" + registry.host() + "\":{}},\"credsStore\":\"pass\"}");
                DockerConfigCredentials creds = DockerConfigCredentials.read(config, new CredentialHelpers(List.of(bin), Duration.ofSeconds(30)));

                assertThat(creds.forRegistry(registry.host())).contains(new Credentials("dave", "pw-in-pass-7"));
                assertThat(creds.forRegistry("127.0.0.1:1")).isEmpty();
                assertThat(creds.problem("127.0.0.1:1")).isEmpty();
                ImageReference ref = ImageReference.parse(registry.host() + "/team/private:v1");
                assertThat(new RegistryClient(RegistryOptions.defaults(), creds).resolve(ref).digest()).isEqualTo(manifest.digest());
            }
        } finally {
            ProcessBuilder stopAgent = new ProcessBuilder("gpgconf", "--kill", "all").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            stopAgent.environment().putAll(env);
            stopAgent.start().waitFor();
        }
    }
}
