package dev.strata.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the file named by a {@code -r}/{@code -c} include. Resolution is relative to the including
 * file, as pip does. Implementations decide what may be read (e.g. nothing outside a root).
 */
@FunctionalInterface
public interface IncludeLoader {

    /** A loaded include: the name it is reported under and its text. */
    record Source(String name, String text) {}

    /**
     * @param includingFile the name of the file holding the include line
     * @param target        the path as written after {@code -r}/{@code -c}
     * @return the included file, or empty with no exception when it cannot or may not be read
     */
    Optional<Source> load(String includingFile, String target);

    /** Follows no include (includes are still listed in the result, without a problem). */
    static IncludeLoader none() {
        return NoIncludes.INSTANCE;
    }

    /** The loader that reads nothing; a singleton so parsers can tell "not following" from "not found". */
    final class NoIncludes implements IncludeLoader {
        static final NoIncludes INSTANCE = new NoIncludes();

        private NoIncludes() {}

        @Override
        public Optional<Source> load(String includingFile, String target) {
            return Optional.empty();
        }
    }

    /**
     * Reads includes from the file system under {@code root}: names are "/"-separated paths
     * relative to root; targets that resolve outside it (also through symlinks), URLs, and files
     * larger than {@code maxBytes} are not read.
     */
    static IncludeLoader within(Path root, long maxBytes) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return none();
        }
        return (from, target) -> {
            if (target.contains("://") || target.isEmpty()) {
                return Optional.empty();
            }
            try {
                Path base = from.isEmpty() ? realRoot : realRoot.resolve(from).getParent();
                Path candidate = (base == null ? realRoot : base).resolve(target).normalize();
                if (!candidate.startsWith(realRoot) || !Files.isRegularFile(candidate)) {
                    return Optional.empty();
                }
                Path real = candidate.toRealPath();
                if (!real.startsWith(realRoot) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                        || Files.size(real) > maxBytes) {
                    return Optional.empty();
                }
                String text;
                try (InputStream in = Files.newInputStream(real)) {
                    text = new String(in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8)),
                            StandardCharsets.UTF_8);
                }
                String name = realRoot.relativize(real).toString().replace('\\', '/');
                return Optional.of(new Source(name, text));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        };
    }
}
