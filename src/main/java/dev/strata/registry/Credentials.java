package dev.strata.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A user name and password, or an identity token, for one registry. An identity token (what a
 * credential helper returns with the user name {@code <token>}) is an OAuth refresh token: it is
 * exchanged for a bearer token at the registry's token service and never sent as a password.
 * {@link #toString()} never shows the secret, so credentials can not leak into logs or exception
 * messages.
 */
public final class Credentials {
    /** The user name credential helpers use to mark the secret as an identity token. */
    public static final String IDENTITY_TOKEN_USERNAME = "<token>";

    private final String username;
    private final String password;
    private final boolean identityToken;

    public Credentials(String username, String password) {
        this(username, password, false);
    }

    private Credentials(String username, String password, boolean identityToken) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.identityToken = identityToken;
    }

    /** An identity (refresh) token, as Docker stores it after {@code docker login} with a token flow. */
    public static Credentials identityToken(String token) {
        return new Credentials(IDENTITY_TOKEN_USERNAME, token, true);
    }

    public String username() {
        return username;
    }

    /** Whether the secret is an identity token rather than a password. */
    public boolean isIdentityToken() {
        return identityToken;
    }

    /** The secret, for the registry client's token exchange only. */
    String secret() {
        return password;
    }

    /**
     * The value of an {@code Authorization: Basic} header. Not defined for an identity token, which
     * is only ever sent to a token service as a refresh token.
     */
    public String basicAuthorization() {
        if (identityToken) {
            throw new IllegalStateException("an identity token is not a password");
        }
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return identityToken ? "Credentials[identity token ***]" : "Credentials[" + username + ", ***]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && c.username.equals(username) && c.password.equals(password)
                && c.identityToken == identityToken;
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, password, identityToken);
    }
}
