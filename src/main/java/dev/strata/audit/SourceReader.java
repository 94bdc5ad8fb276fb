package dev.strata.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a text input (Dockerfile, requirements file) the audit is about to trust: refuses binary
 * files, text that is not UTF-8 (naming the line and column of the first bad byte) and files larger
 * than any real Dockerfile, so one bad file gives one clear message instead of a stack trace.
 */
public final class SourceReader {
    /** Larger than this is not a hand-written Dockerfile or requirements file. */
    public static final int MAX_BYTES = 1 << 20;

    private SourceReader() {}

    /**
     * Reads {@code file} as UTF-8 text.
     *
     * @param display the name used in messages (relative path as the user sees it)
     */
    public static String read(Path file, String display) throws AuditInputException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new AuditInputException(display + ": no such file");
        } catch (AccessDeniedException e) {
            throw new AuditInputException(display + ": permission denied");
        } catch (IOException e) {
            throw new AuditInputException(display + ": cannot read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new AuditInputException(display + ": larger than " + (MAX_BYTES >> 20)
                    + " MiB; not a hand-written build file (refusing to audit it)");
        }
        return decode(bytes, display);
    }

    /** Decodes bytes as UTF-8, rejecting NUL bytes and malformed sequences with their position. */
    public static String decode(byte[] bytes, String display) throws AuditInputException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                int[] lc = lineColumn(bytes, i);
                throw new AuditInputException(display + ":" + lc[0] + ":" + lc[1] + ": binary file (NUL byte), not a text file");
            }
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult cr = dec.decode(in, out, true);
        if (cr.isError()) {
            int[] lc = lineColumn(bytes, in.position());
            throw new AuditInputException(display + ":" + lc[0] + ":" + lc[1] + ": not UTF-8 text (byte 0x"
                    + String.format("%02X", bytes[in.position()] & 0xff) + ")");
        }
        try {
            CoderResult flush = dec.flush(out);
            if (flush.isError()) {
                flush.throwException();
            }
        } catch (CharacterCodingException e) {
            throw new AuditInputException(display + ": not UTF-8 text");
        }
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static int[] lineColumn(byte[] bytes, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                col = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        return new int[] {line, col};
    }
}
