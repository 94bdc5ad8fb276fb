package dev.strata.rules.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A parsed image reference {@code [registry/]repository[:tag][@sha256:digest]}.
 *
 * @param text the reference as resolved (variables substituted)
 * @param repository everything before the tag and digest
 * @param tag the tag, or null
 * @param digest the digest including its algorithm ({@code sha256:…}), or null
 */
public record ImageReference(String text, String repository, String tag, String digest) {

    /** Parses a reference; the parts are split, not validated against a registry. */
    public static ImageReference parse(String text) {
        String rest = text;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        int slash = rest.lastIndexOf('/');
        if (colon > slash) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageReference(text, rest, tag, digest);
    }

    public Optional<String> optionalTag() {
        return Optional.ofNullable(tag);
    }

    /** True when pinned by a content digest. */
    public boolean hasDigest() {
        return digest != null && !digest.isEmpty();
    }

    /** True for {@code scratch}, the empty image. */
    public boolean isScratch() {
        return repository.toLowerCase(Locale.ROOT).equals("scratch") && tag == null && digest == null;
    }

    /** True for the implicit or explicit {@code latest} tag without a digest. */
    public boolean floatsAsLatest() {
        return !hasDigest() && (tag == null || tag.equals("latest"));
    }
}
