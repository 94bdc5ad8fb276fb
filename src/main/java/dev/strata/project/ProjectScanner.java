package dev.strata.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scans a repository for the reproducibility layers other than the container: language
 * dependencies, system dependencies documented outside the Dockerfile, data, experiment state,
 * tests, notebooks, citation and archive. Reads files only (never writes, never runs anything),
 * never follows symbolic links, and honours the caps in {@link ScanOptions}.
 */
public final class ProjectScanner {

    private ProjectScanner() {}

    /**
     * @throws IllegalArgumentException when {@code root} is not a directory
     * @throws UncheckedIOException     when the directory cannot be walked at all
     */
    public static ProjectReport scan(Path root, ScanOptions options) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + ": not a directory");
        }
        ProjectFiles files;
        try {
            files = ProjectFiles.walk(root, options);
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot be read", e);
        }
        List<LockFile> lockFiles = new ArrayList<>();
        List<LayerResult> layers = new ArrayList<>();
        layers.add(LanguageLayer.analyze(files, lockFiles));
        layers.add(SystemLayer.analyze(files));
        layers.add(DataLayer.analyze(files));
        layers.add(ExperimentLayer.analyze(files));
        layers.add(TestsLayer.analyze(files));
        layers.add(NotebooksLayer.analyze(files));
        layers.add(CitationLayer.analyze(files));
        return new ProjectReport(root.toString(), layers, lockFiles, files.files().size(), files.skipped());
    }

    /** {@link #scan(Path, ScanOptions)} with {@link ScanOptions#defaults()}. */
    public static ProjectReport scan(Path root) {
        return scan(root, ScanOptions.defaults());
    }
}
