package dev.strata.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 helpers and the "sha256:&lt;hex&gt;" digest syntax. */
final class Digests {
    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private Digests() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }

    static boolean isSha256(String digest) {
        return digest != null && SHA256.matcher(digest).matches();
    }

    /** The hex part of a validated "sha256:…" digest. */
    static String hex(String digest) {
        return digest.substring("sha256:".length());
    }

    static String format(byte[] sha) {
        return "sha256:" + HEX.formatHex(sha);
    }

    static String toHex(byte[] sha) {
        return HEX.formatHex(sha);
    }

    static String of(byte[] bytes) {
        return format(sha256().digest(bytes));
    }
}
