package dev.strata.lock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;

/**
 * Pins a Dockerfile twice the way a user would (lock on disk, pin written, lock re-read), in a
 * temporary directory removed afterwards: what the idempotence properties assert on.
 *
 * @param first the first pin's plan (written)
 * @param pinned the Dockerfile's bytes after the first pin
 * @param second the second pin's plan against the lock pin rewrote (not written)
 */
record PinTwice(PinResult first, byte[] pinned, PinResult second) {

    static PinTwice run(String text, Function<byte[], LockFile> lockFor) throws Exception {
        Path dir = Files.createTempDirectory("strata-pin-twice");
        try {
            Path dockerfile = dir.resolve("Dockerfile");
            Path lockPath = dir.resolve("strata.lock");
            byte[] original = text.getBytes(StandardCharsets.UTF_8);
            Files.write(dockerfile, original);
            LockFile lock = lockFor.apply(original);
            Files.writeString(lockPath, LockFileIO.write(lock));
            PinResult first = Pinner.plan(dockerfile, lock);
            Pinner.write(first, lock, lockPath);
            byte[] pinned = Files.readAllBytes(dockerfile);
            return new PinTwice(first, pinned, Pinner.plan(dockerfile, LockFileIO.read(lockPath)));
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    String pinnedText() {
        return new String(pinned, StandardCharsets.UTF_8);
    }
}
