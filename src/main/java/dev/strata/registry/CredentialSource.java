package dev.strata.registry;

import java.util.Optional;

/** Where the client looks up credentials for a registry host. */
@FunctionalInterface
public interface CredentialSource {
    /** Credentials for {@code registry} (as in {@link ImageReference#registry()}), if any. */
    Optional<Credentials> forRegistry(String registry);

    /**
     * Why looking up credentials for {@code registry} failed, when it did (a credential helper that
     * is missing, crashed, hung or answered garbage); the lookup then yields no credentials, as
     * Docker does, and the client names this reason if the registry refuses anonymous access.
     * Never contains a secret.
     */
    default Optional<String> problem(String registry) {
        return Optional.empty();
    }

    /** No credentials anywhere: anonymous access only. */
    static CredentialSource anonymous() {
        return registry -> Optional.empty();
    }
}
