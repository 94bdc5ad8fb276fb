package dev.strata.project;

/** A path the scanner did not read, relative to the root, and why (size cap, symlink, skip glob, file limit). */
public record SkippedPath(String path, String reason) {}
