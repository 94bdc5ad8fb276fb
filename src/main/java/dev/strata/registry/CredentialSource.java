package dev.strata.registry;

import java.util.Optional;

/** Where the client looks up credentials for a registry host. */
@FunctionalInterface
public interface CredentialSource {
    /** Credentials for {@code registry} (as in {@link ImageReference#registry()}), if any. */
    Optional<Credentials> forRegistry(String registry);

    /** No credentials anywhere: anonymous access only. */
    static CredentialSource anonymous() {
        return registry -> Optional.empty();
    }
}
