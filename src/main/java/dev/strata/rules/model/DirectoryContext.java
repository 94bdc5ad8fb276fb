package dev.strata.rules.model;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A build context on disk: the directory holding the Dockerfile (the usual {@code docker build .}).
 * Paths that would leave the directory are treated as absent, as the builder would refuse them.
 *
 * @param root the context directory
 * @param displayPrefix the context directory relative to the audited root ("" when the same)
 */
public record DirectoryContext(Path root, String displayPrefix) implements BuildContext {
    private static final long MAX_TEXT = 1 << 20;

    @Override
    public Optional<String> readText(String path) {
        Optional<Path> p = resolve(path);
        if (p.isEmpty() || !Files.isRegularFile(p.get())) {
            return Optional.empty();
        }
        try {
            if (Files.size(p.get()) > MAX_TEXT) {
                return Optional.empty();
            }
            String s = Files.readString(p.get());
            return s.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(s);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String path) {
        return resolve(path).map(Files::exists).orElse(false);
    }

    @Override
    public boolean isDirectory(String path) {
        return resolve(path).map(Files::isDirectory).orElse(false);
    }

    @Override
    public java.util.List<String> topLevel() {
        try (var entries = Files.list(root)) {
            return entries.map(e -> e.getFileName().toString() + (Files.isDirectory(e) ? "/" : "")).sorted().toList();
        } catch (IOException e) {
            return java.util.List.of();
        }
    }

    @Override
    public String display(String path) {
        String clean = normalize(path);
        return displayPrefix.isEmpty() ? clean : displayPrefix + "/" + clean;
    }

    private Optional<Path> resolve(String path) {
        String clean = normalize(path);
        if (clean.startsWith("../") || clean.equals("..")) {
            return Optional.empty();
        }
        return Optional.of(root.resolve(clean));
    }

    static String normalize(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return Path.of(p.isEmpty() ? "." : p).normalize().toString().replace('\\', '/');
    }
}
