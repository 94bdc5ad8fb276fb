package dev.strata.rules.model;

import java.util.Optional;

/**
 * The files a Dockerfile's build can see (its build context), for the rules that read them:
 * requirements files, environment.yml, .dockerignore, lock files. Paths are relative to the
 * context root, "/" separated.
 */
public interface BuildContext {
    /** The file's text when it exists, is a regular file and is UTF-8 text; empty otherwise. */
    Optional<String> readText(String path);

    /** Whether a file or directory exists at the path. */
    boolean exists(String path);

    /** Whether a directory exists at the path. */
    boolean isDirectory(String path);

    /** Names of the entries at the top of the context, sorted; directories end with "/". */
    java.util.List<String> topLevel();

    /** How findings name a context file: its path relative to the audited root. */
    String display(String path);

    /** A context with no files, for auditing a Dockerfile on its own (benchmarks, stdin). */
    static BuildContext empty() {
        return new BuildContext() {
            @Override
            public Optional<String> readText(String path) {
                return Optional.empty();
            }

            @Override
            public boolean exists(String path) {
                return false;
            }

            @Override
            public boolean isDirectory(String path) {
                return false;
            }

            @Override
            public java.util.List<String> topLevel() {
                return java.util.List.of();
            }

            @Override
            public String display(String path) {
                return path;
            }
        };
    }
}
