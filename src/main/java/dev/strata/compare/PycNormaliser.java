package dev.strata.compare;

import java.util.Arrays;

/**
 * Removes the source modification time from a compiled Python file's header, the one field that
 * differs when identical sources are byte-compiled on different days. Python 3.7+ (PEP 552) has a
 * 16-byte header: magic, flags, then either the source mtime and size (flags 0) or a source hash
 * (flags 1/3, already deterministic). Older Pythons keep the mtime right after the magic.
 */
final class PycNormaliser {
    private PycNormaliser() {}

    static byte[] normalise(byte[] pyc) {
        if (pyc.length < 8 || pyc[2] != '\r' || pyc[3] != '\n') {
            return pyc;
        }
        int magic = (pyc[0] & 0xff) | (pyc[1] & 0xff) << 8;
        byte[] out = Arrays.copyOf(pyc, pyc.length);
        if (magic >= 3392 && magic < 4000) {
            if (pyc.length < 16) {
                return pyc;
            }
            int flags = (pyc[4] & 0xff) | (pyc[5] & 0xff) << 8 | (pyc[6] & 0xff) << 16 | (pyc[7] & 0xff) << 24;
            if (flags != 0) {
                return pyc;
            }
            Arrays.fill(out, 8, 12, (byte) 0);
        } else {
            Arrays.fill(out, 4, 8, (byte) 0);
        }
        return out;
    }
}
