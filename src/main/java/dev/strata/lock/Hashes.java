package dev.strata.lock;

import dev.strata.registry.Digests;
import java.util.HexFormat;

/** Hex SHA-256 of byte arrays. */
final class Hashes {
    private Hashes() {}

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(Digests.newSha256().digest(bytes));
    }
}
