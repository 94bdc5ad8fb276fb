package dev.strata.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * A pull-through mirror that Docker Hub references are resolved against instead of
 * registry-1.docker.io, like Docker's {@code registry-mirrors} daemon setting. Only Docker Hub
 * references are mirrored; the same repository path is asked for ({@code library/python}).
 *
 * @param url the mirror's base URL as given, without a trailing slash ({@code http://127.0.0.1:5000})
 * @param authority host and port as used for credentials ({@code 127.0.0.1:5000})
 */
public record RegistryMirror(String url, String authority) {

    /**
     * Parses a mirror URL. Plain {@code http://} is accepted only for loopback hosts and hosts the
     * user declared insecure, as for registries.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static RegistryMirror parse(String text, Set<String> plainHttpHosts) {
        URI uri;
        try {
            uri = new URI(text == null ? "" : text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("registry mirror '" + text + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("registry mirror '" + text + "' must be an http:// or https:// URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("registry mirror '" + text + "' must be scheme://host[:port] with no path");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String authority = uri.getPort() > 0 ? host + ":" + uri.getPort() : host;
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (scheme.equals("http") && !loopback && !plainHttpHosts.contains(authority)) {
            throw new IllegalArgumentException("registry mirror '" + text + "' uses plain HTTP; only loopback mirrors or ones given"
                    + " with --insecure-registry " + authority + " may");
        }
        return new RegistryMirror(scheme + "://" + authority, authority);
    }

    /** Whether this mirror serves {@code ref}: only Docker Hub references are mirrored. */
    public boolean serves(ImageReference ref) {
        return ref.isDockerHub();
    }
}
