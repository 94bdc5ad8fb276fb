package dev.strata.shell;

import java.util.List;

/**
 * A verification of downloaded bytes: {@code sha256sum -c}, {@code shasum -a 256 -c},
 * {@code md5sum -c}, {@code echo "HASH  file" | sha256sum -c -}, {@code gpg --verify}.
 *
 * @param command        the command
 * @param tool           the tool ({@code sha256sum}, {@code shasum}, {@code cksum}, {@code gpg}, {@code cosign},
 *                       {@code minisign}); a sum computed inside a command substitution (to be compared) counts too
 * @param algorithm      {@code sha256}, {@code sha512}, {@code sha1}, {@code md5}, {@code blake2}, {@code gpg},
 *                       {@code cosign}, {@code minisign}, or cksum's {@code -a} value
 * @param checksumFiles  files holding the expected sums (or signatures), excluding stdin
 * @param checkedFiles   files named in inline checksum lines (from echo/printf/here-strings), when visible
 * @param expectedHashes hashes given inline, when visible
 */
public record ChecksumCheck(SimpleCommand command, String tool, String algorithm, List<ShellWord> checksumFiles,
                            List<String> checkedFiles, List<String> expectedHashes) implements ToolCall {
    public ChecksumCheck {
        checksumFiles = List.copyOf(checksumFiles);
        checkedFiles = List.copyOf(checkedFiles);
        expectedHashes = List.copyOf(expectedHashes);
    }
}
