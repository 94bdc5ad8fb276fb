package dev.strata.registry;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fully qualified image reference, normalised with Docker's rules: {@code python} is
 * {@code docker.io/library/python:latest}; {@code index.docker.io} is {@code docker.io}; the first
 * path component is a registry host only when it contains a dot or a colon or is
 * {@code localhost}.
 *
 * @param registry registry host (and port) as named, {@code docker.io} for Docker Hub
 * @param repository repository path, {@code library/} prefixed for official Docker Hub images
 * @param tag the tag, or null when only a digest was given
 * @param digest the digest ({@code sha256:…}), or null
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

    public static final String DOCKER_HUB = "docker.io";

    private static final Pattern REPOSITORY =
            Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}");
    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

    public ImageReference {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        if (tag == null && digest == null) {
            throw new IllegalArgumentException("a reference needs a tag or a digest");
        }
    }

    /**
     * Parses a reference as written in {@code FROM} or on a command line.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static ImageReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty image reference");
        }
        String rest = text.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw new IllegalArgumentException("invalid digest '" + digest + "' in " + text);
            }
            if (digest.startsWith("sha256:") && !SHA256.matcher(digest).matches()) {
                throw new IllegalArgumentException("invalid sha256 digest '" + digest + "' in " + text);
            }
        }
        String tag = null;
        int lastSlash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > lastSlash) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("invalid tag '" + tag + "' in " + text);
            }
        }
        String registry = DOCKER_HUB;
        String repository = rest;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first.toLowerCase(Locale.ROOT);
                repository = rest.substring(slash + 1);
            }
        }
        if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
            registry = DOCKER_HUB;
        }
        if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
            repository = "library/" + repository;
        }
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException("invalid repository name '" + repository + "' in " + text);
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new ImageReference(registry, repository, tag, digest);
    }

    /**
     * Whether the reference names Docker Hub ({@code python}, {@code library/python},
     * {@code docker.io/…} and {@code index.docker.io/…} all normalise to {@code docker.io}).
     */
    public boolean isDockerHub() {
        return registry.equals(DOCKER_HUB);
    }

    /** The host (and port) the distribution API is served from. */
    public String endpointHost() {
        return registry.equals(DOCKER_HUB) ? "registry-1.docker.io" : registry;
    }

    /** Whether the registry is on this machine, where Docker also allows plain HTTP. */
    public boolean isLoopback() {
        String host = registry.startsWith("[") ? registry.substring(0, registry.indexOf(']') + 1) : registry.split(":")[0];
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    /** The manifest reference used in the URL: the digest when known, else the tag. */
    public String manifestReference() {
        return digest != null ? digest : tag;
    }

    /** The same image addressed by digest (the tag is kept for readability). */
    public ImageReference withDigest(String newDigest) {
        return new ImageReference(registry, repository, tag, newDigest);
    }

    /** The same repository and tag, without a digest. */
    public ImageReference withoutDigest() {
        return new ImageReference(registry, repository, tag == null ? "latest" : tag, null);
    }

    /** Canonical form: {@code registry/repository[:tag][@digest]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(registry).append('/').append(repository);
        if (tag != null) {
            s.append(':').append(tag);
        }
        if (digest != null) {
            s.append('@').append(digest);
        }
        return s.toString();
    }
}
