package dev.strata.cli;

import dev.strata.lock.DownloadResolver;
import dev.strata.lock.GitResolver;
import dev.strata.lock.PythonIndex;
import dev.strata.registry.CredentialSource;
import dev.strata.registry.DockerConfigCredentials;
import dev.strata.registry.RegistryClient;
import dev.strata.registry.RegistryOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Network options shared by {@code lock} and {@code drift}. */
public final class RemoteOptions {
    @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
            description = "Reach this registry over plain HTTP (loopback registries always are). Repeatable.")
    List<String> insecureRegistries = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Connect and request timeout for registries, downloads and git (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--index-url", paramLabel = "URL",
            description = "PEP 691 JSON simple index for Python hashes and checks (e.g. https://pypi.org/simple).")
    String indexUrl;

    Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    RegistryClient registry() throws IOException {
        CredentialSource creds = DockerConfigCredentials.fromEnvironment();
        return new RegistryClient(RegistryOptions.defaults().withTimeout(timeout()).withPlainHttpHosts(Set.copyOf(insecureRegistries)), creds);
    }

    DownloadResolver downloads() {
        return new DownloadResolver(timeout(), 3);
    }

    GitResolver git() {
        return new GitResolver(timeout().multipliedBy(4));
    }

    PythonIndex pythonIndex() {
        return indexUrl == null ? null : new PythonIndex(indexUrl, timeout());
    }
}
