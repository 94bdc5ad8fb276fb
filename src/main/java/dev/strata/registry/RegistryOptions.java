package dev.strata.registry;

import java.time.Duration;
import java.util.Set;

/**
 * How the client talks to registries.
 *
 * @param timeout connect and per-request timeout
 * @param maxAttempts attempts per request on 429, 5xx and connection failures (at least 1)
 * @param initialBackoff wait before the first retry; doubled each time, capped at 30 s, and a
 *     server's {@code Retry-After} wins when longer
 * @param plainHttpHosts registries reached over plain HTTP besides loopback ones (Docker's
 *     "insecure registries")
 * @param sleeper how to wait between attempts (tests substitute one that does not sleep)
 */
public record RegistryOptions(
        Duration timeout, int maxAttempts, Duration initialBackoff, Set<String> plainHttpHosts, Sleeper sleeper) {

    /** Waits between retries. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public RegistryOptions {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        plainHttpHosts = Set.copyOf(plainHttpHosts);
    }

    public static RegistryOptions defaults() {
        return new RegistryOptions(Duration.ofSeconds(30), 4, Duration.ofMillis(500), Set.of(), d -> Thread.sleep(d.toMillis()));
    }

    public RegistryOptions withTimeout(Duration t) {
        return new RegistryOptions(t, maxAttempts, initialBackoff, plainHttpHosts, sleeper);
    }

    public RegistryOptions withMaxAttempts(int n) {
        return new RegistryOptions(timeout, n, initialBackoff, plainHttpHosts, sleeper);
    }

    public RegistryOptions withSleeper(Sleeper s) {
        return new RegistryOptions(timeout, maxAttempts, initialBackoff, plainHttpHosts, s);
    }

    public RegistryOptions withPlainHttpHosts(Set<String> hosts) {
        return new RegistryOptions(timeout, maxAttempts, initialBackoff, hosts, sleeper);
    }
}
