package dev.strata.cli;

import dev.strata.lock.DownloadResolver;
import dev.strata.lock.GitResolver;
import dev.strata.lock.PythonIndex;
import dev.strata.lock.ResolutionException;
import dev.strata.registry.CredentialHelpers;
import dev.strata.registry.CredentialSource;
import dev.strata.registry.DockerConfigCredentials;
import dev.strata.registry.RegistryClient;
import dev.strata.registry.RegistryMirror;
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

    @Option(names = "--registry-mirror", paramLabel = "URL",
            description = {"Resolve Docker Hub images (python:3.11, docker.io/..., index.docker.io/...) against this pull-through mirror"
                    + " instead of registry-1.docker.io, like Docker's registry-mirrors setting. The lock keeps the docker.io reference"
                    + " and records the mirror as where it was resolved from; an image the mirror lacks is an error, Docker Hub is not"
                    + " asked instead. Plain http:// only for loopback mirrors or with --insecure-registry."})
    String registryMirror;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Connect and request timeout for registries, downloads and git (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--index-url", paramLabel = "URL",
            description = "PEP 691 JSON simple index for Python hashes and checks (e.g. https://pypi.org/simple).")
    String indexUrl;

    @Option(names = "--docker-config", paramLabel = "DIR",
            description = "Directory holding Docker's config.json with registry credentials, inline or through credsStore/credHelpers"
                    + " credential helpers run from PATH (default: $DOCKER_CONFIG, else ~/.docker).")
    java.nio.file.Path dockerConfig;

    Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    RegistryClient registry() throws IOException, ResolutionException {
        java.nio.file.Path file = dockerConfig == null ? null : dockerConfig.resolve("config.json");
        CredentialHelpers helpers = CredentialHelpers.onSystemPath(timeout());
        CredentialSource creds = file == null ? DockerConfigCredentials.fromEnvironment(helpers)
                : java.nio.file.Files.isRegularFile(file) ? DockerConfigCredentials.read(file, helpers) : CredentialSource.anonymous();
        RegistryMirror mirror;
        try {
            mirror = registryMirror == null ? null : RegistryMirror.parse(registryMirror, Set.copyOf(insecureRegistries));
        } catch (IllegalArgumentException e) {
            throw new ResolutionException("--registry-mirror: " + e.getMessage());
        }
        return new RegistryClient(RegistryOptions.defaults().withTimeout(timeout()).withPlainHttpHosts(Set.copyOf(insecureRegistries)),
                creds, mirror);
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
